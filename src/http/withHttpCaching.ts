import type { NextFunction, Request, Response } from 'express'

import type { AnswerDirectly } from '../delivery/fastReads/fastArticleReads'
import type { IsAnonymousRequest } from './isAnonymousRequest'
import type { CacheChange, CachedResponse, ResponseCache } from './responseCache'

import { ARTICLES_SLUG } from '../../collections/slugs'
import { PUBLIC_COLLECTION_SLUGS } from '../delivery/publicCollections'
import { computeEtag, isEtagMatch } from './computeEtag'
import { sendFetchResponse, toFetchRequest } from './fetchAdapter'
import { shareNextRun } from './shareNextRun'

type FetchHandler = (request: globalThis.Request) => Promise<globalThis.Response>

export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate'
export const PRIVATE_CACHE_CONTROL = 'private, no-store'

/**
 * The public read endpoints whose anonymous answers are cacheable (documents, not file downloads),
 * a story's ninjs document (src/syndication, by id or by slug), and word search (src/search).
 */
const PUBLIC_READ_PATH = new RegExp(
  `^/api/(${PUBLIC_COLLECTION_SLUGS.join('|')})(/(?!file/)[^/]+)?/?$|^/api/openapi\\.json$|^/api/${ARTICLES_SLUG}/(by-slug/)?[^/]+/ninjs/?$|^/api/search/?$`,
)

export function isPublicReadPath(pathname: string): boolean {
  return PUBLIC_READ_PATH.test(pathname)
}

/** The server-side cache of anonymous answers, the change log it follows, and how an answer's dependencies are found. */
export interface ResponseCaching {
  store: ResponseCache
  /** The changes after `afterSeq` (none and the latest number when undefined), oldest first. */
  readChangesAfter: (afterSeq: number | undefined) => Promise<{ changes: CacheChange[]; latest: number }>
  /** Runs a computation and returns the dependency tags of what it read. */
  trackDependencies: <T>(compute: () => Promise<T>) => Promise<{ value: T; tags: string[] }>
  onChangeLogError?: (error: unknown) => void
}

type PublicAnswer = CachedResponse

/** Sends a public answer: 304 when If-None-Match matches, else the body (none for HEAD). */
function sendPublicAnswer(req: Request, res: Response, answer: PublicAnswer, cacheStatus: 'hit' | 'miss' | undefined) {
  res.setHeader('ETag', answer.etag)
  res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL)
  // Responses differ by credentials: a shared cache must not answer a signed-in editor from an anonymous copy.
  res.setHeader('Vary', 'Authorization, Cookie, Origin')
  if (cacheStatus) res.setHeader('X-Cache', cacheStatus)
  if (isEtagMatch(req.get('if-none-match') ?? null, answer.etag)) {
    res.status(304).end()
    return
  }
  for (const [name, value] of answer.headers) res.setHeader(name, value)
  res.setHeader('Content-Length', String(answer.body.byteLength))
  res.status(200)
  if (req.method === 'HEAD') res.end()
  else res.end(answer.body)
}

/** Headers that belong to one request, not to the content: never replayed from the cache. */
const PER_REQUEST_HEADER = /^(content-length|date|set-cookie|etag|cache-control|vary|x-cache|access-control-.*)$/

/** The handler's headers worth keeping with a cached body (CORS is answered per request by corsAllowList). */
function keptHeaders(response: globalThis.Response): [string, string][] {
  const kept: [string, string][] = []
  response.headers.forEach((value, name) => {
    if (!PER_REQUEST_HEADER.test(name)) kept.push([name, value])
  })
  return kept
}

/**
 * Runs the handler; a 200 comes back as a public answer (body read, ETag computed), anything else as it is.
 * `answerDirectly` answers first when it can (src/delivery/fastReads/).
 */
async function answerFromHandler(handler: FetchHandler, req: Request, answerDirectly?: AnswerDirectly): Promise<PublicAnswer | globalThis.Response> {
  const direct = await answerDirectly?.(req)
  if (direct) return direct
  const response = await handler(toFetchRequest(req))
  if (response.status !== 200) return response
  const body = new Uint8Array(await response.arrayBuffer())
  return { headers: keptHeaders(response), body, etag: computeEtag(body) }
}

/** The answer with the dependency tags of its computation (none when not tracked). */
type TrackedAnswer = { answer: PublicAnswer | globalThis.Response; tags: string[] }

