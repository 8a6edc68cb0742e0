import { type Collection, type Db, type Filter, MongoBulkWriteError } from 'mongodb'

import type { SearchDisplay, SearchDocument } from './searchDocument'
import type { SearchStore, StoreQuery, StoreResult } from './searchStore'

import { countCapFor, FIELD_WEIGHTS, RANKED_MATCHES } from './searchStore'

interface EntryRecord {
  _id: string
  articleId: string
  audience: string
  publishedAt: string | null
  districtKeys: string[]
  /** Every distinct token of the entry: the multikey index. */
  tokens: string[]
  /** Weighted term frequency per token (title × 10, pinyin × 4, body × 1), for BM25. */
  weights: Record<string, number>
  length: number
  display: SearchDisplay
}

/**
 * FerretDB's entry: the same fields less the display, one entry for both audiences where they share
 * it (`audience: 'both'`), with the tokens and their weights in one
 * string (` 萍乡:10 煤矿:1 `; tokens are letters and digits only). FerretDB decodes every document
 * it reads, field by field: an array of 600 tokens and an object of 600 weights made a pass over
 * 600 entries take 6.7 s, this string 0.15 s (measured on v1.24, 300 stories).
 */
interface FerretEntryRecord {
  _id: string
  articleId: string
  audience: string
  publishedAt: string | null
  districtKeys: string[]
  terms: string
  length: number
}

/** FerretDB's entry display, apart (`search_displays`): read for the page's hits only, by `_id`. */
interface DisplayRecord {
  _id: string
  articleId: string
  publishedAt: string | null
  display: SearchDisplay
}

/** What ranking needs of a matching entry. */
interface Candidate {
  _id: string
  publishedAt: string | null
  length: number
  weights?: Record<string, number>
}

const BM25_K1 = 1.2
const BM25_B = 0.75
/** Collection statistics (entry count, mean length) are re-read at most this often. */
const STATISTICS_TTL_MS = 30_000

/**
 * The index on MongoDB: one document per article and audience with its distinct tokens in an
 * array under a compound multikey index `{ audience: 1, tokens: 1 }`, matched with `$all`/`$or`
 * of equalities, and ranked here with BM25 from stored weighted term frequencies. It relies only
 * on what the community server and FerretDB v1.24 both have: a multikey index, `$all`, `$in`,
 * `$or`, range filters on strings, `countDocuments`, and projection of named sub-fields.
 * No `$text` (it has no Chinese tokenizer), no Atlas Search, no `$lookup`, no transactions.
 *
 * FerretDB v1.24 on SQLite (found by `buildInfo`) gets two other paths, same answers: it pushes
 * no filter down but `_id` equality, and that one as `->'$._id'`, which its own `_id` index
 * (`->"_id"`) does not match, so every query reads every entry and an `_id` lookup is a
 * full-table scan in SQLite. A search there is one pass over the audience's entries, matched,
 * counted and ranked here (a query per term, the count and the candidates each read every entry);
 * a rebuild inserts instead of upserting (an upsert is a lookup by `_id`: a scan per entry).
 */
