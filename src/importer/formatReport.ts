import type { ImportTotals } from './importTotals'
import type { ImportFileResult } from './runImport'

import { ImportError } from './importError'
import { toDryRunJson, type DryRunJson } from './toDryRunJson'

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

/** One file's row in the summary table, cells already cut to width: what the CLI keeps of each result. */
export type SummaryRow = [file: string, result: string, titleOrError: string, warnings: string]

export function toSummaryRow(result: ImportFileResult): SummaryRow {
  const titleOrError = result.ok ? truncate(result.article?.title ?? '', 36) : truncate(result.error ?? '', 60)
  return [
    result.file,
    result.ok ? (result.action ?? '') : 'FAILED',
    // A flat copy: a title cut from the source text (or built piece by piece) would otherwise keep all of that alive.
    structuredClone(titleOrError),
    result.ok ? String(result.article?.warnings.length ?? 0) : '',
  ]
}

/** The table printed at the end of an import: a row per file, then the totals. */
export function formatSummaryTable(rows: readonly SummaryRow[], totals: ImportTotals): string {
  const header = ['file', 'result', 'title / error', 'warnings']
  const widths = header.map((title, column) => rows.reduce((width, row) => Math.max(width, displayWidth(row[column]!)), displayWidth(title)))
  const line = (cells: readonly string[]) => cells.map((cell, column) => pad(cell, widths[column]!)).join('  ').trimEnd()
  const summary = `created ${totals.created} · updated ${totals.updated} · unchanged ${totals.unchanged}${
    totals.parsed ? ` · parsed ${totals.parsed} (dry run)` : ''
  } · failed ${totals.failed} · warnings ${totals.warnings}`
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line), '', summary].join('\n')
}

/**
 * Prints a JSON array one item at a time, byte for byte as JSON.stringify(items, null, 2)
 * would print it whole: `--json` output stays one valid document without holding every item.
 */
export function createJsonArrayWriter(write: (chunk: string) => void | Promise<void>): {
  add(item: unknown): void | Promise<void>
  close(): void | Promise<void>
} {
  let count = 0
  return {
    add(item) {
      const indented = JSON.stringify(item, null, 2).replace(/\n/g, '\n  ')
      return write(`${count++ === 0 ? '[\n' : ',\n'}  ${indented}`)
    },
    close() {
      return write(count === 0 ? '[]\n' : '\n]\n')
    },
  }
}

/** A one-line progress bar for a terminal. */
export function renderProgressBar(done: number, total: number, file: string, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width)
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${truncate(file, 40)}`
}