/**
 * Serves a Fetch API handler (Payload's REST or GraphQL handler) from Express, with HTTP caching:
 * - anonymous GET/HEAD of a public read endpoint answering 200: a strong ETag (hash of the body),
 *   `Cache-Control: public, max-age=0, must-revalidate`, and 304 when If-None-Match matches.
 * - with `caching`, those answers are also kept in memory with the dependency tags of what they
 *   read (`X-Cache: hit` / `miss`). Before every answer the change log's new rows are read from the
 *   database and the answers they touch dropped; a change is logged after every committed write to
 *   public content, by any server or worker (src/delivery/changeLog/), so a publish, unpublish or
 *   edit is visible on the very next request, while a write that changes no public answer, or
 *   other stories, leaves the rest in memory. Concurrent misses of one URL after the same change
 *   share one computation.
 * - any request carrying a verified credential: `Cache-Control: private, no-store`, never cached
 *   (an unverifiable token is anonymous: answered from the cache like any anonymous read).
 * `isCacheablePath` says which paths are public reads (the API's by default; feeds and sitemaps pass their own).
 * `answerDirectly` answers some anonymous public reads in place of the handler, with the same bytes
 * (src/delivery/fastReads/); cached, tracked and sent like the handler's answers.
 * A hit is answered here, in Express: building a Fetch Request and streaming a Fetch Response
 * cost more than the rest of a hit.
 */
export function withHttpCaching(
  handler: FetchHandler,
  isAnonymous: IsAnonymousRequest,
  caching?: ResponseCaching,
  isCacheablePath: (pathname: string) => boolean = isPublicReadPath,
  answerDirectly?: AnswerDirectly,
) {
  /** Misses being computed, by the change they follow and URL. */
  const inFlight = new Map<string, Promise<TrackedAnswer>>()

  const compute = async (req: Request, tracked: boolean): Promise<TrackedAnswer> => {
    if (!tracked) return { answer: await answerFromHandler(handler, req, answerDirectly), tags: [] }
    const { value, tags } = await caching!.trackDependencies(() => answerFromHandler(handler, req, answerDirectly))
    return { answer: value, tags }
  }

  const answerOnce = async (req: Request, flightKey: string | undefined): Promise<TrackedAnswer> => {
    if (flightKey === undefined) return compute(req, false)
    const running = inFlight.get(flightKey)
    if (running) {
      const shared = await running
      // Only a 200 is shared: anything else was sent to the request that computed it; ask again.
      return shared.answer instanceof globalThis.Response ? compute(req, false) : shared
    }
    const started = compute(req, true).finally(() => inFlight.delete(flightKey))
    inFlight.set(flightKey, started)
    return started
  }

  /**
   * Applies the change log's new rows; the last change applied, or undefined when the log cannot be
   * read. Requests arriving together share one read of the log, started after they arrived.
   */
  const applyChanges = shareNextRun(async (): Promise<number | undefined> => {
    const { store } = caching!
    try {
      const afterSeq = store.seq
      const { changes, latest } = await caching!.readChangesAfter(afterSeq)
      return store.apply(afterSeq, changes, latest)
    } catch (error) {
      // Without the log nothing may be served from memory; the database answers.
      caching!.onChangeLogError?.(error)
      return undefined
    }
  })

  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      if (!(await isAnonymous({ get: (name) => req.get(name) ?? null }))) {
        return await sendFetchResponse(res, await handler(toFetchRequest(req)), { 'cache-control': PRIVATE_CACHE_CONTROL })
      }
      const isRead = req.method === 'GET' || req.method === 'HEAD'
      if (!isRead || !isCacheablePath(req.path)) return await sendFetchResponse(res, await handler(toFetchRequest(req)))

      const key = req.originalUrl
      let seq: number | undefined
      if (caching) {
        seq = await applyChanges()
        const hit = seq === undefined ? undefined : caching.store.get(key)
        if (hit) return sendPublicAnswer(req, res, hit, 'hit')
      }
      // Only GETs share and keep answers (a HEAD's answer has no body).
      const shared = seq !== undefined && req.method === 'GET'
      const { answer, tags } = await answerOnce(req, shared ? `${seq}\n${key}` : undefined)
      if (answer instanceof globalThis.Response) return await sendFetchResponse(res, answer)
      if (shared) caching!.store.set(key, { ...answer, tags, seq: seq! })
      sendPublicAnswer(req, res, answer, caching ? 'miss' : undefined)
    } catch (error) {
      next(error)
    }
  }
}
