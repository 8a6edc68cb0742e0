import type { ImportFileResult } from './runImport'

/** What an import run did, counted file by file: all runImport keeps of its results. */
export interface ImportTotals {
  created: number
  updated: number
  unchanged: number
  parsed: number
  failed: number
  warnings: number
}

export function createImportTotals(): ImportTotals {
  return { created: 0, updated: 0, unchanged: 0, parsed: 0, failed: 0, warnings: 0 }
}

/** Adds one file's result to the totals. */
export function countResult(totals: ImportTotals, result: ImportFileResult): ImportTotals {
  if (!result.ok) totals.failed++
  else if (result.action) totals[result.action]++
  totals.warnings += result.article?.warnings.length ?? 0
  return totals
}