export function createMongoSearchStore(db: Db): SearchStore {
  const entries: Collection<EntryRecord> = db.collection<EntryRecord>('search_entries')
  const ferretEntries: Collection<FerretEntryRecord> = db.collection<FerretEntryRecord>('search_entries')
  const displays: Collection<DisplayRecord> = db.collection<DisplayRecord>('search_displays')
  let statistics: { at: number; audience: string; count: number; meanLength: number }[] = []
  /** Between clear() and compact(): the entry ids written since the index was emptied (by this process). */
  let bulkLoad: { written: Set<string> } | null = null
  let ferretdb: Promise<boolean> | undefined
  const isFerretdb = () =>
    (ferretdb ??= db
      .command({ buildInfo: 1 })
      .then((info) => typeof info.ferretdbVersion === 'string')
      .catch(() => false))

  const readStatistics = async (audience: string) => {
    const cached = statistics.find((entry) => entry.audience === audience && Date.now() - entry.at < STATISTICS_TTL_MS)
    if (cached) return cached
    const [summary] = await entries
      .aggregate<{ count: number; totalLength: number }>([{ $match: { audience } }, { $group: { _id: null, count: { $sum: 1 }, totalLength: { $sum: '$length' } } }])
      .toArray()
    const fresh = { at: Date.now(), audience, count: summary?.count ?? 0, meanLength: summary && summary.count > 0 ? summary.totalLength / summary.count : 1 }
    statistics = [...statistics.filter((entry) => entry.audience !== audience), fresh]
    return fresh
  }

  /** The generic search: the filter, the count and each term's document frequency are queries the multikey index answers. */
  const searchWithIndex = async (query: StoreQuery, terms: string[], cap: number) => {
    const filter: Filter<EntryRecord> = {
      audience: query.audience,
      $and: query.termGroups.map(({ word, characters }) =>
        characters.length > 1 ? { $or: [{ tokens: word }, { tokens: { $all: characters } }] } : { tokens: word },
      ),
    }
    if (query.district) filter.districtKeys = query.district
    if (query.from || query.to) filter.publishedAt = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lte: query.to } : {}) }
    const projection = Object.fromEntries([['length', 1], ['publishedAt', 1], ...terms.map((term) => [`weights.${term}`, 1])])
    // As on SQLite: counted up to the cap, and when more match than are ranked, the newest RANKED_MATCHES (deeper pages widen it) ranked.
    const [matched, candidates, stats, documentFrequencies] = await Promise.all([
      entries.countDocuments(filter, { limit: cap + 1 }),
      entries
        .find(filter, { projection })
        .sort({ publishedAt: -1, _id: -1 })
        .limit(Math.max(RANKED_MATCHES, query.offset + query.limit))
        .toArray() as Promise<Candidate[]>,
      readStatistics(query.audience),
      Promise.all(terms.map((term) => entries.countDocuments({ audience: query.audience, tokens: term }))),
    ])
    return { matched, candidates, stats, documentFrequencies }
  }

  /**
   * FerretDB: one read of the audience's entries (lengths, dates, districts, terms), matched here
   * as the filter above would, counted, and the newest candidates kept in the order MongoDB's sort
   * gives (null dates last). The statistics and document frequencies come from the same read.
   */
  const searchInOnePass = async (query: StoreQuery, terms: string[]) => {
    const projection = { terms: 1, length: 1, publishedAt: 1, ...(query.district ? { districtKeys: 1 } : {}) }
    const all = await ferretEntries.find({ audience: { $in: [query.audience, 'both'] } }, { projection }).toArray()
    let totalLength = 0
    const documentFrequencies = terms.map(() => 0)
    const matches: Candidate[] = []
    for (const entry of all) {
      totalLength += entry.length ?? 0
      const weights: Record<string, number> = Object.create(null)
      terms.forEach((term, index) => {
        const weight = readWeight(entry.terms ?? '', term)
        if (weight > 0) {
          weights[term] = weight
          documentFrequencies[index]!++
        }
      })
      if (!query.termGroups.every(({ word, characters }) => word in weights || (characters.length > 1 && characters.every((character) => character in weights)))) continue
      if (query.district && !entry.districtKeys?.includes(query.district)) continue
      if (query.from && !(typeof entry.publishedAt === 'string' && entry.publishedAt >= query.from)) continue
      if (query.to && !(typeof entry.publishedAt === 'string' && entry.publishedAt <= query.to)) continue
      matches.push({ _id: entry._id, publishedAt: entry.publishedAt, length: entry.length, weights })
    }
    const newestFirst = (a: Candidate, b: Candidate) => compareNullable(b.publishedAt, a.publishedAt) || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0)
    const candidates = matches.sort(newestFirst).slice(0, Math.max(RANKED_MATCHES, query.offset + query.limit))
    const stats = { count: all.length, meanLength: all.length > 0 ? totalLength / all.length : 1 }
    return { matched: matches.length, candidates, stats, documentFrequencies }
  }

  /** The page's entries: on FerretDB one `_id` equality each (the one filter it pushes down), not an `$in` that reads every entry. */
  const readDisplays = async (ids: string[], onFerretdb: boolean): Promise<DisplayRecord[]> => {
    if (ids.length === 0) return []
    if (!onFerretdb) return entries.find({ _id: { $in: ids } }, { projection: { articleId: 1, publishedAt: 1, display: 1 } }).toArray()
    const found = await Promise.all(ids.map((id) => displays.findOne({ _id: id })))
    return found.filter((record) => record !== null)
  }

  /**
   * Writes records into a collection: during a rebuild (after clear()) plain inserts, one multi-row
   * INSERT on FerretDB with no lookup, and an entry already there (an article saved while the
   * rebuild runs) fails as a duplicate and is replaced; otherwise upserts by `_id`.
   */
  async function write<T extends { _id: string }>(collection: Collection<T>, records: T[]) {
    if (records.length === 0) return
    const upsert = (some: T[]) =>
      collection.bulkWrite(
        some.map((record) => ({ replaceOne: { filter: { _id: record._id } as Filter<T>, replacement: record, upsert: true } })),
        { ordered: false },
      )
    if (!bulkLoad) {
      await upsert(records)
      return
    }
    try {
      await collection.insertMany(records as never[], { ordered: false })
    } catch (error) {
      const writeErrors = error instanceof MongoBulkWriteError ? [error.writeErrors].flat() : []
      if (writeErrors.length === 0 || writeErrors.some((writeError) => writeError.code !== DUPLICATE_KEY)) throw error
      await upsert(writeErrors.map((writeError) => records[writeError.index]!))
    }
  }

  return {
    async prepare() {
      // FerretDB uses no index but `_id`'s for a query (see above); each would only slow its writes.
      if (await isFerretdb()) return
      await entries.createIndex({ audience: 1, tokens: 1 }, { name: 'audience_tokens' })
      await entries.createIndex({ articleId: 1 }, { name: 'article' })
    },

    async replaceArticles(articles) {
      if (articles.length === 0) return
      const onFerretdb = await isFerretdb()
      // Upserts first, then the entries no longer wanted: a reader never finds an article missing in
      // between (on FerretDB the display before its entry, so a matched entry always has one).
      // On FerretDB an entry for both audiences is stored once (`audience: 'both'`): a pass reads every entry.
      const records = articles.flatMap(({ documents }) => (onFerretdb ? documents.map(toRecord) : documents.flatMap(toRecords)))
      if (onFerretdb) {
        await write(displays, records.map(({ _id, articleId, publishedAt, display }) => ({ _id, articleId, publishedAt, display })))
        await write(ferretEntries, records.map(toFerretEntry))
      } else await write(entries, records)
      for (const record of records) bulkLoad?.written.add(record._id)
      // An article has at most its two ids (toRecords; three possible on FerretDB): the unwritten ones are deleted by _id, not by a
      // filter on articleId (FerretDB does not push `$in` down to its backend: each batch of the
      // rebuild read every entry); a rebuild of published stories deletes nothing. During a rebuild
      // only ids written since clear() can be there (an `_id` lookup scans the table on FerretDB).
      const written = new Set(records.map((record) => record._id))
      const stale = articles
        .flatMap(({ articleId }) => (onFerretdb ? ENTRY_AUDIENCES : AUDIENCES).map((audience) => entryId(articleId, audience)))
        .filter((id) => !written.has(id) && (!bulkLoad || bulkLoad.written.has(id)))
      if (stale.length > 0) {
        await entries.bulkWrite(stale.map((id) => ({ deleteOne: { filter: { _id: id } } })), { ordered: false })
        if (onFerretdb) await displays.bulkWrite(stale.map((id) => ({ deleteOne: { filter: { _id: id } } })), { ordered: false })
      }
      for (const id of stale) bulkLoad?.written.delete(id)
      statistics = []
    },

    async clear() {
      await entries.deleteMany({})
      if (await isFerretdb()) await displays.deleteMany({})
      bulkLoad = { written: new Set() }
      statistics = []
    },

    async compact() {
      // MongoDB's indexes are B-trees kept balanced as they are written: only back to upserts.
      bulkLoad = null
    },

    async countEntries() {
      return entries.countDocuments({})
    },

    async search(query): Promise<StoreResult> {
      if (query.termGroups.length === 0) return { hits: [], total: 0, capped: false }
      const terms = [...new Set(query.termGroups.flatMap(({ word, characters }) => [word, ...characters]))]
      const cap = countCapFor(query)
      const onFerretdb = await isFerretdb()
      const { matched, candidates, stats, documentFrequencies } = onFerretdb ? await searchInOnePass(query, terms) : await searchWithIndex(query, terms, cap)
      const idf = new Map(terms.map((term, index) => [term, Math.log(1 + (stats.count - documentFrequencies[index]! + 0.5) / (documentFrequencies[index]! + 0.5))]))
      const scored = candidates.map((candidate) => {
        let score = 0
        for (const term of terms) {
          const frequency = candidate.weights?.[term] ?? 0
          if (frequency === 0) continue
          score += (idf.get(term)! * frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * (1 - BM25_B + (BM25_B * candidate.length) / stats.meanLength))
        }
        return { id: candidate._id, score, publishedAt: candidate.publishedAt ?? '' }
      })
      scored.sort((a, b) => b.score - a.score || b.publishedAt.localeCompare(a.publishedAt))
      const page = scored.slice(query.offset, query.offset + query.limit)
      const records = await readDisplays(page.map((entry) => entry.id), onFerretdb)
      const byId = new Map(records.map((record) => [record._id, record]))
      return {
        total: Math.min(matched, cap),
        capped: matched > cap,
        hits: page
          .map((entry) => byId.get(entry.id))
          .filter((record) => record !== undefined)
          .map((record) => ({ articleId: record.articleId, publishedAt: record.publishedAt, display: record.display })),
      }
    },
  }
}

