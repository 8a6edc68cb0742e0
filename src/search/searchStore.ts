import type { SqliteEntryRow } from './encodeSqliteEntry'
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
  /** Matches counted at most (COUNTED_MATCHES for the API); never less than the end of the page. */
  countUpTo: number
}

export interface StoreHit {
  articleId: string
  publishedAt: string | null
  display: SearchDisplay
}

export interface StoreResult {
  hits: StoreHit[]
  /** Matches counted, at most countCapFor(query). */
  total: number
  /** Whether more matched than were counted (total is then a lower bound). */
  capped: boolean
}

/**
 * Matches counted at most (Elasticsearch's track_total_hits does the same at 10,000): counting is a
 * walk over every match, the costliest part of a common word's query on a large archive. Never
 * less than the end of the page asked for, so a page within the count is always reachable.
 */
export const COUNTED_MATCHES = 10_000
export const countCapFor = (query: Pick<StoreQuery, 'offset' | 'limit' | 'countUpTo'>) => Math.max(query.countUpTo, query.offset + query.limit)

/** Where the search index lives: an FTS5 table on SQLite, a tokens collection on MongoDB. */
export interface SearchStore {
  /** Creates the tables or indexes if missing. */
  prepare(): Promise<void>
  /** Makes each article's entries exactly these (none: the article is no longer searchable), in one write where the store can. */
  replaceArticles(articles: { articleId: string; documents: SearchDocument[] }[]): Promise<void>
  /**
   * For a full rebuild in worker threads: the store's entries as a pure function makes them
   * (`encoding` names it; the workers run it beside building the entries) and replaceArticles
   * taking them so. A store without it (MongoDB) is rebuilt on the main thread.
   */
  bulkLoad?: { encoding: 'sqlite'; replaceEncoded(articles: { articleId: string; rows: SqliteEntryRow[] }[]): Promise<void> }
  /** Empties the index before a full rebuild, set for a bulk load until compact() (FTS5: no incremental merging). */
  clear(): Promise<void>
  /** After a full rebuild, also one that failed: whatever makes the index quickest to read (FTS5 merges its segments into one), and back to incremental writes. */
  compact(): Promise<void>
  search(query: StoreQuery): Promise<StoreResult>
  countEntries(): Promise<number>
  /** SQLite: the index's own file, which search threads open to read beside the server (src/search/threads); undefined in memory. */
  indexFile?(): Promise<string | undefined>
}

/**
 * Matches beyond which a query ranks only the newest ones: bm25 costs a few microseconds per
 * matching row on SQLite (its column sizes are a lookup each), so a word found in most of 100,000 stories
 * took seconds. Like Elasticsearch's early termination on a sorted index, the ranked set is the
 * newest RANKED_MATCHES matches (deeper pages widen it).
 */
export const RANKED_MATCHES = 1000

/** Field weights, one table for both stores: headline words count most, then the pinyin of headline, districts and tags. */
export const FIELD_WEIGHTS = { title: 10, body: 1, pinyin: 4 } as const
