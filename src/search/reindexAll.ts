import type { Payload } from 'payload'

import { ARTICLES_SLUG } from '../../collections/slugs'
import { logSearchIndexChange } from '../delivery/changeLog/changeLog'
import { getSearchStore } from './getSearchStore'
import { readSearchDocuments } from './searchDocument'

export interface ReindexOptions {
  /** Articles read and written per step. */
  batchSize?: number
  onProgress?: (done: number, total: number) => void
}

/**
 * Rebuilds the whole index from the articles (`npm run search:reindex`, and the benchmark):
 * emptied, then refilled in batches in id order. Searches in the meantime see a partial index.
 */
export async function reindexAll(payload: Payload, options: ReindexOptions = {}): Promise<{ articles: number; entries: number }> {
  const batchSize = options.batchSize ?? 200
  const store = getSearchStore(payload)
  await store.prepare()
  await store.clear()
  const total = await payload.count({ collection: ARTICLES_SLUG, overrideAccess: true }).then((result) => result.totalDocs)
  let done = 0
  let afterId: string | undefined
  options.onProgress?.(0, total)
  try {
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
      const documents = await readSearchDocuments(payload, ids)
      await store.replaceArticles(ids.map((articleId) => ({ articleId, documents: documents.get(articleId) ?? [] })))
      done += ids.length
      afterId = ids.at(-1)
      options.onProgress?.(done, Math.max(total, done))
    }
  } finally {
    // After a failure too: compact() turns back on what clear() turned off for the bulk load.
    await store.compact()
  }
  await logSearchIndexChange(payload)
  return { articles: done, entries: await store.countEntries() }
}
