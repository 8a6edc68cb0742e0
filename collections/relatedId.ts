/** A relationship value as Payload gives it: an id, a populated document, or nothing. */
export type Related = string | number | { id: string | number } | null | undefined

/** The id of a relationship value, populated or not. */
export function relatedId(value: Related): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'object') return String(value.id)
  return String(value)
}
