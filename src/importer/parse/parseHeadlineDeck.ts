import { isDashLed, isDecorativeFragment, isLabelLine, stripLeadingDashes } from '../chineseText'
import type { Warning } from '../schema'
import { parseByline } from './parseByline'
import { parseCaptionCredit } from './parseCaptionCredit'
import { parseDateLine, parseSourceLine } from './parseMetadataLine'
import { createEmptyMetadata, type ParsedItem, type ParsedMetadata, type SourceLine } from './parsedDocument'
import { mergeMetadata } from './mergeMetadata'

export interface HeadlineDeck {
  title: string | null
  subtitle: string | null
  /** Captions printed above the headline (position 0 in the body). */
  items: ParsedItem[]
  metadata: ParsedMetadata
  /** Lines after the deck, starting with any deck lines that belong to the body (a first section heading). */
  bodyLines: SourceLine[]
  warnings: Warning[]
}

/**
 * Reads the headline deck: the label lines before the first paragraph.
 * A dash-led line (——…) is the subtitle and the line above it the title.
 * Without one, plain text takes the first deck line as the title (later ones
 * go back to the body, where a label line before a paragraph is a heading);
 * a print layout takes the last one, the main headline printed under its
 * kicker or page banner, and reports the lines above it as a warning.
 */
export function parseHeadlineDeck(lines: SourceLine[], titleAt: 'first' | 'last'): HeadlineDeck {
  const items: ParsedItem[] = []
  const warnings: Warning[] = []
  let metadata = createEmptyMetadata()
  const deck: SourceLine[] = []

  let index = 0
  for (; index < lines.length; index++) {
    const { text, line } = lines[index]!
    const byline = parseByline(text)
    if (!isLabelLine(text) && !byline) break
    const credited = parseCaptionCredit(text)
    const source = parseSourceLine(text)
    const date = parseDateLine(text)
    if (credited) {
      items.push({ kind: 'caption', text: credited.text, credit: credited.credit, line })
      metadata = mergeMetadata(metadata, { photographers: credited.photographers })
    } else if (byline) {
      const { authors, photographers, defaultCredit, publishedAt } = byline
      metadata = mergeMetadata(metadata, { authors, photographers, defaultCredit, originalPublishedAt: publishedAt })
    } else if (source || date) {
      metadata = mergeMetadata(metadata, { source, originalPublishedAt: date })
    } else if (isDecorativeFragment(text)) {
      warnings.push({ kind: 'chrome-removed', severity: 'info', message: 'dropped a page fragment above the headline', snippet: text, line })
    } else {
      deck.push(lines[index]!)
    }
  }

  let title: SourceLine | undefined
  let subtitle: SourceLine | undefined
  let kicker: SourceLine[] = []
  let rest: SourceLine[] = []
  const dashed = deck.findIndex((line) => isDashLed(line.text))
  if (dashed >= 0) {
    title = deck[dashed - 1]
    subtitle = deck[dashed]
    kicker = deck.slice(0, Math.max(0, dashed - 1))
    rest = deck.slice(dashed + 1)
  } else if (titleAt === 'first') {
    title = deck[0]
    rest = deck.slice(1)
  } else {
    title = deck.at(-1)
    kicker = deck.slice(0, -1)
  }

  if (kicker.length > 0) {
    warnings.push({
      kind: 'headline-deck',
      severity: 'warning',
      message: 'headline lines above the title were not imported (a kicker or page banner?)',
      snippet: kicker.map((line) => line.text).join(' / '),
      line: kicker[0]!.line,
    })
  }

  return {
    title: title?.text ?? null,
    subtitle: subtitle ? stripLeadingDashes(subtitle.text) || null : null,
    items,
    metadata,
    bodyLines: [...rest, ...lines.slice(index)],
    warnings,
  }
}
