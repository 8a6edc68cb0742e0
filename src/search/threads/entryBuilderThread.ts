/**
 * A worker thread of a full rebuild (entryBuilderPool): builds and encodes the entries of the
 * batches the main thread reads, while the main thread reads the next batch and writes the last.
 * Takes and returns plain data only.
 */
import { parentPort } from 'node:worker_threads'

import type { EntryBuildRequest, EntryBuildResponse } from './entryBuilderPool'

import { encodeSqliteEntry } from '../encodeSqliteEntry'
import { buildSearchDocuments } from '../searchDocument'

parentPort!.on('message', ({ id, articleIds, sources, districts }: EntryBuildRequest) => {
  let response: EntryBuildResponse
  try {
    const built = buildSearchDocuments(articleIds, sources, districts)
    response = { id, articles: articleIds.map((articleId) => ({ articleId, rows: (built.get(articleId) ?? []).map(encodeSqliteEntry) })) }
  } catch (error) {
    response = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
  parentPort!.postMessage(response)
})
