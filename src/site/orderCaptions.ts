import type { Caption } from '../payload-types'

type Ordered = Pick<Caption, 'position' | 'createdAt'>

/**
 * Captions in the order the story prints them: by position, and captions sharing a position
 * (the importer can give several the same one) in the order they were written. Payload sorts by
 * the one field and leaves ties to the database, which returns them in different orders.
 */
export function orderCaptions<T extends Ordered>(captions: readonly T[]): T[] {
  return [...captions].sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || Date.parse(a.createdAt) - Date.parse(b.createdAt))
}
