import type { Format, Warning } from '../validate/schema'

/** One line of source text that is not blank, with its 1-based line number and the blank lines before it. */
export interface SourceLine {
  text: string
  line: number
  gapBefore: number
  /** Set when the markup already says what the line is (a markdown ### heading, an image's alt text). */
  hint?: 'heading' | 'caption'
}

/** A body piece in source order, before cut paragraphs are rejoined. */
export type ParsedItem =
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'caption'; text: string; credit: string | null; line: number }

/** Metadata a parser found, field by field; null/empty when the source does not say. */
export interface ParsedMetadata {
  title: string | null
  subtitle: string | null
  summary: string | null
  originalPublishedAt: string | null
  source: string | null
  sourceUrl: string | null
  authors: string[]
  photographers: string[]
  defaultCredit: string | null
  tags: string[]
  /** Explicit place metadata (front-matter categories and tags, a portal's breadcrumb), matched to districts first. */
  placeHints: string[]
}

/** A source line the parser left out of the article, with the reason, so an editor can see and restore it. */
export interface DroppedLine {
  line: number
  text: string
  reason: string
}

/** What every format parser returns: the common intermediate form the normaliser works on. */
export interface ParsedDocument extends ParsedMetadata {
  format: Format
  items: ParsedItem[]
  warnings: Warning[]
  /** Lines dropped as chrome, metadata, kickers or copies of the title (the line-based extractor fills it). */
  dropped?: DroppedLine[]
}

export function createEmptyMetadata(): ParsedMetadata {
  return {
    title: null,
    subtitle: null,
    summary: null,
    originalPublishedAt: null,
    source: null,
    sourceUrl: null,
    authors: [],
    photographers: [],
    defaultCredit: null,
    tags: [],
    placeHints: [],
  }
}
