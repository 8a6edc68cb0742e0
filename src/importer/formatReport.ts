import type { ImportFileResult } from './runImport'

import { ImportError } from './importError'
import { toDryRunJson, type DryRunJson } from './toDryRunJson'

export interface ImportTotals {
  created: number
  updated: number
  unchanged: number
  parsed: number
  failed: number
  warnings: number
}

export function countResults(results: readonly ImportFileResult[]): ImportTotals {
  const totals: ImportTotals = { created: 0, updated: 0, unchanged: 0, parsed: 0, failed: 0, warnings: 0 }
  for (const result of results) {
    if (!result.ok) totals.failed++
    else if (result.action) totals[result.action]++
    totals.warnings += result.article?.warnings.length ?? 0
  }
  return totals
}

/** One `--json` object per file: the dry-run fields, plus what was stored. */
export function toResultJson(result: ImportFileResult): DryRunJson & { action: string | null; id: string | null } {
  const base = result.article
    ? toDryRunJson(result.file, result.article)
    : toDryRunJson(result.file, new ImportError('validation-failed', result.file, result.error ?? 'failed'))
  return { ...base, action: result.action, id: result.id }
}

/** Terminal width of a string: Han characters take two columns. */
function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1
  return width
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text
  let out = ''
  for (const char of text) {
    if (displayWidth(out + char) > width - 1) break
    out += char
  }
  return `${out}…`
}

const ACTION_LABELS: Record<string, string> = {
  created: 'created',
  updated: 'updated',
  unchanged: 'unchanged',
  parsed: 'parsed',
}

/** The table printed at the end of an import: a row per file, then the totals. */
export function formatSummaryTable(results: readonly ImportFileResult[]): string {
  const rows = results.map((result) => [
    result.file,
    result.ok ? ACTION_LABELS[result.action ?? ''] ?? '' : 'FAILED',
    result.ok ? truncate(result.article?.title ?? '', 36) : truncate(result.error ?? '', 60),
    result.ok ? String(result.article?.warnings.length ?? 0) : '',
  ])
  const header = ['file', 'result', 'title / error', 'warnings']
  const widths = header.map((title, column) => Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column]!))))
  const line = (cells: string[]) => cells.map((cell, column) => pad(cell, widths[column]!)).join('  ').trimEnd()
  const totals = countResults(results)
  const summary = `created ${totals.created} · updated ${totals.updated} · unchanged ${totals.unchanged}${
    totals.parsed ? ` · parsed ${totals.parsed} (dry run)` : ''
  } · failed ${totals.failed} · warnings ${totals.warnings}`
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line), '', summary].join('\n')
}

/** A one-line progress bar for a terminal. */
export function renderProgressBar(done: number, total: number, file: string, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width)
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${truncate(file, 40)}`
}
