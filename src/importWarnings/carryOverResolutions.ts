import type { StoredWarning } from './storedWarnings'

const RESOLUTION_FIELDS = ['resolution', 'resolvedBy', 'resolvedAt', 'resolutionNote'] as const

const sameWarning = (warning: StoredWarning) => JSON.stringify([warning.kind, warning.message, warning.snippet ?? '', warning.paragraph ?? null, warning.line ?? null])

const idOf = (value: unknown) => (typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : value)

/**
 * A re-import's warnings, with what the newsroom already decided about the same warning (same
 * kind, message, snippet and place) carried over: a changed source must not reopen what was dealt
 * with, while a warning the change brings is new and open.
 */
export function carryOverResolutions<T extends object>(next: readonly T[], previous: readonly StoredWarning[]): T[] {
  const decided = new Map(previous.filter((warning) => warning.resolution).map((warning) => [sameWarning(warning), warning]))
  return next.map((warning) => {
    const before = decided.get(sameWarning(warning as StoredWarning))
    if (!before) return warning
    const carried = Object.fromEntries(RESOLUTION_FIELDS.map((field) => [field, field === 'resolvedBy' ? idOf(before[field]) : before[field]]))
    return { ...warning, ...carried }
  })
}
