import type { Access, Where } from 'payload'

import { hasAnyRole } from '../../src/roles'
import { PRE_PUBLICATION_STAGES, REPORTER_EDITABLE_STAGES } from '../../src/workflow/stages'

/**
 * Who edits what, by workflow stage: chief editors and admins edit every story
 * (a live story's edits are a new draft until published again); editors edit
 * stories not yet published, and add corrections and update notes to live ones; a reporter edits their own drafts and returned stories.
 */
export const canUpdateArticle: Access = ({ req: { user } }): boolean | Where => {
  if (!user) return false
  if (hasAnyRole(user, ['admin', 'chief-editor'])) return true
  // On a live story, an editor may only add a correction or update note as a draft (src/workflow/limitEditorsToNotesOnLiveStories.ts).
  if (hasAnyRole(user, ['editor'])) return { workflowStage: { in: [...PRE_PUBLICATION_STAGES, 'published'] } }
  if (hasAnyRole(user, ['reporter'])) {
    return { and: [{ createdBy: { equals: user.id } }, { workflowStage: { in: [...REPORTER_EDITABLE_STAGES] } }] }
  }
  return false
}
