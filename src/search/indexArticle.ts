import type { Payload, PayloadRequest } from 'payload'

import { logSearchIndexChange } from '../delivery/changeLog/changeLog'
import { getSearchStore } from './getSearchStore'
import { readSearchDocuments } from './searchDocument'

/** Whether this request's writes are in a transaction that is still open (the adapters keep a registry of them). */
export async function isInOpenTransaction(payload: Payload, req?: Partial<PayloadRequest>): Promise<boolean> {
  const id = await req?.transactionID
  const sessions = (payload.db as unknown as { sessions?: Record<string, unknown> }).sessions
  return (typeof id === 'string' || typeof id === 'number') && Boolean(sessions?.[id])
}

/**
 * Brings an article's index entries in step with the database: its live text for the public,
 * its latest version for the newsroom, none once it is deleted. Outside a transaction it then
 * logs a change of the search index, so that a search answer cached between the save (whose
 * change was logged already) and this write is not served again. Inside one, the save's own
 * change (which touches `search`) is logged at the commit, after this write; logging it here would
 * be a write outside the transaction, which waits for the transaction it runs in (src/db.ts: one
 * writer at a time).
 */
export async function indexArticle(
  payload: Payload,
  articleId: string,
  req?: Partial<PayloadRequest>,
  options: { publicMayChange?: boolean } = {},
): Promise<void> {
  const documents = await readSearchDocuments(payload, [articleId], req)
  await getSearchStore(payload).replaceArticles([{ articleId, documents: documents.get(articleId) ?? [] }])
  // A draft save changes only the newsroom's entry, which no cached (anonymous) answer shows.
  if (options.publicMayChange === false) return
  if (!(await isInOpenTransaction(payload, req))) await logSearchIndexChange(payload)
}
