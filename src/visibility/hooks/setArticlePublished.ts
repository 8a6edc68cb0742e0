import type { CollectionBeforeChangeHook } from 'payload'

import { relatedId } from '../../../collections/relatedId'
import { isShownByLiveArticle } from '../syncCaptionPublication'

/**
 * A new caption, or one moved to another article, takes `articlePublished` from its article: true
 * while the article's published body shows it (a new caption is not in the body yet, unless the
 * body is one from before photo blocks, see findCaptionsInLiveBody). Afterwards the article's own
 * hooks keep it in step (see syncCaptionsOfArticle.ts).
 */
export const setArticlePublished: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const article = relatedId(data.article ?? originalDoc?.article)
  if (operation === 'update' && article === relatedId(originalDoc?.article)) return data
  data.articlePublished = article === null ? false : await isShownByLiveArticle(req, article, originalDoc?.id)
  return data
}
