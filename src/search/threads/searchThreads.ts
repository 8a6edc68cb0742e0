import { Worker } from 'node:worker_threads'

import type { SearchAnswer, SearchParams } from '../answerFromSearchStore'

/**
 * Anonymous searches answered in worker threads, each with its own read-only connection to the
 * SQLite index. libsql's calls are synchronous: on the server's thread a search (2–6 ms of CPU at
 * 100,000 stories) holds every other request until it ends, and concurrent searches queue on one
 * core. In threads they run side by side, one per core, and the server's thread only parses,
 * sends and answers. Written by hand because nothing in Payload runs a read off its thread.
 *
 * Threads start on the first search (a server that is never searched starts none) and are used
 * once ready; until then, and whenever a thread fails, `answer` returns undefined and the caller
 * searches on its own thread. A thread that exits is replaced on the next search.
 */
export interface SearchThreads {
  /** The answer from a ready thread, or undefined when none is (the caller then searches itself). */
  answer(params: SearchParams): Promise<SearchAnswer | undefined>
  close(): Promise<void>
}

interface Thread {
  worker: Worker
  ready: boolean
  pending: Map<number, { resolve: (answer: SearchAnswer | undefined) => void }>
}

const START_MODULE = new URL('./startTypeScriptThread.mjs', import.meta.url)
const THREAD_MODULE = new URL('./searchThread.ts', import.meta.url).href

export function createSearchThreads(indexFile: string, count: number, onError: (error: unknown) => void): SearchThreads {
  const threads: (Thread | undefined)[] = Array.from({ length: count }, () => undefined)
  let nextId = 0
  let closing = false

  const start = (slot: number) => {
    const worker = new Worker(START_MODULE, { workerData: { entry: THREAD_MODULE, indexFile } })
    const thread: Thread = { worker, ready: false, pending: new Map() }
    threads[slot] = thread
    worker.on('message', (message: { type?: 'ready'; id?: number; answer?: SearchAnswer; error?: string }) => {
      if (message.type === 'ready') return void (thread.ready = true)
      const waiting = thread.pending.get(message.id!)
      thread.pending.delete(message.id!)
      if (message.error !== undefined) onError(new Error(`search thread: ${message.error}`))
      waiting?.resolve(message.answer)
    })
    worker.on('error', onError)
    worker.once('exit', () => {
      // Its unanswered searches are answered on the server's thread; a new thread on the next search.
      for (const waiting of thread.pending.values()) waiting.resolve(undefined)
      thread.pending.clear()
      if (threads[slot] === thread) threads[slot] = undefined
    })
    // A thread waiting for work does not keep the process alive.
    worker.unref()
  }

  return {
    async answer(params) {
      if (closing) return undefined
      threads.forEach((thread, slot) => thread ?? start(slot))
      let chosen: Thread | undefined
      for (const thread of threads) if (thread?.ready && (!chosen || thread.pending.size < chosen.pending.size)) chosen = thread
      if (!chosen) return undefined
      const id = nextId++
      const thread = chosen
      return new Promise((resolve) => {
        thread.pending.set(id, { resolve })
        thread.worker.postMessage({ id, params })
      })
    },
    async close() {
      closing = true
      await Promise.all(threads.map((thread) => thread?.worker.terminate()))
    },
  }
}
