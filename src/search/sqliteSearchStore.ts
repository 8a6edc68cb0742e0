import type { Client, InStatement } from '@libsql/client'

import { createClient } from '@libsql/client'

import type { SqliteEntryRow } from './encodeSqliteEntry'
import type { SearchStore, StoreQuery, StoreResult } from './searchStore'

import { encodeSqliteEntry, toDistrictToken, toHeadlineMark } from './encodeSqliteEntry'
import { countCapFor, FIELD_WEIGHTS, RANKED_MATCHES } from './searchStore'

/** The index's own database file, attached to Payload's connection (see prepare). */
const SCHEMA = 'search'
const ENTRIES = `${SCHEMA}.search_entries`
/** FTS5 functions and MATCH take the table's bare name. */
const FTS_NAME = 'search_fts'
const FTS = `${SCHEMA}.${FTS_NAME}`
/** Entries per INSERT: 6 parameters each, well under SQLite's 32,766. */
const INSERT_ROWS = 500
/** FTS5's default: merge 4 segments of a level once they are there (turned off during a full rebuild, see clear). */
const AUTOMERGE = 4
/** The index's layout; an index file of an older one is emptied at prepare (npm run search:reindex refills it). */
const INDEX_VERSION = 4
/**
 * Row ids in reverse publication order, newest first: minus the entry's publishedAt in
 * milliseconds × 2^20, minus a slot (entries published in the same millisecond). A date range is
 * then a rowid range, which FTS5 answers from the index itself, and "the newest matches" are the
 * first ones FTS5 meets in its own (ascending) order, a little cheaper than walking backwards
 * (0.09 against 0.12 ms of CPU to find the 1,000th newest of 91,000 matches, up to 0.34 against
 * 0.55 ms for two words). 2^63 / 2^20 ms is ±278 years around 1970. Beyond JavaScript's safe
 * integers: BigInt in, text out.
 */
const SLOT_BITS = 20
const SLOTS = 1 << SLOT_BITS
const MAX_MS = 2 ** (63 - SLOT_BITS) - 1

/**
 * The index on SQLite: an FTS5 table of our own tokens (jieba's words joined by spaces; FTS5's
 * unicode61 tokenizer then splits only at the spaces, since our tokens are letters and digits),
 * ranked by FTS5's bm25 with field weights, and a plain table of what the result list shows.
 * Contentless (`content=''`, `contentless_delete=1`, SQLite ≥ 3.43): the words are stored once,
 * in the index. Written on a connection of its own that sees only the index file (attached to an
 * in-memory main database): Payload's saves run in transactions that hold the main file's write
 * lock until they commit, and the index is written from their afterChange hooks; a write on
 * Payload's connection (with the index attached) would lock the main file too and wait for the
 * very transaction it runs in. Committed when it returns.
 *
 * The tables live in a database file of their own beside Payload's (`<file>-search`, attached
 * as `search`): Payload pushes its schema to the main file at every start, and drizzle-kit's push
 * drops any table it does not know (after a confirmation prompt that ends the process when
 * nobody answers). An attached file is outside what it looks at. Rebuildable from the articles
 * at any time (`npm run search:reindex`), so it needs no backup of its own.
 */
const quote = (term: string) => `"${term.replaceAll('"', '""')}"`

const EXCLUDED_FOR = { public: 'newsroomonly', newsroom: 'publiconly' } as const

/** A millisecond's rowid for a slot: its first slot is its highest rowid. */
const rowidOf = (ms: number, slot = 0) => -(BigInt(ms) * BigInt(SLOTS)) - BigInt(slot)
const clampMs = (ms: number) => Math.max(-MAX_MS, Math.min(MAX_MS, ms))
const msOf = (iso: string | null) => {
  const ms = iso === null ? Number.NaN : Date.parse(iso)
  return clampMs(Number.isNaN(ms) ? Date.now() : ms)
}

/** The query's words for MATCH: each one token, or (three or four Han characters) those characters in a row. */
const buildMatch = (query: Pick<StoreQuery, 'termGroups'>) =>
  query.termGroups
    .map(({ word, characters }) => (characters.length > 1 ? `(${quote(word)} OR ${characters.map(quote).join(' + ')})` : quote(word)))
    .join(' AND ')

/** The index's file beside Payload's database file (undefined for an in-memory database, whose index is in memory too). */
async function indexFileOf(mainClient: Client): Promise<string | undefined> {
  const list = await mainClient.execute('PRAGMA database_list')
  const mainFile = String(list.rows.find((row) => row.name === 'main')?.file ?? '')
  return mainFile ? `${mainFile}-search` : undefined
}

