import type { CollectionAfterReadHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { USERS_SLUG } from '../../../collections/slugs'

async function findActorName(req: PayloadRequest, by: unknown): Promise<string | null> {
  const id = by && typeof by === 'object' ? (by as { id?: unknown }).id : by
  if (id === undefined || id === null || id === '') return null
  // The actor's name only, whoever reads the trail: colleagues' names are not secret in the newsroom.
  const actor = await req.payload.findByID({ collection: USERS_SLUG, id: String(id), depth: 0, disableErrors: true, overrideAccess: true, req, select: { name: true } })
  return typeof actor?.name === 'string' && actor.name ? actor.name : String(id)
}

/**
 * Stores the actor's display name on the audit entry when it is written: the trail then reads the
 * same for every role and at any later time (a renamed or deleted account keeps its name here), and
 * the admin shows it with the entries instead of looking each account up afterwards.
 */
export const recordActorName: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || data.byName) return data
  const byName = await findActorName(req, data.by)
  return byName ? { ...data, byName } : data
}

/** Entries written before names were stored get the account's current name when read. */
export const fillMissingActorName: CollectionAfterReadHook = async ({ doc, req }) => {
  if (doc.byName || !doc.by) return doc
  const byName = await findActorName(req, doc.by)
  return byName ? { ...doc, byName } : doc
}
