import type { Payload, PayloadRequest, SelectType } from 'payload'

import type { Article, Caption, District } from '../payload-types'

import { ARTICLES_SLUG, CAPTIONS_SLUG, DISTRICTS_SLUG } from '../../collections/slugs'
import { SITE_LOCALES, type SiteLocale } from '../site/siteLocales'
import { extractLexicalText } from './lexicalText'
import { foldText } from './foldText'
import { buildIndexTokensOfFolded, buildPinyinTokens } from './tokenize'

/**
 * Who may find an entry: `public` holds a story's live (published) text and is all that
 * anonymous callers search; `newsroom` holds its latest version, draft or not, for signed-in
 * users. A live story with a pending draft has both, each with its own text.
 */
export type SearchAudience = 'public' | 'newsroom'

type Localized<T> = Record<SiteLocale, T>

/** What the result list shows, per locale. */
export interface SearchDisplay {
  slug: string | null
  title: Localized<string>
  summary: Localized<string | null>
  /** Title, subtitle, summary, body and captions, for snippets; zh-Hant only where it is not the simplified text converted. */
  text: { 'zh-Hans': string; 'zh-Hant'?: string }
  districts: string[]
  status: 'published' | 'draft'
}

/** Who an entry is for: `both` when the latest version is the live one (no pending draft), stored once. */
export type EntryAudience = SearchAudience | 'both'

/** One entry of the index: an article's text for one audience (or both), tokenised. */
export interface SearchDocument {
  articleId: string
  audience: EntryAudience
  /** originalPublishedAt, or when the entry's version was saved: what `from`/`to` filter and the list shows. */
  publishedAt: string | null
  /** District ids and slugs, for the `district` filter. */
  districtKeys: string[]
  /** Weighted fields: headline words count most. */
  tokens: { title: string[]; body: string[]; pinyin: string[] }
  display: SearchDisplay
}

type LocalizedValue<T> = Partial<Record<SiteLocale, T | null>> | T | null | undefined
export type ArticleAllLocales = Omit<Article, 'title' | 'subtitle' | 'summary' | 'body'> & {
  title?: LocalizedValue<string>
  subtitle?: LocalizedValue<string>
  summary?: LocalizedValue<string>
  body?: LocalizedValue<Article['body']>
}

/** A localized field read with locale 'all', per locale (zh-Hant falls back to zh-Hans as the site does). */
function perLocale<T>(value: LocalizedValue<T>): Localized<T | null> {
  const byLocale = (value && typeof value === 'object' && SITE_LOCALES.some((locale) => locale in (value as object)) ? value : { 'zh-Hans': value }) as Partial<Record<SiteLocale, T | null>>
  const hans = byLocale['zh-Hans'] ?? null
  return { 'zh-Hans': hans, 'zh-Hant': byLocale['zh-Hant'] ?? hans }
}

const joinText = (...parts: (string | null | undefined)[]) => parts.filter((part): part is string => Boolean(part && part.trim())).join('\n')

/**
 * Punctuation and spaces: jieba segments the text between them on its own (its blocks are runs of
 * Han characters, latin letters, digits and +#&._%-), so a clause is cut the same alone as in its line.
 */
const CLAUSE_BREAK = /[\s，。、；：？！“”‘’（）《》〈〉【】「」『』…—·,;:?!()]+/u

/**
 * The clauses of `text` not in the same place in `reference`, one a line; a whole line where the
 * two lines do not split into as many clauses, all of `text` if the line counts differ.
 */
function differingClauses(text: string, reference: string): string {
  const lines = text.split('\n')
  const referenceLines = reference.split('\n')
  if (lines.length !== referenceLines.length) return text
  const differing: string[] = []
  lines.forEach((line, index) => {
    const referenceLine = referenceLines[index]!
    if (line === referenceLine) return
    const clauses = line.split(CLAUSE_BREAK)
    const referenceClauses = referenceLine.split(CLAUSE_BREAK)
    if (clauses.length !== referenceClauses.length) differing.push(line)
    else differing.push(...clauses.filter((clause, at) => clause !== referenceClauses[at]))
  })
  return differing.join('\n')
}

