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

/**
 * E-mail addresses are for admins (who manage accounts) and the account's owner: colleagues see
 * each other's names and roles. Without a document (a where or sort on e-mail) only admins pass,
 * so a query cannot find out addresses either.
 */
export const canReadEmail: FieldAccess = ({ req: { user }, doc, id }) => {
  if (hasAnyRole(user, ['admin'])) return true
  const owner = doc?.id ?? id
  return Boolean(user && owner !== undefined && String(owner) === String(user.id))
}
