import type { Endpoint, Payload, PayloadRequest } from 'payload'

import type { IsAnonymousRequest } from '../http/isAnonymousRequest'
import type { SearchThreads } from './threads/searchThreads'

import { z } from 'zod'

import { SEARCH_TAG } from '../delivery/changeLog/dependencyTags'
import { noteReadDependency } from '../delivery/changeLog/trackReadDependencies'
import { DEFAULT_SITE_LOCALE, SITE_LOCALES } from '../site/siteLocales'
import { searchArticles, type SearchParams } from './searchArticles'

export const MAX_QUERY_LENGTH = 200
export const MAX_SEARCH_LIMIT = 50

/** A date alone is a day in Beijing time: `from` its first instant, `to` its last. */
function toInstant(value: string, edge: 'start' | 'end'): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}+08:00`) : new Date(value)
  return date.toISOString()
}

const dateParam = z
  .string()
  .trim()
  .refine((value) => !Number.isNaN(Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value)), 'expected a date (2024-05-01) or an ISO 8601 time')

const searchQuery = z.object({
  q: z
    .string({ error: 'q is required: the words to search for' })
    .trim()
    .min(1, 'q is required: the words to search for')
    .max(MAX_QUERY_LENGTH, `q is longer than ${MAX_QUERY_LENGTH} characters`),
  district: z.string().trim().min(1).max(100).optional(),
  from: dateParam.optional(),
  to: dateParam.optional(),
  locale: z.enum(SITE_LOCALES).default(DEFAULT_SITE_LOCALE),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_LIMIT).default(10),
  draft: z.enum(['true', 'false']).optional(),
})

export type SearchQueryInput = z.input<typeof searchQuery>

export type ParsedSearchQuery = { error: string } | { value: SearchParams & { draft?: 'true' | 'false' } }

/** The request's query string as the search takes it, or the first problem with it. */
export function parseSearchQuery(params: URLSearchParams | Record<string, string | undefined>): ParsedSearchQuery {
  const entries = params instanceof URLSearchParams ? Object.fromEntries(params) : params
  // An empty parameter is an absent one (a form's empty district field), except q, whose absence is the error.
  const parsed = searchQuery.safeParse(Object.fromEntries(Object.entries(entries).filter(([name, value]) => value !== undefined && (value !== '' || name === 'q'))))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const field = issue.path.join('.') || 'query'
    return { error: issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}` }
  }
  const { from, to, ...rest } = parsed.data
  return { value: { ...rest, from: from && toInstant(from, 'start'), to: to && toInstant(to, 'end') } }
}

/**
 * The search's answer to a query string: 400 with the first problem, else the ranked page. An
 * anonymous search goes to a search thread when one is ready (`threads`), else runs here.
 */
async function answerSearch(payload: Payload, searchParams: URLSearchParams, signedIn: boolean, threads?: SearchThreads): Promise<Response> {
  const parsed = parseSearchQuery(searchParams)
  if ('error' in parsed) return Response.json({ errors: [{ message: parsed.error }] }, { status: 400 })
  const { draft, ...params } = parsed.value
  const audience = signedIn && draft === 'true' ? 'newsroom' : 'public'
  if (audience === 'public' && threads) {
    // Read outside the database adapter: a cached answer must say it depends on the index.
    noteReadDependency(SEARCH_TAG)
    const answer = await threads.answer(params)
    if (answer) return Response.json(answer)
  }
  return Response.json(await searchArticles(payload, params, audience))
}

/**
 * GET /api/search?q=…&district=…&from=…&to=…&locale=…&page=…&limit=…: published stories,
 * ranked. A signed-in newsroom user may add `draft=true` to search the latest versions
 * (drafts included); anyone else gets the published index whatever they send.
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: (req: PayloadRequest) => answerSearch(req.payload, req.searchParams, Boolean(req.user)),
}

type FetchHandler = (request: Request) => Promise<Response>

/**
 * The delivery server's GET /api/search: an anonymous caller's search answered here, without
 * Payload's endpoint routing, whose request set-up (auth strategies, i18n, locale, the endpoint
 * table) took 0.2–0.7 ms of CPU of a 2.4–5.3 ms search (docs/benchmarks.md); the answer is the
 * same, since without a user the audience is public whatever the query says. A request with
 * credentials goes to Payload's handler (`payloadHandler`), and so does a failure here, for
 * Payload to answer and log it as before. With `threads`, the search itself runs in a search
 * thread (src/search/threads).
 */
export function createAnonymousSearchHandler(payload: Payload, isAnonymous: IsAnonymousRequest, payloadHandler: FetchHandler, threads?: SearchThreads): FetchHandler {
  return async (request) => {
    if (!(await isAnonymous(request.headers))) return payloadHandler(request)
    try {
      return await answerSearch(payload, new URL(request.url).searchParams, false, threads)
    } catch {
      return payloadHandler(request)
    }
  }
}