/** A connection to the index: an in-memory main database with the index file attached as `search`. */
async function attachIndex(indexFile: string | undefined): Promise<Client> {
  const client = createClient({ url: ':memory:' })
  await client.execute({ sql: `ATTACH DATABASE ? AS ${SCHEMA}`, args: [indexFile ?? ':memory:'] })
  await client.execute('PRAGMA busy_timeout = 10000')
  // As for the main file (src/db.ts): readers beside one writer; journal_mode is per database file.
  if (indexFile) await client.execute(`PRAGMA ${SCHEMA}.journal_mode = WAL`)
  return client
}

/** The index's own connection, for the store's reads and writes. */
async function openIndexConnection(mainClient: Client): Promise<Client> {
  return attachIndex(await indexFileOf(mainClient))
}

/**
 * A connection that only reads the index, for a search thread (src/search/threads): its statements
 * run beside the server's, since libsql's calls are synchronous and hold the thread that makes them.
 */
export async function openIndexReader(indexFile: string): Promise<Pick<SearchStore, 'search'> & { close(): void }> {
  const client = await attachIndex(indexFile)
  await client.execute('PRAGMA query_only = 1')
  return { search: (query) => searchIndex(client, query), close: () => client.close() }
}

export function createSqliteSearchStore(mainClient: Client): SearchStore {
  let opened: Promise<Client> | undefined
  const connection = () => (opened ??= openIndexConnection(mainClient))

  const replaceEncoded = async (articles: { articleId: string; rows: SqliteEntryRow[] }[]) => {
    const client = await connection()
    if (articles.length === 0) return
    // Another process (the worker) may take a slot between the read and the write: then the
    // insert fails on the primary key, nothing is written, and it is tried again.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.batch(await buildReplaceStatements(client, articles), 'write')
        return
      } catch (error) {
        if (attempt >= 3 || !String((error as Error).message).includes('UNIQUE')) throw error
      }
    }
  }

  return {
    async prepare() {
      const client = await connection()
      const version = Number((await client.execute(`PRAGMA ${SCHEMA}.user_version`)).rows[0]?.user_version ?? 0)
      const existing = await client.execute(`SELECT name FROM ${SCHEMA}.sqlite_master WHERE name IN ('search_entries', '${FTS_NAME}')`)
      if (existing.rows.length > 0 && version !== INDEX_VERSION) {
        // Row ids and audience words of another layout would mislead the queries (a newsroom-only entry must never match publicly).
        await client.batch([`DROP TABLE IF EXISTS ${FTS}`, `DROP TABLE IF EXISTS ${ENTRIES}`], 'write')
        console.warn(`The search index was of an older layout (${version}) and has been emptied: run npm run search:reindex`)
      }
      // A rebuild that stopped half-way (npm run search:reindex interrupted) left incremental merging
      // off; turned on again (a rebuild running in another process then merges as usual, only slower).
      if (version === INDEX_VERSION && existing.rows.some((row) => row.name === FTS_NAME)) {
        const merging = await client.execute(`SELECT v FROM ${FTS}_config WHERE k = 'automerge'`)
        if (Number(merging.rows[0]?.v ?? AUTOMERGE) === 0) await client.execute(`INSERT INTO ${FTS} (${FTS_NAME}, rank) VALUES ('automerge', ${AUTOMERGE})`)
      }
      await client.batch(
        [
          `CREATE TABLE IF NOT EXISTS ${ENTRIES} (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, audience TEXT NOT NULL, published_at TEXT, district_keys TEXT NOT NULL, display TEXT NOT NULL)`,
          `CREATE INDEX IF NOT EXISTS ${SCHEMA}.search_entries_article ON search_entries (article_id)`,
          `CREATE VIRTUAL TABLE IF NOT EXISTS ${FTS} USING fts5(title, body, pinyin, audience, districts, headline, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`,
          `PRAGMA ${SCHEMA}.user_version = ${INDEX_VERSION}`,
        ],
        'write',
      )
    },

    async replaceArticles(articles) {
      await replaceEncoded(articles.map(({ articleId, documents }) => ({ articleId, rows: documents.map(encodeSqliteEntry) })))
    },

    bulkLoad: { encoding: 'sqlite', replaceEncoded: (articles) => replaceEncoded(articles) },

    async clear() {
      const client = await connection()
      // Until compact(), no incremental merging: the rebuild's segments are merged once, by its final
      // optimize, instead of a few at a time after every batch (0.76 → 0.64 ms of CPU per story to write
      // and optimize 5,000 stories). FTS5 still merges a level that reaches 16 segments (crisismerge).
      await client.batch(
        [`INSERT INTO ${FTS} (${FTS_NAME}) VALUES ('delete-all')`, `DELETE FROM ${ENTRIES}`, `INSERT INTO ${FTS} (${FTS_NAME}, rank) VALUES ('automerge', 0)`],
        'write',
      )
    },

    async compact() {
      const client = await connection()
      // A rebuild leaves the words' lists in many segments (one per batch); a query reads a word's
      // list from each. One segment after the rebuild: about a quarter less CPU to count and rank a
      // common word at 100,000 stories, for 0.07 ms of CPU per story. Then the saves' own writes are
      // merged as they come again.
      await client.batch([`INSERT INTO ${FTS} (${FTS_NAME}) VALUES ('optimize')`, `INSERT INTO ${FTS} (${FTS_NAME}, rank) VALUES ('automerge', ${AUTOMERGE})`], 'write')
    },

    async countEntries() {
      const client = await connection()
      const result = await client.execute(`SELECT COUNT(*) AS n FROM ${ENTRIES}`)
      return Number(result.rows[0]?.n ?? 0)
    },

    async search(query) {
      return searchIndex(await connection(), query)
    },

    async indexFile() {
      return indexFileOf(mainClient)
    },
  }
}

