import { hasAnyRole, roleLabels, type Role } from '../roles'
import type { PublishOverride, SettledOverride } from '../workflow/publishing/publishGates'
import { WorkflowError } from '../workflow/workflowError'
import { WARNING_OVERRIDE_ROLES, type WarningResolution } from './importWarningKinds'
import { describeWarnings, findUnresolvedSeriousWarnings, isUnresolvedSeriousWarning, storedWarningsOf, type StoredWarning } from './storedWarnings'

/** The override of the warnings gate, as the workflow carries it. */
export type WarningOverride = PublishOverride

interface OverridingUser {
  roles?: readonly string[] | null
}

/** The override as asked for, checked: the role may override and gave a reason. Throws a WorkflowError otherwise. */
export function assertWarningOverride(user: OverridingUser, request: { reason?: unknown }): WarningOverride {
  if (!hasAnyRole(user, WARNING_OVERRIDE_ROLES)) {
    const held = (user.roles ?? []).map((role) => roleLabels[role as Role]?.zh ?? role).join('、') || undefined
    throw new WorkflowError('warnings-override-refused', { role: held })
  }
  const reason = typeof request?.reason === 'string' ? request.reason.trim() : ''
  if (!reason) throw new WorkflowError('warnings-override-reason-required')
  return { reason }
}

/** Refuses to put a story live while it has unresolved serious importer warnings, naming them. */
export function assertNoUnresolvedImportWarnings(stored: unknown, incoming?: unknown): void {
  const unresolved = findUnresolvedSeriousWarnings(stored, incoming)
  if (unresolved.length > 0) throw new WorkflowError('unresolved-import-warnings', { warnings: describeWarnings(unresolved), warningsEn: describeWarnings(unresolved, 'en') })
}

const idOf = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  return typeof value === 'object' && 'id' in (value as object) ? String((value as { id: unknown }).id) : String(value)
}

/** Warning rows with the matching ones marked as dealt with (who, when, how, why); relationships by id, as Payload writes them. */
export function markWarnings(
  rows: readonly StoredWarning[],
  matches: (warning: StoredWarning) => boolean,
  mark: { resolution: WarningResolution; by: string; at: string; note?: string },
): StoredWarning[] {
  return rows.map((row) => {
    const base = { ...row, resolvedBy: idOf(row.resolvedBy) }
    if (!matches(row)) return base
    return { ...base, resolution: mark.resolution, resolvedBy: mark.by, resolvedAt: mark.at, resolutionNote: mark.note ?? null }
  })
}

/**
 * The chief editor's override, applied to a save the publishing service granted: every unresolved
 * serious warning is marked overridden with the reason, and an audit entry names them.
 */
export function applyWarningOverride(
  data: Record<string, unknown>,
  originalDoc: unknown,
  override: WarningOverride | undefined,
  by: string,
): SettledOverride {
  if (!override) return { data }
  const unresolved = findUnresolvedSeriousWarnings(originalDoc, data)
  if (unresolved.length === 0) return { data }
  const at = new Date().toISOString()
  const incoming = (data.provenance as { warnings?: StoredWarning[] } | undefined)?.warnings
  const rows = markWarnings(incoming ?? storedWarningsOf(originalDoc), isUnresolvedSeriousWarning, { resolution: 'overridden', by, at, note: override.reason })
  const provenance = { ...((originalDoc as { provenance?: object } | undefined)?.provenance ?? {}), ...((data.provenance as object | undefined) ?? {}), warnings: rows }
  return {
    data: { ...data, provenance },
    overridden: { by, at, comment: `越过导入警告：${override.reason}（${describeWarnings(unresolved)}）` },
  }
}
