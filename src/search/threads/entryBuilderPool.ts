import { Worker } from 'node:worker_threads'

import type { SqliteEntryRow } from '../encodeSqliteEntry'
import type { SearchDistrict, SearchSources } from '../searchDocument'

export interface EntryBuildRequest {
  id: number
  articleIds: string[]
  sources: SearchSources[]
  districts: SearchDistrict[]
}

export type EntryBuildResponse = { id: number; articles: { articleId: string; rows: SqliteEntryRow[] }[] } | { id: number; error: string }

export interface EntryBuilderPool {
  size: number
  /** The articles' entries, encoded for the SQLite index (none for an article without sources). */
  build(articleIds: string[], sources: SearchSources[], districts: SearchDistrict[]): Promise<{ articleId: string; rows: SqliteEntryRow[] }[]>
  close(): Promise<void>
}

/**
 * Worker threads that build and encode a full rebuild's entries (segmentation, folding, pinyin:
 * most of a story's CPU), each batch given to the thread with the fewest waiting. Each thread
 * loads its own segmenter and converters on its first batch (about a second of CPU).
 */
const START_MODULE = new URL('./startTypeScriptThread.mjs', import.meta.url)
const THREAD_MODULE = new URL('./entryBuilderThread.ts', import.meta.url).href

export function startEntryBuilderPool(size: number): EntryBuilderPool {
  let nextId = 0
  const threads = Array.from({ length: size }, () => {
    const waiting = new Map<number, { resolve: (articles: { articleId: string; rows: SqliteEntryRow[] }[]) => void; reject: (error: Error) => void }>()
    const worker = new Worker(START_MODULE, { workerData: { entry: THREAD_MODULE } })
    const failAll = (error: Error) => {
      for (const task of waiting.values()) task.reject(error)
      waiting.clear()
    }
    worker.on('message', (response: EntryBuildResponse) => {
      const task = waiting.get(response.id)
      waiting.delete(response.id)
      if ('error' in response) task?.reject(new Error(`building search entries failed in a worker thread: ${response.error}`))
      else task?.resolve(response.articles)
    })
    worker.on('error', failAll)
    worker.on('exit', (code) => failAll(new Error(`a search entry builder thread stopped (exit code ${code})`)))
    return { worker, waiting }
  })
  return {
    size,
    build(articleIds, sources, districts) {
      const thread = threads.reduce((least, candidate) => (candidate.waiting.size < least.waiting.size ? candidate : least))
      const id = nextId++
      return new Promise((resolve, reject) => {
        thread.waiting.set(id, { resolve, reject })
        thread.worker.postMessage({ id, articleIds, sources, districts } satisfies EntryBuildRequest)
      })
    },
    async close() {
      await Promise.all(threads.map(({ worker }) => worker.terminate()))
    },
  }
}
