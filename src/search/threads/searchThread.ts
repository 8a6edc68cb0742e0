/**
 * A search thread (see searchThreads.ts): answers anonymous searches from its own read-only
 * connection to the index file. Messages in: `{ id, params }`; out: `{ type: 'ready' }` once, then
 * `{ id, answer }` or `{ id, error }` for each.
 */
import { parentPort, workerData } from 'node:worker_threads'

import type { SearchParams } from '../answerFromSearchStore'

import { cacheLibsqlStatements } from '../../sqliteStatementCache'
import { answerFromSearchStore } from '../answerFromSearchStore'
import { openIndexReader } from '../sqliteSearchStore'

const port = parentPort!
// This thread's own libsql (a native module is loaded per thread) keeps its compiled statements too:
// a search's statements come in a few shapes, its words are parameters.
cacheLibsqlStatements()
const reader = await openIndexReader((workerData as { indexFile: string }).indexFile)

port.on('message', async ({ id, params }: { id: number; params: SearchParams }) => {
  try {
    // Anonymous callers only: the public audience, whatever the query says (as searchEndpoint decides).
    port.postMessage({ id, answer: await answerFromSearchStore(reader, params, 'public') })
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
port.once('close', () => reader.close())
// jieba's dictionary and OpenCC's tables load on first use: before the first real search, not during it.
await answerFromSearchStore(reader, { q: '萍乡', locale: 'zh-Hant', page: 1, limit: 1 }, 'public')
port.postMessage({ type: 'ready' })
