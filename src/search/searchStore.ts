import type { SearchAudience, SearchDisplay, SearchDocument } from './searchDocument'

/** A query as the stores take it: terms already folded and segmented (see buildQueryTerms). */
export interface StoreQuery {
  /** Each group must match: its first entry as one index token, or all the rest (the word's characters) as a phrase. */
  termGroups: { word: string; characters: string[] }[]
  audience: SearchAudience
  /** A district id or slug. */
  district?: string
  /** ISO 8601 instants, inclusive. */
  from?: string
  to?: string
  limit: number
  offset: number
}

export interface StoreHit {
  articleId: string
  publishedAt: string | null
  display: SearchDisplay
}

export interface StoreResult {
  hits: StoreHit[]
  total: number
}

/** Where the search index lives: an FTS5 table on SQLite, a tokens collection on MongoDB. */
export interface SearchStore {
  /** Creates the tables or indexes if missing. */
  prepare(): Promise<void>
  /** Makes each article's entries exactly these (none: the article is no longer searchable), in one write where the store can. */
  replaceArticles(articles: { articleId: string; documents: SearchDocument[] }[]): Promise<void>
  /** Empties the index (before a full rebuild). */
  clear(): Promise<void>
  search(query: StoreQuery): Promise<StoreResult>
  countEntries(): Promise<number>
}

/** Field weights, one table for both stores: headline words count most, then the pinyin of headline, districts and tags. */
export const FIELD_WEIGHTS = { title: 10, body: 1, pinyin: 4 } as const