/** The article's text and its captions' as the index needs them; the other locale only where it says something else. */
export function buildSearchDocument(
  article: ArticleAllLocales,
  audience: EntryAudience,
  captions: Pick<Caption, 'text' | 'credit'>[],
  districts: SearchDistrict[],
): SearchDocument {
  const title = perLocale(article.title)
  const subtitle = perLocale(article.subtitle)
  const summary = perLocale(article.summary)
  const body = perLocale(article.body)
  const captionTexts = captions.map((caption) => perLocale(caption.text as LocalizedValue<string>))
  const districtIds = (article.districts ?? []).map((district) => String(typeof district === 'object' ? district.id : district))
  const articleDistricts = districtIds.map((id) => districts.find((district) => String(district.id) === id)).filter((district) => district !== undefined)
  const bodyText = { 'zh-Hans': extractLexicalText(body['zh-Hans']), 'zh-Hant': body['zh-Hant'] === body['zh-Hans'] ? null : extractLexicalText(body['zh-Hant']) }
  const headOf = (locale: SiteLocale) => joinText(title[locale], subtitle[locale])
  const restOf = (locale: SiteLocale) =>
    joinText(summary[locale], bodyText[locale] ?? bodyText['zh-Hans'], ...captionTexts.map((caption) => caption[locale]))
  // Each part folded once (folding and segmenting are most of an entry's cost).
  const head = { text: headOf('zh-Hans'), folded: '' }
  head.folded = foldText(head.text)
  const rest = { text: restOf('zh-Hans'), folded: '' }
  rest.folded = foldText(rest.text)
  const hantHead = headOf('zh-Hant')
  const hantRest = restOf('zh-Hant')
  // The traditional locale is usually the importer's OpenCC copy of the simplified one and folds
  // back to the same words: then it adds nothing to the index, and its snippets are made from the
  // simplified text. Only where an editor made it say something else is it tokenised and kept.
  const foldedHant = hantHead === head.text && hantRest === rest.text ? null : `${foldText(hantHead)}\n${foldText(hantRest)}`
  const hantDiffers = foldedHant !== null && foldedHant !== `${head.folded}\n${rest.folded}`
  // The importer's copy seldom folds back exactly (着 → 著 → 着 does not), and then usually in a
  // few characters: only the clauses that differ are segmented again (jieba never joins words
  // across punctuation), a fiftieth of the text instead of a quarter for whole lines.
  const hantClausesToSegment = hantDiffers ? differingClauses(foldedHant, `${head.folded}\n${rest.folded}`) : ''
  const bylines = foldText(
    joinText(...captions.map((caption) => caption.credit), ...(article.authors ?? []), ...(article.tags ?? []), ...articleDistricts.map((district) => district.name)),
  )
  const titleTokens = buildIndexTokensOfFolded(head.folded)
  const bylineTokens = buildIndexTokensOfFolded(bylines)
  const bodyTokens = [...buildIndexTokensOfFolded(rest.folded), ...bylineTokens]
  if (hantDiffers) {
    const known = new Set([...titleTokens, ...bodyTokens])
    bodyTokens.push(...buildIndexTokensOfFolded(hantClausesToSegment).filter((token) => !known.has(token)))
  }
  const hansText = joinText(head.text, rest.text)
  const hantText = joinText(hantHead, hantRest)
  return {
    articleId: String(article.id),
    audience,
    publishedAt: article.originalPublishedAt ?? article.updatedAt ?? null,
    districtKeys: [...districtIds, ...articleDistricts.map((district) => district.slug).filter((slug): slug is string => Boolean(slug))],
    tokens: {
      title: titleTokens,
      body: bodyTokens,
      pinyin: buildPinyinTokens([...titleTokens, ...bylineTokens]),
    },
    display: {
      slug: article.slug ?? null,
      title: { 'zh-Hans': title['zh-Hans'] ?? '', 'zh-Hant': title['zh-Hant'] ?? '' },
      summary,
      text: { 'zh-Hans': hansText, ...(hantDiffers ? { 'zh-Hant': hantText } : {}) },
      districts: districtIds,
      status: article._status === 'published' ? 'published' : 'draft',
    },
  }
}

/**
 * What an article's entries are built from, as read: each version to index with its audience,
 * and the article's captions. Plain data (a full rebuild hands it to worker threads).
 */
export interface SearchSources {
  articleId: string
  versions: { article: ArticleAllLocales; audience: EntryAudience }[]
  captions: Pick<Caption, 'text' | 'credit'>[]
}

export type SearchDistrict = Pick<District, 'id' | 'name' | 'slug'>

const ARTICLE_FIELDS_INDEXED = {
  title: true,
  subtitle: true,
  summary: true,
  body: true,
  authors: true,
  tags: true,
  districts: true,
  slug: true,
  originalPublishedAt: true,
  updatedAt: true,
  _status: true,
} as const

/** What tells whether an article's latest version is its live one. */
const VERSION_STAMP = { updatedAt: true, _status: true } as const

