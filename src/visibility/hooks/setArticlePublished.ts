import type { CollectionBeforeChangeHook } from 'payload'

import { relatedId } from '../../../collections/relatedId'
import { isArticlePublished } from '../syncCaptionPublication'

/**
 * A new caption, or one moved to another article, takes `articlePublished` from its article.
 * Afterwards the article's own hooks keep it in step (see syncCaptionsOfArticle.ts).
 */
export const setArticlePublished: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const article = relatedId(data.article ?? originalDoc?.article)
  if (operation === 'update' && article === relatedId(originalDoc?.article)) return data
  data.articlePublished = article === null ? false : await isArticlePublished(req, article)
  return data
}
