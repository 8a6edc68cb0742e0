import type { ArticlePageRequest } from './readPublishedArticles'

/** The where keys the fast path answers, and the filter each stands for. */
const FILTER_KEYS = { 'where[slug][equals]': 'slug', 'where[districts.slug][equals]': 'district' } as const
const OTHER_KEYS = new Set(['limit', 'depth', 'page', 'locale'])
const WHOLE_NUMBER = /^[1-9]\d{0,5}$/
/**
 * Slugs as the newsroom makes them (pinyin and digits joined by hyphens), or in any script's letters.
 * Payload reads `null`, `true` and `false` as values of their own in some places: those are left to it.
 */
const SLUG = /^[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)*$/u
const VALUES_PAYLOAD_READS_ITSELF = new Set(['null', 'true', 'false'])

export interface ArticlePageQueryOptions {
  /** The largest page a client may ask for (API_MAX_LIMIT): above it Payload's queryGuards caps the limit. */
  maxLimit: number
  defaultLocale: string
}

/**
 * The article page an anonymous `GET /api/articles?…` asks for, when its query string is exactly one
 * of the shapes front ends send: `where[slug][equals]=<slug>` or `where[districts.slug][equals]=<slug>`
 * or no where at all, `limit=<n>`, `depth=1`, and optionally `page=<n>` and `locale=<the default>`.
 * Anything else (another parameter, a repeated one, another depth, draft, select, sort…) is undefined:
 * Payload answers it.
 */
export function parseArticlePageQuery(search: string, { maxLimit, defaultLocale }: ArticlePageQueryOptions): ArticlePageRequest | undefined {
  const params = new URLSearchParams(search)
  const seen = new Set<string>()
  let filter: ArticlePageRequest['filter'] = { by: 'latest' }
  for (const [key, value] of params) {
    if (seen.has(key)) return undefined
    seen.add(key)
    if (key in FILTER_KEYS) {
      if (filter.by !== 'latest' || !SLUG.test(value) || VALUES_PAYLOAD_READS_ITSELF.has(value)) return undefined
      filter = { by: FILTER_KEYS[key as keyof typeof FILTER_KEYS], slug: value }
    } else if (!OTHER_KEYS.has(key)) {
      return undefined
    }
  }
  const limit = params.get('limit')
  const page = params.get('page')
  const locale = params.get('locale')
  if (params.get('depth') !== '1' || limit === null || !WHOLE_NUMBER.test(limit) || Number(limit) > maxLimit) return undefined
  if (page !== null && !WHOLE_NUMBER.test(page)) return undefined
  if (locale !== null && locale !== defaultLocale) return undefined
  return { filter, limit: Number(limit), page: page === null ? 1 : Number(page) }
}
