import type { Where } from 'payload'

/** Captions waiting for their photo (待配图): the importer creates them, a photographer fills them. */
export const AWAITING_PHOTO_WHERE: Where = { photo: { exists: false } }

/** The admin list of captions filtered to the queue, as a URL query string. */
export const AWAITING_PHOTO_QUERY = 'where[photo][exists]=false&sort=-createdAt'

/** Whether the list view's search parameters (flat "where[photo][exists]" or parsed) already show the queue. */
export function isAwaitingPhotoFilter(searchParams: unknown): boolean {
  if (!searchParams || typeof searchParams !== 'object') return false
  const params = searchParams as Record<string, unknown>
  const flat = params['where[photo][exists]']
  if (flat === 'false' || (Array.isArray(flat) && flat.includes('false'))) return true
  const where = params.where as { photo?: { exists?: unknown } } | undefined
  return where?.photo?.exists === 'false' || where?.photo?.exists === false
}
