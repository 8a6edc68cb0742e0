import type { Request } from 'express'
import type { Payload } from 'payload'

import type { CachedResponse } from '../../http/responseCache'

import { ARTICLES_SLUG } from '../../../collections/slugs'
import { computeEtag } from '../../http/computeEtag'
import { noteReadDependency } from '../changeLog/trackReadDependencies'
import { parseArticlePageQuery } from './parseArticlePageQuery'
import { createSqlitePublishedArticleReader } from './readPublishedArticles'

/** An answer computed in place of Payload's handler, or undefined to let Payload answer. */
export type AnswerDirectly = (req: Request) => Promise<CachedResponse | undefined>

/** The headers Payload's REST handler sends with a list that withHttpCaching keeps (CORS is answered per request). */
const JSON_HEADERS: [string, string][] = [['content-type', 'application/json']]
const ARTICLES_PATH = `/api/${ARTICLES_SLUG}`

/**
 * The delivery API's anonymous article pages from SQLite without Payload's find: the shapes front
 * ends and the reader site send most (a district's stories, one story by slug, the latest stories,
 * at depth 1; see parseArticlePageQuery). Why: on this path Payload's find spends 3–5× the SQL's
 * cost in JavaScript (building the SQL, access, hooks, population), measured by bench/api.ts.
 * The answer is Payload's, byte for byte (readPublishedArticles.ts; test/delivery/fastReads.int.test.ts
 * compares the two), and the read's dependency tags are noted for the response cache as Payload's
 * reads would note them. withHttpCaching asks it only for anonymous reads of public paths.
 * Undefined (not engaged) on MongoDB: Payload answers there.
 */
export function createFastArticleReads(payload: Payload, { maxLimit }: { maxLimit: number }): AnswerDirectly | undefined {
  if (payload.db.name !== 'sqlite' || !payload.config.localization) return undefined
  const reader = createSqlitePublishedArticleReader(payload)
  const options = { maxLimit, defaultLocale: payload.config.localization.defaultLocale }
  return async (req) => {
    if (req.method !== 'GET' || req.path !== ARTICLES_PATH) return undefined
    const queryStart = req.originalUrl.indexOf('?')
    const request = queryStart < 0 ? undefined : parseArticlePageQuery(req.originalUrl.slice(queryStart + 1), options)
    if (!request) return undefined
    const read = await reader.readPage(request)
    if (!read) return undefined
    for (const tag of read.tags) noteReadDependency(tag)
    const body = Buffer.from(JSON.stringify(read.page)) as unknown as Uint8Array<ArrayBuffer>
    return { headers: JSON_HEADERS, body, etag: computeEtag(body) }
  }
}
