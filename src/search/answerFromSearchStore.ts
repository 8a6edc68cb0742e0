import type { SiteLocale } from '../site/siteLocales'
import type { SearchAudience, SearchDisplay } from './searchDocument'
import type { SearchStore } from './searchStore'

import { toTraditional } from '../text/chineseConverters'
import { buildSnippet } from './buildSnippet'
import { COUNTED_MATCHES } from './searchStore'
import { buildQueryTerms } from './tokenize'

export interface SearchParams {
  q: string
  district?: string
  from?: string
  to?: string
  locale: SiteLocale
  page: number
  limit: number
}

export interface SearchHit {
  id: string
  slug: string | null
  title: string
  summary: string | null
  publishedAt: string | null
  districts: string[]
  snippet: string
  /** Newsroom searches only: whether the latest version is the live one. */
  status?: 'published' | 'draft'
}

export interface SearchAnswer {
  docs: SearchHit[]
  /** Matching stories, counted up to 10,000 (COUNTED_MATCHES): beyond, totalDocsCapped says so. */
  totalDocs: number
  /** Whether more stories match than totalDocs (the count stopped at its cap). */
  totalDocsCapped: boolean
  page: number
  totalPages: number
}

/**
 * A search's answer from a store: the query segmented and folded, the store's ranked page, a
 * snippet per hit. Nothing of Payload, so that the search threads (src/search/threads) run it
 * beside their own connection to the index, as the server's thread does beside its own.
 */
export async function answerFromSearchStore(store: Pick<SearchStore, 'search'>, params: SearchParams, audience: SearchAudience): Promise<SearchAnswer> {
  const words = buildQueryTerms(params.q)
  const { hits, total, capped } = await store.search({
    termGroups: toTermGroups(words),
    audience,
    district: params.district,
    from: params.from,
    to: params.to,
    limit: params.limit,
    offset: (params.page - 1) * params.limit,
    countUpTo: COUNTED_MATCHES,
  })
  return {
    docs: hits.map((hit) => ({
      id: hit.articleId,
      slug: hit.display.slug,
      title: hit.display.title[params.locale],
      summary: hit.display.summary[params.locale],
      publishedAt: hit.publishedAt,
      districts: hit.display.districts,
      snippet: buildLocaleSnippet(hit.display.text, words, params.locale),
      ...(audience === 'newsroom' ? { status: hit.display.status } : {}),
    })),
    totalDocs: total,
    totalDocsCapped: capped,
    page: params.page,
    totalPages: Math.max(1, Math.ceil(total / params.limit)),
  }
}

/** A snippet in the reader's script: from the traditional text where it was kept, else from the simplified text, converted. */
function buildLocaleSnippet(text: SearchDisplay['text'], words: string[], locale: SiteLocale): string {
  if (locale === 'zh-Hans') return buildSnippet(text['zh-Hans'], words)
  return text['zh-Hant'] === undefined ? toTraditional(buildSnippet(text['zh-Hans'], words)) : buildSnippet(text['zh-Hant'], words)
}

const HAN_RUN = /^\p{Script=Han}{3,4}$/u

/**
 * Each query word is one index token; a Han word of three or four characters may have been cut
 * differently in a document (a name jieba did not know there), so its characters in a row match
 * too. Not for two characters: their pieces are single characters, the costliest phrase to match
 * (the positions of two common characters in most stories), and the relevance set finds the same
 * without it (recall@10 0.963, MRR 0.940 either way); an HMM-guessed word's two-character pieces
 * are indexed already (buildIndexTokensOfFolded).
 */
export function toTermGroups(words: string[]) {
  return words.map((word) => ({ word, characters: HAN_RUN.test(word) ? Array.from(word) : [] }))
}
