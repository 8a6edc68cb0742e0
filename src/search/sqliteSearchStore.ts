import type { Client, InStatement } from '@libsql/client'

import { createClient } from '@libsql/client'

import type { SearchStore, StoreQuery, StoreResult } from './searchStore'

import { FIELD_WEIGHTS } from './searchStore'

/** The index's own database file, attached to Payload's connection (see prepare). */
const SCHEMA = 'search'
const ENTRIES = `${SCHEMA}.search_entries`
/** FTS5 functions and MATCH take the table's bare name. */
const FTS_NAME = 'search_fts'
const FTS = `${SCHEMA}.${FTS_NAME}`
/** Entries per INSERT: 5 parameters each, well under SQLite's 32,766. */
const INSERT_ROWS = 500

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

/** A district id or slug as one FTS5 token: ids are UUIDs here, whose dashes unicode61 would split at. */
const toDistrictToken = (key: string) => key.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

/** The index's own connection: an in-memory main database with the index file attached as `search`. */
async function openIndexConnection(mainClient: Client): Promise<Client> {
  const list = await mainClient.execute('PRAGMA database_list')
  const mainFile = String(list.rows.find((row) => row.name === 'main')?.file ?? '')
  const client = createClient({ url: ':memory:' })
  await client.execute({ sql: `ATTACH DATABASE ? AS ${SCHEMA}`, args: [mainFile ? `${mainFile}-search` : ':memory:'] })
  await client.execute('PRAGMA busy_timeout = 10000')
  // As for the main file (src/db.ts): readers beside one writer; journal_mode is per database file.
  if (mainFile) await client.execute(`PRAGMA ${SCHEMA}.journal_mode = WAL`)
  return client
}

