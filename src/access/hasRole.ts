import type { Access } from 'payload'

import { hasAnyRole, type Role } from '../roles'

/** Access for users holding any of the given roles. */
export const hasRole =
  (...roles: Role[]): Access =>
  ({ req: { user } }) =>
    hasAnyRole(user, roles)

export const isAdmin = hasRole('admin')

/** Boolean-only variant for places that take no query (the jobs queue's access). */
export const userHasRole =
  (...roles: Role[]) =>
  ({ req: { user } }: { req: { user?: unknown } }): boolean =>
    hasAnyRole(user as never, roles)
