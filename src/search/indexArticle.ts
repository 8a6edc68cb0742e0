import type { Payload, PayloadRequest } from 'payload'

import { advanceContentGeneration } from '../delivery/contentGeneration/contentGeneration'
import { getSearchStore } from './getSearchStore'
import { readSearchDocuments } from './searchDocument'

/**
 * Brings an article's index entries in step with the database: its live text for the public,
 * its latest version for the newsroom, none once it is deleted. Then moves the content
 * generation, so that a search answer cached between the save and this write (the save moved
 * the generation already) is not served again.
 */
export async function indexArticle(payload: Payload, articleId: string, req?: Partial<PayloadRequest>): Promise<void> {
  const documents = await readSearchDocuments(payload, [articleId], req)
  await getSearchStore(payload).replaceArticles([{ articleId, documents: documents.get(articleId) ?? [] }])
  await advanceContentGeneration(payload)
}