export function createSqliteSearchStore(mainClient: Client): SearchStore {
  let opened: Promise<Client> | undefined
  const connection = () => (opened ??= openIndexConnection(mainClient))

  const buildMatch = (query: StoreQuery) =>
    query.termGroups
      .map(({ word, characters }) => (characters.length > 1 ? `(${quote(word)} OR ${characters.map(quote).join(' + ')})` : quote(word)))
      .join(' AND ')

  return {
    async prepare() {
      const client = await connection()
      await client.batch(
        [
          `CREATE TABLE IF NOT EXISTS ${ENTRIES} (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, audience TEXT NOT NULL, published_at TEXT, district_keys TEXT NOT NULL, display TEXT NOT NULL)`,
          `CREATE INDEX IF NOT EXISTS ${SCHEMA}.search_entries_article ON search_entries (article_id)`,
          `CREATE VIRTUAL TABLE IF NOT EXISTS ${FTS} USING fts5(title, body, pinyin, audience, districts, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`,
        ],
        'write',
      )
    },

    async replaceArticles(articles) {
      const client = await connection()
      if (articles.length === 0) return
      const ids = articles.map(({ articleId }) => articleId)
      const documents = articles.flatMap((article) => article.documents)
      const marks = (count: number, size: number) => Array.from({ length: count }, () => `(${Array(size).fill('?').join(', ')})`).join(', ')
      // A few statements per call whatever its size: each prepared statement holds native memory
      // until the garbage collector gets to it, which a rebuild of 100,000 articles outruns.
      const statements: InStatement[] = [
        { sql: `DELETE FROM ${FTS} WHERE rowid IN (SELECT id FROM ${ENTRIES} WHERE article_id IN (${ids.map(() => '?').join(', ')}))`, args: ids },
        { sql: `DELETE FROM ${ENTRIES} WHERE article_id IN (${ids.map(() => '?').join(', ')})`, args: ids },
      ]
      for (let start = 0; start < documents.length; start += INSERT_ROWS) {
        const slice = documents.slice(start, start + INSERT_ROWS)
        statements.push(
          {
            sql: `INSERT INTO ${ENTRIES} (article_id, audience, published_at, district_keys, display) VALUES ${marks(slice.length, 5)}`,
            args: slice.flatMap((document) => [document.articleId, document.audience, document.publishedAt, ` ${document.districtKeys.join(' ')} `, JSON.stringify(document.display)]),
          },
          {
            // The new entries' ids, matched by article and audience (unique within the call).
            sql: `INSERT INTO ${FTS} (rowid, title, body, pinyin, audience, districts)
                  SELECT e.id, v.column3, v.column4, v.column5, v.column6, v.column7 FROM (VALUES ${marks(slice.length, 7)}) AS v
                  JOIN ${ENTRIES} AS e ON e.article_id = v.column1 AND e.audience = v.column2`,
            args: slice.flatMap((document) => [
              document.articleId,
              document.audience,
              document.tokens.title.join(' '),
              document.tokens.body.join(' '),
              document.tokens.pinyin.join(' '),
              document.audience === 'both' ? 'public newsroom' : document.audience,
              document.districtKeys.map(toDistrictToken).join(' '),
            ]),
          },
        )
      }
      // One transaction: a reader never sees an article without its entries.
      await client.batch(statements, 'write')
    },

    async clear() {
      const client = await connection()
      await client.batch([`INSERT INTO ${FTS} (${FTS_NAME}) VALUES ('delete-all')`, `DELETE FROM ${ENTRIES}`], 'write')
    },

    async countEntries() {
      const client = await connection()
      const result = await client.execute(`SELECT COUNT(*) AS n FROM ${ENTRIES}`)
      return Number(result.rows[0]?.n ?? 0)
    },

    async search(query): Promise<StoreResult> {
      const client = await connection()
      if (query.termGroups.length === 0) return { hits: [], total: 0 }
      // Audience and district are columns of the index itself, so the match, its count and its
      // ranking never leave FTS5: joining every match to the entries table cost a lookup per
      // matching row (seconds for a word found in most of 100,000 stories). Only a date range,
      // which FTS5 cannot filter, joins the entries; the page's rows are read at the end.
      let match = `audience : ${quote(query.audience)} AND (${buildMatch(query)})`
      if (query.district) match += ` AND districts : ${quote(toDistrictToken(query.district))}`
      const weights = `${FIELD_WEIGHTS.title}, ${FIELD_WEIGHTS.body}, ${FIELD_WEIGHTS.pinyin}, 0, 0`
      let ids: number[]
      let total: number
      if (!query.from && !query.to) {
        const [ranked, counted] = await client.batch(
          [
            { sql: `SELECT rowid AS id FROM ${FTS} WHERE ${FTS_NAME} MATCH ? ORDER BY bm25(${FTS_NAME}, ${weights}) LIMIT ? OFFSET ?`, args: [match, query.limit, query.offset] },
            { sql: `SELECT COUNT(*) AS n FROM ${FTS} WHERE ${FTS_NAME} MATCH ?`, args: [match] },
          ],
          'read',
        )
        ids = ranked!.rows.map((row) => Number(row.id))
        total = Number(counted!.rows[0]?.n ?? 0)
      } else {
        const filters: string[] = []
        const args: (string | number)[] = [match]
        if (query.from) (filters.push('e.published_at >= ?'), args.push(query.from))
        if (query.to) (filters.push('e.published_at <= ?'), args.push(query.to))
        const ranked = await client.execute({
          sql: `SELECT e.id AS id, COUNT(*) OVER () AS total
                FROM (SELECT rowid, bm25(${FTS_NAME}, ${weights}) AS score FROM ${FTS} WHERE ${FTS_NAME} MATCH ?) AS m
                JOIN ${ENTRIES} AS e ON e.id = m.rowid
                WHERE ${filters.join(' AND ')}
                ORDER BY m.score, e.published_at DESC
                LIMIT ? OFFSET ?`,
          args: [...args, query.limit, query.offset],
        })
        ids = ranked.rows.map((row) => Number(row.id))
        total = Number(ranked.rows[0]?.total ?? 0)
        if (ids.length === 0 && query.offset > 0) {
          // A page past the end still reports how many there are.
          const counted = await client.execute({
            sql: `SELECT COUNT(*) AS n FROM ${FTS} JOIN ${ENTRIES} AS e ON e.id = ${FTS_NAME}.rowid WHERE ${FTS_NAME} MATCH ? AND ${filters.join(' AND ')}`,
            args,
          })
          total = Number(counted.rows[0]?.n ?? 0)
        }
      }
      if (ids.length === 0) return { hits: [], total }
      const rows = await client.execute({ sql: `SELECT id, article_id, published_at, display FROM ${ENTRIES} WHERE id IN (${ids.map(() => '?').join(', ')})`, args: ids })
      const byId = new Map(rows.rows.map((row) => [Number(row.id), row]))
      return {
        total,
        hits: ids.map((id) => {
          const row = byId.get(id)!
          return { articleId: String(row.article_id), publishedAt: row.published_at === null ? null : String(row.published_at), display: JSON.parse(String(row.display)) }
        }),
      }
    },
  }
}
