import type { Access, FieldAccess } from 'payload'

import { hasAnyRole } from '../../src/roles'

/** Admins manage every account; everyone else may edit their own profile. */
export const isAdminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasAnyRole(user, ['admin'])) return true
  return { id: { equals: user.id } }
}

/**
 * Only an admin assigns roles, and nobody changes their own: an admin cannot
 * demote themselves by accident and lock the newsroom out.
 */
export const canAssignRoles: FieldAccess = ({ req: { user }, id }) =>
  hasAnyRole(user, ['admin']) && (id === undefined || String(id) !== String(user?.id))
