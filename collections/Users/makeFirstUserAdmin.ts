import type { CollectionBeforeChangeHook } from 'payload'

import { USERS_SLUG } from '../slugs'

/**
 * The account made on Payload's create-first-user screen (or from ADMIN_EMAIL at
 * start-up) must be able to manage the newsroom, so the first user is an admin.
 */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: USERS_SLUG, req })
  if (totalDocs === 0) return { ...data, roles: ['admin'] }
  return data
}
