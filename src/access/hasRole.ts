import type { Access, FieldAccess } from 'payload'

import { hasAnyRole, type Role } from '../roles'

/** Access for users holding any of the given roles. */
export const hasRole =
  (...roles: Role[]): Access =>
  ({ req: { user } }) =>
    hasAnyRole(user, roles)

/** Field-level variant of hasRole. */
export const fieldHasRole =
  (...roles: Role[]): FieldAccess =>
  ({ req: { user } }) =>
    hasAnyRole(user, roles)

export const isAdmin = hasRole('admin')