/** A ranked page of matches from the index on `client`: the store's own connection, or a search thread's (src/search/threads). */
export async function searchIndex(client: Client, query: StoreQuery): Promise<StoreResult> {
  if (query.termGroups.length === 0) return { hits: [], total: 0, capped: false }
  // Audience, district and date never leave FTS5: the first two are columns of the index,
  // the date is the rowid (see SLOT_BITS). Only the page's rows are read from the entries.
  let match = `(${buildMatch(query)})`
  if (query.district) match += ` AND districts : ${quote(toDistrictToken(query.district))}`
  match = `(${match}) NOT audience : ${EXCLUDED_FOR[query.audience]}`
  const range: string[] = []
  const rangeArgs: bigint[] = []
  if (query.from) (range.push('rowid <= ?'), rangeArgs.push(rowidOf(msOf(query.from))))
  if (query.to) (range.push('rowid >= ?'), rangeArgs.push(rowidOf(msOf(query.to), SLOTS - 1)))
  const where = [`${FTS_NAME} MATCH ?`, ...range].join(' AND ')
  const weights = `${FIELD_WEIGHTS.title}, ${FIELD_WEIGHTS.body}, ${FIELD_WEIGHTS.pinyin}, 0, 0, 0`
  const ranked = Math.max(RANKED_MATCHES, query.offset + query.limit)
  // Counted up to the cap only: an exact count walks every match (4.5 ms for a word in 91,000 stories).
  const cap = countCapFor(query)
  const counted = await client.execute({ sql: `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${FTS} WHERE ${where} LIMIT ?)`, args: [match, ...rangeArgs, cap + 1] })
  const matched = Number(counted.rows[0]?.n ?? 0)
  const total = Math.min(matched, cap)
  const capped = matched > cap
  if (query.offset >= total) return { hits: [], total, capped }
  // More matches than are ranked: the oldest of the newest `ranked` (FTS5 walks its rowids upwards and stops there).
  const oldestRanked =
    matched > ranked
      ? (await client.execute({ sql: `SELECT CAST(rowid AS TEXT) AS id FROM ${FTS} WHERE ${where} ORDER BY rowid LIMIT 1 OFFSET ?`, args: [match, ...rangeArgs, ranked - 1] })).rows[0]
      : undefined
  let ids: bigint[]
  if (oldestRanked) {
    ids = await rankBroadMatches(client, query, { match, where, args: [...rangeArgs, BigInt(String(oldestRanked.id))] })
  } else {
    const page = await client.execute({
      sql: `SELECT CAST(rowid AS TEXT) AS id FROM ${FTS} WHERE ${where} ORDER BY bm25(${FTS_NAME}, ${weights}), rowid LIMIT ? OFFSET ?`,
      args: [match, ...rangeArgs, query.limit, query.offset],
    })
    ids = page.rows.map((row) => BigInt(String(row.id)))
  }
  if (ids.length === 0) return { hits: [], total, capped }
  const rows = await client.execute({
    sql: `SELECT CAST(id AS TEXT) AS id, article_id, published_at, display FROM ${ENTRIES} WHERE id IN (${ids.map(() => '?').join(', ')})`,
    args: ids,
  })
  const byId = new Map(rows.rows.map((row) => [String(row.id), row]))
  return {
    total,
    capped,
    hits: ids.map((id) => {
      const row = byId.get(String(id))!
      return { articleId: String(row.article_id), publishedAt: row.published_at === null ? null : String(row.published_at), display: JSON.parse(String(row.display)) }
    }),
  }
}