/** The districts an entry names (all of them: a few dozen), read once per rebuild or save. */
export async function readSearchDistricts(payload: Payload, req?: Partial<PayloadRequest>): Promise<SearchDistrict[]> {
  const districts = await payload.find({ collection: DISTRICTS_SLUG, depth: 0, limit: 200, overrideAccess: true, pagination: false, req })
  return districts.docs
}

/**
 * What the articles' entries are built from now: each one's live version for the public (if it
 * is published) and its latest version, draft or not, for the newsroom; nothing for an article
 * that no longer exists. Read with `req`, so inside a save they see that save. Three or four
 * queries for any number of articles (the full rebuild reads a few hundred at a time).
 */
export async function readSearchSources(payload: Payload, articleIds: string[], req?: Partial<PayloadRequest>): Promise<SearchSources[]> {
  if (articleIds.length === 0) return []
  const read = (ids: string[], draft: boolean, select: SelectType) =>
    payload.find({
      collection: ARTICLES_SLUG,
      where: { id: { in: ids } },
      draft,
      locale: 'all',
      depth: 0,
      joins: false,
      select,
      overrideAccess: true,
      pagination: false,
      req,
    })
  // One after another, not at once: inside a MongoDB transaction the reads share one session.
  // Only what an entry is built from: an imported story also carries its original text and import snapshot.
  const live = (await read(articleIds, false, ARTICLE_FIELDS_INDEXED)).docs as unknown as ArticleAllLocales[]
  // The latest versions' stamps first: most articles have no pending draft, and their latest
  // version is the live one already read, so only the others' are read whole (half the reading).
  const latestStamps = new Map((await read(articleIds, true, VERSION_STAMP)).docs.map((doc) => [String(doc.id), doc as Pick<ArticleAllLocales, 'updatedAt' | '_status'>]))
  const hasOwnLatest = (doc: ArticleAllLocales) => {
    const stamp = latestStamps.get(String(doc.id))
    return stamp !== undefined && !(doc._status === 'published' && stamp.updatedAt === doc.updatedAt && stamp._status === doc._status)
  }
  const latestIds = live.filter(hasOwnLatest).map((doc) => String(doc.id))
  const latest = latestIds.length === 0 ? [] : (await read(latestIds, true, ARTICLE_FIELDS_INDEXED)).docs
  const captions = await payload.find({
    collection: CAPTIONS_SLUG,
    where: { article: { in: articleIds } },
    locale: 'all',
    depth: 0,
    sort: 'position',
    overrideAccess: true,
    pagination: false,
    req,
  })
  const captionsById = new Map<string, Caption[]>()
  for (const caption of captions.docs as Caption[]) {
    const id = String(typeof caption.article === 'object' && caption.article ? caption.article.id : caption.article)
    captionsById.set(id, [...(captionsById.get(id) ?? []), caption])
  }
  const wanted = new Set(articleIds)
  const latestById = new Map(latest.map((doc) => [String(doc.id), doc as unknown as ArticleAllLocales]))
  const sources: SearchSources[] = []
  for (const doc of live) {
    const articleId = String(doc.id)
    if (!wanted.has(articleId)) continue
    const latestDoc = latestById.get(articleId) ?? doc
    // No pending draft (the latest version is the live one): one entry serves both.
    const isPublished = doc._status === 'published'
    const sameVersion = latestDoc.updatedAt === doc.updatedAt && latestDoc._status === doc._status
    const versions: SearchSources['versions'] =
      isPublished && sameVersion
        ? [{ article: doc, audience: 'both' }]
        : [...(isPublished ? [{ article: doc, audience: 'public' as const }] : []), { article: latestDoc, audience: 'newsroom' }]
    sources.push({ articleId, versions, captions: captionsById.get(articleId) ?? [] })
  }
  return sources
}

/** The entries of each article (none for one without sources: it no longer exists). */
export function buildSearchDocuments(articleIds: string[], sources: SearchSources[], districts: SearchDistrict[]): Map<string, SearchDocument[]> {
  const byArticle = new Map<string, SearchDocument[]>(articleIds.map((id) => [id, []]))
  for (const { articleId, versions, captions } of sources) {
    byArticle.get(articleId)?.push(...versions.map(({ article, audience }) => buildSearchDocument(article, audience, captions, districts)))
  }
  return byArticle
}

/** The index entries articles should have now (see readSearchSources). */
export async function readSearchDocuments(payload: Payload, articleIds: string[], req?: Partial<PayloadRequest>): Promise<Map<string, SearchDocument[]>> {
  if (articleIds.length === 0) return new Map()
  const sources = await readSearchSources(payload, articleIds, req)
  return buildSearchDocuments(articleIds, sources, await readSearchDistricts(payload, req))
}
