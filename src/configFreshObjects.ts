import type { Plugin } from 'payload'

/**
 * Payload's sanitizer writes into the configuration objects it is given (it appends a date
 * field's `_tz` companion to the collection's own `fields` array, for one). Collections and
 * globals are module constants, so a second configuration built in one process (a test starting
 * another app) would be sanitized from already-sanitized objects. This plugin, run after all
 * the others, hands the sanitizer fresh copies of every plain object and array; functions and
 * class instances (hooks, the database adapter, promises) are shared as they are.
 */
export const configFreshObjects: Plugin = Object.assign((config: Parameters<Plugin>[0]) => copyPlainValues(config, new WeakMap()), {
  order: Number.MAX_SAFE_INTEGER,
})

function copyPlainValues<T>(value: T, copies: WeakMap<object, unknown>): T {
  if (value === null || typeof value !== 'object') return value
  const seen = copies.get(value)
  if (seen) return seen as T
  if (Array.isArray(value)) {
    const copy: unknown[] = []
    copies.set(value, copy)
    for (const item of value) copy.push(copyPlainValues(item, copies))
    return copy as T
  }
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return value
  const copy: Record<string, unknown> = {}
  copies.set(value, copy)
  for (const [key, item] of Object.entries(value)) copy[key] = copyPlainValues(item, copies)
  return copy as T
}
