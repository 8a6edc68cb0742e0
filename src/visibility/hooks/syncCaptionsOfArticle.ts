import type { CollectionAfterChangeHook } from 'payload'

import { mayChangeLiveStatus } from '../../workflow/mayChangeLiveStatus'
import { syncCaptionPublication } from '../syncCaptionPublication'

/**
 * After a save that may have published or unpublished an article (see mayChangeLiveStatus), its
 * captions follow the article's live document. Draft saves and autosaves of the same status, and
 * new articles (no captions yet), cost nothing.
 */
export const syncCaptionsOfArticle: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, context, req }) => {
  if (operation === 'create' || !mayChangeLiveStatus({ doc, previousDoc, operation, context })) return doc
  await syncCaptionPublication(req, doc.id)
  return doc
}
