import { buildLexicalBody, getCaptionBodyIndexes, type LexicalBody } from './buildLexicalBody'
import { convertScript } from './convertScript'
import type { ImportedArticle, Script, Warning } from '../validate/schema'

export const LOCALES: readonly Script[] = ['zh-Hans', 'zh-Hant']

/** The article fields that differ per locale (Payload localization). */
export interface LocalizedArticleFields {
  title: string
  subtitle: string | null
  summary: string | null
  body: LexicalBody
}

/** The article fields that are the same in both locales. */
export interface SharedArticleFields {
  districts: string[]
  authors: string[]
  source: string | null
  sourceUrl: string | null
  originalPublishedAt: string | null
  originalPublishedAt_tz: string | null
  tags: string[]
  defaultCredit: string | null
}

export interface CaptionDocument {
  text: Record<Script, string>
  credit: string | null
  /** The index of the caption's block among the body's nodes (see getCaptionBodyIndexes). */
  position: number
}

export interface ProvenanceFields {
  sourceFile: string
  contentHash: string
  format: string
  encoding: string
  script: Script
  originalText: string
  warnings: Pick<Warning, 'kind' | 'severity' | 'message' | 'snippet' | 'paragraph' | 'line'>[]
}

/** Everything the store writes for one imported article, in Payload's shapes. */
export interface ArticleDocument {
  sourceLocale: Script
  shared: SharedArticleFields
  localized: Record<Script, LocalizedArticleFields>
  captions: CaptionDocument[]
  provenance: ProvenanceFields
}

export interface BuildArticleDocumentInput {
  article: ImportedArticle
  /** District ids keyed by name, from the districts collection. */
  districtIdsByName: ReadonlyMap<string, string>
  sourceFile: string
  contentHash: string
  originalText: string
}

/** Marks a title the importer could not find, so the editors' queue shows it must be written. */
export const UNTITLED_MARK = '〔待拟标题〕'
const UNTITLED_WORDS = 16

/**
 * The stored title: the headline, or, for a page without one, the mark and the
 * body's first words (an article needs a title to be saved; an editor replaces it).
 */
export function getStoredTitle(article: Pick<ImportedArticle, 'title' | 'paragraphs'>): string {
  if (article.title) return article.title
  const firstWords = [...(article.paragraphs[0] ?? '').replace(/\s+/gu, ' ').trim()].slice(0, UNTITLED_WORDS).join('')
  return `${UNTITLED_MARK}${firstWords}…`
}

function toLocalizedFields(article: ImportedArticle): LocalizedArticleFields {
  return {
    title: getStoredTitle(article),
    subtitle: article.subtitle,
    summary: article.summary,
    body: buildLexicalBody(article.blocks, article.captions),
  }
}

/**
 * Warnings of one kind kept in provenance: a long text cut at every line had tens of thousands
 * of "paragraph-rejoined" notes, and one insert of that many array rows overflowed the database
 * driver's call stack (and they tell an editor nothing the first hundred do not). The dry run
 * (`npm run import -- --dry-run --json`) still lists every warning.
 */
export const MAX_STORED_WARNINGS_PER_KIND = 100

type StoredWarning = ProvenanceFields['warnings'][number]

/** The first MAX_STORED_WARNINGS_PER_KIND warnings of each kind, and one line saying how many more there were. */
export function boundStoredWarnings(warnings: readonly Warning[]): StoredWarning[] {
  const kept: StoredWarning[] = []
  const seen = new Map<string, { count: number; severity: Warning['severity'] }>()
  for (const { kind, severity, message, snippet, paragraph, line } of warnings) {
    const counted = seen.get(kind) ?? { count: 0, severity }
    counted.count++
    seen.set(kind, counted)
    if (counted.count <= MAX_STORED_WARNINGS_PER_KIND) kept.push({ kind, severity, message, snippet, paragraph, line })
  }
  for (const [kind, { count, severity }] of seen) {
    if (count <= MAX_STORED_WARNINGS_PER_KIND) continue
    kept.push({ kind: kind as Warning['kind'], severity, message: `${count - MAX_STORED_WARNINGS_PER_KIND} more warnings of this kind not stored (${count} in all)`, snippet: '' })
  }
  return kept
}

/** Stored dates come back as UTC ISO strings; plan in the same form so comparisons hold. */
function toStoredDate(isoWithOffset: string | null): string | null {
  return isoWithOffset === null ? null : new Date(isoWithOffset).toISOString()
}

/**
 * Pure: an imported article becomes the documents the store writes. The text in its
 * original script goes to its own locale; the other locale gets the OpenCC conversion
 * until an editor writes it. Names, sources and bylines stay as printed.
 */
export function buildArticleDocument(input: BuildArticleDocumentInput): ArticleDocument {
  const { article } = input
  const sourceLocale = article.script
  const otherLocale: Script = sourceLocale === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans'
  const converted = convertScript(article, otherLocale)
  const bodyIndexes = getCaptionBodyIndexes(article.captions)
  return {
    sourceLocale,
    shared: {
      districts: article.districts.flatMap((name) => input.districtIdsByName.get(name) ?? []),
      authors: article.authors,
      source: article.source,
      sourceUrl: article.sourceUrl,
      originalPublishedAt: toStoredDate(article.originalPublishedAt),
      originalPublishedAt_tz: article.originalPublishedAt ? 'Asia/Shanghai' : null,
      tags: article.tags,
      defaultCredit: article.defaultCredit,
    },
    localized: {
      [sourceLocale]: toLocalizedFields(article),
      [otherLocale]: toLocalizedFields(converted),
    } as Record<Script, LocalizedArticleFields>,
    captions: article.captions.map((caption, index) => ({
      text: { [sourceLocale]: caption.text, [otherLocale]: converted.captions[index]!.text } as Record<Script, string>,
      credit: caption.credit,
      position: bodyIndexes[index]!,
    })),
    provenance: {
      sourceFile: input.sourceFile,
      contentHash: input.contentHash,
      format: article.format,
      encoding: article.encoding,
      script: article.script,
      originalText: input.originalText,
      warnings: boundStoredWarnings([
        ...article.warnings,
        // Every line the importer left out, with its reason, so an editor can see and restore it.
        ...article.droppedLines.map(({ line, text, reason }) => ({ kind: 'line-dropped' as const, severity: 'info' as const, message: reason, snippet: text, line })),
      ]),
    },
  }
}
