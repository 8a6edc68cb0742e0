import type { CollectionBeforeDeleteHook } from 'payload'

import { WorkflowError } from '../../../src/workflow/workflowError'
import { CAPTIONS_SLUG, WORKFLOW_EVENTS_SLUG } from '../../slugs'

/**
 * Deleting a story: its captions go with it (they describe this use of a photo; the photo
 * stays), and a story with an audit trail cannot be deleted at all, since the trail is never
 * edited and would point at nothing. Without this the databases disagreed: SQLite refused the
 * delete with a foreign-key error (a 500), MongoDB left captions and audit entries orphaned.
 */
export const deleteWithCaptionsUnlessAudited: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs: events } = await req.payload.count({ collection: WORKFLOW_EVENTS_SLUG, where: { article: { equals: id } }, overrideAccess: true, req })
  if (events > 0) {
    throw new WorkflowError('delete-audited', { events: String(events) })
  }
  await req.payload.delete({ collection: CAPTIONS_SLUG, where: { article: { equals: id } }, overrideAccess: true, req })
}