/**
 * The page of a query matching more than RANKED_MATCHES stories (`args`: the date range's, then
 * the oldest of the newest RANKED_MATCHES): among those newest matches, the stories with every
 * query word in the headline, then those with some, then the rest, newest first within each.
 * Not bm25: for every query bm25 first counts the stories holding each word across the whole
 * index (its IDF), 2–3.6 ms of CPU for common words at 100,000 stories, the larger part of such a
 * search; and a word in most stories has next to no weight in it anyway. A reader typing a broad
 * word on a news site expects the latest stories about it, the headline saying what a story is
 * about. Queries with fewer matches (the relevance set's) are ranked by bm25 as before.
 */
async function rankBroadMatches(client: Client, query: StoreQuery, window: { match: string; where: string; args: bigint[] }): Promise<bigint[]> {
  const wanted = query.offset + query.limit
  const inTitle = (operator: 'AND' | 'OR') => `(${query.termGroups.map(({ word }) => quote(toHeadlineMark(word))).join(` ${operator} `)}) AND (${window.match})`
  const tiers = [inTitle('AND'), ...(query.termGroups.length > 1 ? [inTitle('OR')] : []), window.match]
  const ids = new Map<string, bigint>()
  for (const tier of tiers) {
    const rows = await client.execute({ sql: `SELECT CAST(rowid AS TEXT) AS id FROM ${FTS} WHERE ${window.where} AND rowid <= ? ORDER BY rowid LIMIT ?`, args: [tier, ...window.args, wanted] })
    for (const row of rows.rows) if (!ids.has(String(row.id))) ids.set(String(row.id), BigInt(String(row.id)))
    if (ids.size >= wanted) break
  }
  return [...ids.values()].slice(query.offset, wanted)
}

const marks = (count: number, size: number) => Array.from({ length: count }, () => `(${Array(size).fill('?').join(', ')})`).join(', ')

/**
 * One write for a batch of articles: their old entries out, the new ones in, each at a rowid of
 * its publication date (a free slot of its millisecond, read first). A few statements per call
 * whatever its size: each prepared statement holds native memory until the garbage collector
 * gets to it, which a rebuild of 100,000 articles outruns.
 */
async function buildReplaceStatements(client: Client, articles: { articleId: string; rows: SqliteEntryRow[] }[]): Promise<InStatement[]> {
  const ids = articles.map(({ articleId }) => articleId)
  const entries = articles.flatMap((article) => article.rows)
  const millis = entries.map((entry) => msOf(entry.publishedAt))
  const nextSlot = new Map<number, number>()
  if (entries.length > 0) {
    const used = await client.execute({
      sql: `SELECT m.value AS ms, -(m.value * ${SLOTS}) - MIN(e.id) AS top FROM json_each(?) AS m
            JOIN ${ENTRIES} AS e ON e.id BETWEEN -(m.value * ${SLOTS}) - ${SLOTS - 1} AND -(m.value * ${SLOTS}) GROUP BY m.value`,
      args: [JSON.stringify([...new Set(millis)])],
    })
    for (const row of used.rows) nextSlot.set(Number(row.ms), Number(row.top) + 1)
  }
  const rowids = millis.map((ms) => {
    const slot = nextSlot.get(ms) ?? 0
    if (slot >= SLOTS) throw new Error(`More than ${SLOTS} search entries published at ${new Date(ms).toISOString()}`)
    nextSlot.set(ms, slot + 1)
    return rowidOf(ms, slot)
  })
  const statements: InStatement[] = [
    { sql: `DELETE FROM ${FTS} WHERE rowid IN (SELECT id FROM ${ENTRIES} WHERE article_id IN (${ids.map(() => '?').join(', ')}))`, args: ids },
    { sql: `DELETE FROM ${ENTRIES} WHERE article_id IN (${ids.map(() => '?').join(', ')})`, args: ids },
  ]
  for (let start = 0; start < entries.length; start += INSERT_ROWS) {
    const slice = entries.slice(start, start + INSERT_ROWS)
    const sliceIds = rowids.slice(start, start + INSERT_ROWS)
    statements.push(
      {
        sql: `INSERT INTO ${ENTRIES} (id, article_id, audience, published_at, district_keys, display) VALUES ${marks(slice.length, 6)}`,
        args: slice.flatMap((entry, index) => [sliceIds[index]!, entry.articleId, entry.audience, entry.publishedAt, entry.districtKeys, entry.display]),
      },
      {
        sql: `INSERT INTO ${FTS} (rowid, title, body, pinyin, audience, districts, headline) VALUES ${marks(slice.length, 7)}`,
        args: slice.flatMap((entry, index) => [sliceIds[index]!, entry.title, entry.body, entry.pinyin, entry.audienceWords, entry.districtTokens, entry.headline]),
      },
    )
  }
  return statements
}
