import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'

import { getSearchStore } from './getSearchStore'
import { mayChangeLiveStatus } from '../workflow/mayChangeLiveStatus'
import { indexArticle, isInOpenTransaction } from './indexArticle'
import { searchArticleIds } from './searchArticles'
import { logSearchIndexChange } from '../delivery/changeLog/changeLog'

/** An index write must not fail a save that has been stored: it is logged, and `npm run search:reindex` repairs it. */
async function indexSafely(req: PayloadRequest, articleId: string | number | null | undefined, task?: () => Promise<void>) {
  if (articleId === null || articleId === undefined) return
  try {
    await (task ? task() : indexArticle(req.payload, String(articleId), req))
  } catch (error) {
    req.payload.logger.error({ err: error, articleId }, 'Could not update the search index for this article; run npm run search:reindex')
  }
}

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id?: string | number }).id : (value as string | number | null | undefined))

/** Every save of an article (REST, GraphQL, admin, import, scheduled jobs, transitions, restores): its entries follow. */
export const indexArticleAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, context, req }) => {
  // Whether the save wrote the live document (the publishing decision recorded it): if not, the public entry stands.
  const publicMayChange = mayChangeLiveStatus({ doc, previousDoc, operation, context })
  await indexSafely(req, doc.id, () => indexArticle(req.payload, String(doc.id), req, { publicMayChange }))
  return doc
}

export const removeArticleAfterDelete: CollectionAfterDeleteHook = async ({ id, doc, req }) => {
  await indexSafely(req, id, async () => {
    await getSearchStore(req.payload).replaceArticles([{ articleId: String(id), documents: [] }])
    if (!(await isInOpenTransaction(req.payload, req))) await logSearchIndexChange(req.payload)
  })
  return doc
}

/** A caption's text is part of its article's entries (and of the old article's, if it moved). */
export const indexCaptionArticleAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const articleId = idOf(doc.article)
  const previousArticleId = idOf(previousDoc?.article)
  await indexSafely(req, articleId)
  if (previousArticleId && String(previousArticleId) !== String(articleId)) await indexSafely(req, previousArticleId)
  return doc
}

export const indexCaptionArticleAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  // The article may be going too (its captions are deleted with it): then there is nothing to index.
  await indexSafely(req, idOf(doc.article))
  return doc
}

/** How many of a list search's hits the admin list considers (it pages and sorts them itself). */
const LIST_SEARCH_MAX_HITS = 500

/**
 * The admin's article list search box: Payload turns `?search=` into an `or` of `like` on each
 * of `admin.listSearchableFields` (mergeListSearchAndWhere) and offers no hook for search itself,
 * so that exact shape is recognised here and widened with the ids the word search finds, for
 * the newsroom index when a user is signed in (drafts included; the list's own access rules
 * still apply on top), the published one otherwise. The `like` conditions stay, so a slug or a
 * latin fragment still finds what it found before.
 */
export function buildListSearchHook(searchableFields: string[]): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    const where = operation === 'read' && 'where' in args ? (args.where as Where | undefined) : undefined
    if (!where) return args
    const search = findListSearch(where, searchableFields)
    if (!search) return args
    try {
      const ids = await searchArticleIds(req.payload, search.text.slice(0, 200), req.user ? 'newsroom' : 'public', LIST_SEARCH_MAX_HITS)
      if (ids.length > 0) search.clause.or = [...search.clause.or, { id: { in: ids } }]
    } catch (error) {
      req.payload.logger.warn({ err: error }, 'The list search fell back to title/slug/summary matching')
    }
    return args
  }
}

/** The `{ or: [{ field: { like: text } }, …] }` clause Payload builds for the list search, wherever it sits in the where. */
function findListSearch(where: Where, fields: string[]): { clause: { or: Where[] }; text: string } | undefined {
  const or = where.or as Where[] | undefined
  if (Array.isArray(or) && or.length === fields.length) {
    const texts = or.map((condition, index) => (condition[fields[index]!] as { like?: unknown } | undefined)?.like)
    if (typeof texts[0] === 'string' && texts.every((text) => text === texts[0])) return { clause: where as { or: Where[] }, text: texts[0] }
  }
  for (const nested of [...((where.and as Where[] | undefined) ?? [])]) {
    const found = findListSearch(nested, fields)
    if (found) return found
  }
  return undefined
}
