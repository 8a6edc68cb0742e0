import type { Collection, Db, Filter } from 'mongodb'

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
 */
export function createMongoSearchStore(db: Db): SearchStore {
  const entries: Collection<EntryRecord> = db.collection<EntryRecord>('search_entries')
  let statistics: { at: number; audience: string; count: number; meanLength: number }[] = []

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

  return {
    async prepare() {
      await entries.createIndex({ audience: 1, tokens: 1 }, { name: 'audience_tokens' })
      await entries.createIndex({ articleId: 1 }, { name: 'article' })
    },

    async replaceArticles(articles) {
      if (articles.length === 0) return
      // Upserts first, then the entries no longer wanted: a reader never finds an article missing in between.
      const records = articles.flatMap(({ documents }) => documents.flatMap(toRecords))
      if (records.length > 0) await entries.bulkWrite(records.map((record) => ({ replaceOne: { filter: { _id: record._id }, replacement: record, upsert: true } })), { ordered: false })
      // An article has at most its two ids (toRecords): the unwritten ones are deleted by _id, not by a
      // filter on articleId (FerretDB does not push `$in` down to its backend: each batch of the
      // rebuild read every entry); a rebuild of published stories deletes nothing.
      const written = new Set(records.map((record) => record._id))
      const stale = articles.flatMap(({ articleId }) => AUDIENCES.map((audience) => entryId(articleId, audience))).filter((id) => !written.has(id))
      if (stale.length > 0) await entries.bulkWrite(stale.map((id) => ({ deleteOne: { filter: { _id: id } } })), { ordered: false })
      statistics = []
    },

    async clear() {
      await entries.deleteMany({})
      statistics = []
    },

    async compact() {
      // Nothing to do: MongoDB's indexes are B-trees kept balanced as they are written.
    },

    async countEntries() {
      return entries.countDocuments({})
    },

    async search(query): Promise<StoreResult> {
      if (query.termGroups.length === 0) return { hits: [], total: 0, capped: false }
      const filter: Filter<EntryRecord> = {
        audience: query.audience,
        $and: query.termGroups.map(({ word, characters }) =>
          characters.length > 1 ? { $or: [{ tokens: word }, { tokens: { $all: characters } }] } : { tokens: word },
        ),
      }
      if (query.district) filter.districtKeys = query.district
      if (query.from || query.to) filter.publishedAt = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lte: query.to } : {}) }

      const terms = [...new Set(query.termGroups.flatMap(({ word, characters }) => [word, ...characters]))]
      const projection = Object.fromEntries([['length', 1], ['publishedAt', 1], ...terms.map((term) => [`weights.${term}`, 1])])
      const cap = countCapFor(query)
      // As on SQLite: counted up to the cap, and when more match than are ranked, the newest RANKED_MATCHES (deeper pages widen it) ranked.
      const [matched, candidates, stats, documentFrequencies] = await Promise.all([
        entries.countDocuments(filter, { limit: cap + 1 }),
        entries
          .find(filter, { projection })
          .sort({ publishedAt: -1, _id: -1 })
          .limit(Math.max(RANKED_MATCHES, query.offset + query.limit))
          .toArray(),
        readStatistics(query.audience),
        Promise.all(terms.map((term) => entries.countDocuments({ audience: query.audience, tokens: term }))),
      ])
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
      const records = page.length === 0 ? [] : await entries.find({ _id: { $in: page.map((entry) => entry.id) } }, { projection: { weights: 0, tokens: 0 } }).toArray()
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

const AUDIENCES = ['public', 'newsroom'] as const
const entryId = (articleId: string, audience: (typeof AUDIENCES)[number]) => `${articleId}:${audience}`

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
    _id: `${document.articleId}:${document.audience}`,
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
