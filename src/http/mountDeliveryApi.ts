import type { Express } from 'express'
import type { Payload, SanitizedConfig } from 'payload'

import { handleEndpoints } from 'payload'

import type { Env } from '../env'

import { createChangeLogReader } from '../delivery/changeLog/changeLog'
import { trackReadDependencies } from '../delivery/changeLog/trackReadDependencies'
import { createFastArticleReads } from '../delivery/fastReads/fastArticleReads'
import { getSearchStore } from '../search/getSearchStore'
import { createAnonymousSearchHandler } from '../search/searchEndpoint'
import { createSearchThreads, type SearchThreads } from '../search/threads/searchThreads'
import { checkJsonBody } from './checkJsonBody'
import { corsAllowList } from './corsAllowList'
import { createIsAnonymousRequest, type IsAnonymousRequest } from './isAnonymousRequest'
import { openApiRoute } from './openApiRoute'
import { rateLimitPerIp } from './rateLimitPerIp'
import { refuseMalformedParameters } from './refuseMalformedParameters'
import { ResponseCache } from './responseCache'
import { isPublicReadPath, withHttpCaching, type ResponseCaching } from './withHttpCaching'

type DeliveryEnv = Pick<Env, 'API_CACHE_MAX_MB' | 'API_MAX_LIMIT' | 'API_RATE_LIMIT_PER_MINUTE' | 'CORS_ORIGINS' | 'SEARCH_THREADS' | 'SERVER_URL'>

async function buildGraphqlHandler(config: Promise<SanitizedConfig> | SanitizedConfig) {
  // Payload's own GraphQL route handler (Fetch API); it needs nothing from Next.js at run time.
  const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
  return GRAPHQL_POST(config)
}

function buildResponseCaching(payload: Payload, maxMb: number): ResponseCaching | undefined {
  if (maxMb <= 0) return undefined
  return {
    store: new ResponseCache(Math.round(maxMb * 1024 * 1024)),
    readChangesAfter: createChangeLogReader(payload),
    trackDependencies: trackReadDependencies,
    onChangeLogError: (error) => payload.logger.warn({ err: error }, 'Could not read the change log; answering from the database'),
  }
}

/**
 * The delivery API's edge on /api: CORS allow-list, rate limit, malformed requests refused, the OpenAPI document, and
 * Payload's REST and GraphQL handlers (mounted directly, not through Next.js) with HTTP caching
 * and the response cache, and the fast path for anonymous article pages on SQLite. Returns the
 * response cache (undefined when off), for other public reads to share.
 */
export interface DeliveryEdge {
  /** The response cache (undefined when off), for other public reads to share. */
  caching: ResponseCaching | undefined
  /** Whether a request is anonymous (its credential, if any, verified). */
  isAnonymous: IsAnonymousRequest
  /** Stops what the edge started (the search threads). */
  close(): Promise<void>
}

/** Search threads beside an SQLite index file (none on MongoDB, in memory, or with SEARCH_THREADS=0). */
async function startSearchThreads(payload: Payload, count: number): Promise<SearchThreads | undefined> {
  const indexFile = count > 0 ? await getSearchStore(payload).indexFile?.() : undefined
  if (!indexFile) return undefined
  return createSearchThreads(indexFile, count, (error) => payload.logger.error({ err: error }, 'Search thread failed; searching on the server thread'))
}

export async function mountDeliveryApi(
  app: Express,
  payload: Payload,
  config: Promise<SanitizedConfig> | SanitizedConfig,
  env: DeliveryEnv,
  title: string,
): Promise<DeliveryEdge> {
  const isAnonymous = createIsAnonymousRequest(payload)
  // Malformed parameters and bodies are answered 400/415 after the rate limit has counted them.
  app.use('/api', corsAllowList(env.CORS_ORIGINS), rateLimitPerIp({ limit: env.API_RATE_LIMIT_PER_MINUTE, isAnonymous }), refuseMalformedParameters, checkJsonBody)
  app.get('/api/openapi.json', openApiRoute(payload, { serverUrl: env.SERVER_URL, title }))
  app.post('/api/graphql', withHttpCaching(await buildGraphqlHandler(config), isAnonymous))
  const caching = buildResponseCaching(payload, env.API_CACHE_MAX_MB)
  const payloadHandler = (request: globalThis.Request) => handleEndpoints({ config, request })
  const searchThreads = await startSearchThreads(payload, env.SEARCH_THREADS)
  app.get('/api/search', withHttpCaching(createAnonymousSearchHandler(payload, isAnonymous, payloadHandler, searchThreads), isAnonymous, caching))
  // The most requested anonymous article pages are answered without Payload's find, with its bytes (src/delivery/fastReads/).
  const fastArticleReads = createFastArticleReads(payload, { maxLimit: env.API_MAX_LIMIT })
  app.all('/api/{*path}', withHttpCaching(payloadHandler, isAnonymous, caching, isPublicReadPath, fastArticleReads))
  return { caching, isAnonymous, close: async () => searchThreads?.close() }
}
