import type { Payload } from 'payload'

import { runImport, type ImportFileResult, type RunImportOptions } from '../../src/importer/runImport'

/** Runs the importer and keeps every file's result, in order: tests look at them all, where the CLI keeps a row each. */
export async function importAndCollect(
  payload: Payload | null,
  files: readonly string[],
  options: Omit<RunImportOptions, 'onResult'>,
): Promise<ImportFileResult[]> {
  const results: ImportFileResult[] = []
  await runImport(payload, files, { ...options, onResult: (result) => void results.push(result) })
  return results
}
