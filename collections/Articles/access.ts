import type { Access } from 'payload'

import { EDITING_ROLES, hasAnyRole } from '../../src/roles'

/** Editors edit any story; a reporter edits the stories they created. */
export const canUpdateArticle: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasAnyRole(user, EDITING_ROLES)) return true
  if (hasAnyRole(user, ['reporter'])) return { createdBy: { equals: user.id } }
  return false
}
