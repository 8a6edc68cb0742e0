import type { SearchDocument } from './searchDocument'

/**
 * The audience column's words. Nearly every entry is for both audiences, so a query does not
 * AND a word every row has (a walk over the whole index): it excludes the few entries that are
 * only for the other audience, whose word is rare.
 */
export const AUDIENCE_WORDS = { both: 'public newsroom', public: 'public publiconly', newsroom: 'newsroom newsroomonly' } as const

/**
 * A headline word's mark, in the `headline` column (weight 0): a token of its own, whose list holds
 * only the stories with that word in the headline. A column filter (`title : word`) would walk the
 * word's whole list, every story that has it anywhere, and FTS5 checks a rowid bound only at each
 * match it finds: 2.2 ms for a common word seldom in headlines, at 100,000 stories. "0h" + a word
 * is never a word of the text: jieba cuts digits from Han characters, and latin words do not start so.
 */
export const toHeadlineMark = (token: string) => `0h${token}`

/** A district id or slug as one FTS5 token: ids are UUIDs here, whose dashes unicode61 would split at. */
export const toDistrictToken = (key: string) => key.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

/**
 * An entry as the SQLite index stores it: the entries table's columns and the FTS5 columns, all
 * text. A pure function of the entry, so a full rebuild runs it in the worker threads that build
 * the entries, and hands the main thread a few strings per entry instead of arrays of tokens.
 */
export interface SqliteEntryRow {
  articleId: string
  audience: SearchDocument['audience']
  publishedAt: string | null
  districtKeys: string
  display: string
  title: string
  body: string
  pinyin: string
  audienceWords: string
  districtTokens: string
  headline: string
}

export function encodeSqliteEntry(document: SearchDocument): SqliteEntryRow {
  return {
    articleId: document.articleId,
    audience: document.audience,
    publishedAt: document.publishedAt,
    districtKeys: ` ${document.districtKeys.join(' ')} `,
    display: JSON.stringify(document.display),
    title: document.tokens.title.join(' '),
    body: document.tokens.body.join(' '),
    pinyin: document.tokens.pinyin.join(' '),
    audienceWords: AUDIENCE_WORDS[document.audience],
    districtTokens: document.districtKeys.map(toDistrictToken).join(' '),
    headline: [...new Set(document.tokens.title)].map(toHeadlineMark).join(' '),
  }
}
