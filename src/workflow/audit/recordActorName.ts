import type { CollectionBeforeChangeHook } from 'payload'

import { USERS_SLUG } from '../../../collections/slugs'

/**
 * Stores the actor's display name on the audit entry when it is written: the trail then reads the
 * same for every role and at any later time (a renamed or deleted account keeps its name here), and
 * the admin shows it with the entries instead of looking each account up afterwards.
 */
export const recordActorName: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || data.byName) return data
  const by = data.by && typeof data.by === 'object' ? (data.by as { id?: unknown }).id : data.by
  if (by === undefined || by === null || by === '') return data
  const actor = await req.payload.findByID({ collection: USERS_SLUG, id: String(by), depth: 0, disableErrors: true, overrideAccess: true, req, select: { name: true } })
  return { ...data, byName: typeof actor?.name === 'string' && actor.name ? actor.name : String(by) }
}