/** A token's weight in a FerretDB entry's terms string, 0 when it is not there. */
function readWeight(terms: string, term: string): number {
  const at = terms.indexOf(` ${term}:`)
  if (at < 0) return 0
  const from = at + term.length + 2
  return Number(terms.slice(from, terms.indexOf(' ', from)))
}

function toFerretEntry({ _id, articleId, audience, publishedAt, districtKeys, weights, length }: EntryRecord): FerretEntryRecord {
  let terms = ' '
  for (const token in weights) terms += `${token}:${weights[token]} `
  return { _id, articleId, audience, publishedAt, districtKeys, terms, length }
}

const DUPLICATE_KEY = 11000

/** MongoDB's order of a date string or null: null below every string. */
function compareNullable(a: string | null | undefined, b: string | null | undefined) {
  if (a === b) return 0
  if (a === null || a === undefined) return -1
  if (b === null || b === undefined) return 1
  return a < b ? -1 : 1
}

const AUDIENCES = ['public', 'newsroom'] as const
const ENTRY_AUDIENCES = [...AUDIENCES, 'both'] as const
const entryId = (articleId: string, audience: (typeof ENTRY_AUDIENCES)[number]) => `${articleId}:${audience}`

/** One record per audience: `{ audience, tokens }` is the index, and MongoDB cannot index two arrays in one index. */
function toRecords(document: SearchDocument): EntryRecord[] {
  const audiences = document.audience === 'both' ? AUDIENCES : [document.audience]
  const record = toRecord(document)
  return audiences.map((audience) => ({ ...record, _id: entryId(document.articleId, audience), audience }))
}

function toRecord(document: SearchDocument): EntryRecord {
  const weights: Record<string, number> = {}
  let length = 0
  for (const field of ['title', 'body', 'pinyin'] as const) {
    for (const token of document.tokens[field]) {
      weights[token] = (weights[token] ?? 0) + FIELD_WEIGHTS[field]
      length += FIELD_WEIGHTS[field]
    }
  }
  return {
    _id: entryId(document.articleId, document.audience),
    articleId: document.articleId,
    audience: document.audience,
    publishedAt: document.publishedAt,
    districtKeys: document.districtKeys,
    tokens: Object.keys(weights),
    weights,
    length,
    display: document.display,
  }
}
