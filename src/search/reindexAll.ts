import type { Payload } from 'payload'

import os from 'node:os'

import { ARTICLES_SLUG } from '../../collections/slugs'
import { logSearchIndexChange } from '../delivery/changeLog/changeLog'
import { startEntryBuilderPool } from './threads/entryBuilderPool'
import { getSearchStore } from './getSearchStore'
import { buildSearchDocuments, readSearchDistricts, readSearchSources } from './searchDocument'

export interface ReindexOptions {
  /** Articles read and written per step. */
  batchSize?: number
  /**
   * Worker threads building the entries while the main thread reads and writes (on a store with
   * a bulk load, i.e. SQLite); 0 builds them on the main thread. By default one per core but the
   * main thread's, and none for fewer than WORKERS_FROM articles (a thread's start costs more).
   */
  workers?: number
  onProgress?: (done: number, total: number) => void
}

/** Articles from which a rebuild starts worker threads by default: each loads its own segmenter (about a second of CPU). */
const WORKERS_FROM = 2000

/**
 * Rebuilds the whole index from the articles (`npm run search:reindex`, and the benchmark):
 * emptied, then refilled in batches in id order. Searches in the meantime see a partial index.
 * With worker threads, a pipeline: while the workers build the entries of one batch, the main
 * thread reads the next and writes the one before; batches are still written in order.
 */
export async function reindexAll(payload: Payload, options: ReindexOptions = {}): Promise<{ articles: number; entries: number }> {
  const batchSize = options.batchSize ?? 200
  const store = getSearchStore(payload)
  const bulkLoad = store.bulkLoad
  const total = await payload.count({ collection: ARTICLES_SLUG, overrideAccess: true }).then((result) => result.totalDocs)
  const workers = bulkLoad ? (options.workers ?? (total >= WORKERS_FROM ? Math.max(1, os.availableParallelism() - 1) : 0)) : 0
  // Started first: the threads load their segmenters while the index is emptied and the first batch read.
  const pool = workers > 0 ? startEntryBuilderPool(workers) : undefined
  try {
    await store.prepare()
    await store.clear()
  } catch (error) {
    await pool?.close()
    throw error
  }
  let done = 0
  let afterId: string | undefined
  options.onProgress?.(0, total)
  // Batches read and not yet written, oldest first; each one's write once its entries are built.
  const inFlight: { count: number; write: Promise<() => Promise<void>> }[] = []
  const writeOldest = async () => {
    const batch = inFlight.shift()!
    await (await batch.write)()
    done += batch.count
    options.onProgress?.(done, Math.max(total, done))
  }
  try {
    const districts = await readSearchDistricts(payload)
    for (;;) {
      const page = await payload.find({
        collection: ARTICLES_SLUG,
        where: afterId === undefined ? {} : { id: { greater_than: afterId } },
        sort: 'id',
        limit: batchSize,
        depth: 0,
        select: { slug: true },
        overrideAccess: true,
        pagination: false,
      })
      if (page.docs.length === 0) break
      const ids = page.docs.map((doc) => String(doc.id))
      const sources = await readSearchSources(payload, ids)
      let write: Promise<() => Promise<void>>
      if (pool && bulkLoad) write = pool.build(ids, sources, districts).then((articles) => () => bulkLoad.replaceEncoded(articles))
      else {
        const documents = buildSearchDocuments(ids, sources, districts)
        write = Promise.resolve(() => store.replaceArticles(ids.map((articleId) => ({ articleId, documents: documents.get(articleId) ?? [] }))))
      }
      // Awaited in order by writeOldest; a failure meanwhile is not unhandled.
      write.catch(() => {})
      inFlight.push({ count: ids.length, write })
      afterId = ids.at(-1)
      // Each worker keeps a batch queued behind the one it builds; the main thread writes the oldest meanwhile.
      while (inFlight.length > (pool?.size ?? 0)) await writeOldest()
    }
    while (inFlight.length > 0) await writeOldest()
  } finally {
    await pool?.close()
    // After a failure too: compact() turns back on what clear() turned off for the bulk load.
    await store.compact()
  }
  await logSearchIndexChange(payload)
  return { articles: done, entries: await store.countEntries() }
}
