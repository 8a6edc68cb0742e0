import { isDecorativeFragment, isLabelLine, isOpenEnded } from '../../text/chineseText'
import type { Warning } from '../validate/schema'
import { parseByline, parseTrailingByline } from './parseByline'
import { parseCaptionCredit } from './parseCaptionCredit'
import { isEndMark, isLinkOnlyLine, parseDateLine, parseSourceLine, parseSourceUrlLine, parseTrailingSource } from './parseMetadataLine'
import { createEmptyMetadata, type ParsedItem, type ParsedMetadata, type SourceLine } from './parsedDocument'
import { mergeMetadata } from './mergeMetadata'

export interface ClassifyOptions {
  /**
   * Take a label line followed by a paragraph for a section heading. Off when
   * the markup marks headings itself (markdown ###), so bare label lines there
   * are captions.
   */
  detectHeadings: boolean
  /**
   * Take a bare label line for a caption. Off when the markup marks captions
   * itself (image alt texts): bare label lines there are list items or text.
   */
  detectCaptions?: boolean
}

export interface ClassifiedBody {
  items: ParsedItem[]
  metadata: ParsedMetadata
  warnings: Warning[]
}

/** A markdown table row (日期 | 行程 | 耗时): body text, never a heading or caption. */
const TABLE_ROW = /\|[^|]*\|/u

function isBodyText(line: SourceLine | undefined): boolean {
  return line !== undefined && line.hint === undefined && !isLabelLine(line.text)
}

/** Reads a paragraph's trailing "(文/尚健)" or "（来源：…）" into metadata. */
function peelTrailingNotes(text: string, metadata: ParsedMetadata): { text: string; metadata: ParsedMetadata } {
  const byline = parseTrailingByline(text)
  if (byline) {
    const { authors, photographers, defaultCredit } = byline.byline
    return peelTrailingNotes(byline.text, mergeMetadata(metadata, { authors, photographers, defaultCredit }))
  }
  const source = parseTrailingSource(text)
  if (source) return peelTrailingNotes(source.text, mergeMetadata(metadata, { source: source.source }))
  return { text, metadata }
}

/**
 * Sorts body lines into paragraphs, section headings and captions, and reads
 * the metadata lines among them (bylines, sources, source URLs, dates).
 * A label line (short, not a sentence) is:
 * - a caption when it ends with a photo credit;
 * - a caption when it interrupts a paragraph (the last body text ends mid-sentence);
 * - a section heading when a paragraph follows it (and detectHeadings is on);
 * - otherwise a caption: captions sit between paragraphs or at the end.
 */
export function classifyBodyLines(lines: SourceLine[], options: ClassifyOptions): ClassifiedBody {
  const items: ParsedItem[] = []
  const warnings: Warning[] = []
  let metadata = createEmptyMetadata()
  // Kept as items are added: searching the items for it at every label line was quadratic.
  let lastBodyItem: ParsedItem | undefined
  const push = (item: ParsedItem) => {
    items.push(item)
    if (item.kind !== 'caption') lastBodyItem = item
  }

  lines.forEach((source, index) => {
    const { text, line } = source
    if (source.hint === 'heading') return void push({ kind: 'heading', text, line })
    if (source.hint === 'caption') return void push({ kind: 'caption', text, credit: null, line })
    const sourceUrl = parseSourceUrlLine(text)
    if (sourceUrl) return void (metadata = mergeMetadata(metadata, { sourceUrl }))
    if (isLinkOnlyLine(text) || isEndMark(text)) return // site footers and end marks are page chrome
    const sourceName = parseSourceLine(text)
    if (sourceName) return void (metadata = mergeMetadata(metadata, { source: sourceName }))
    const date = parseDateLine(text)
    if (date) return void (metadata = mergeMetadata(metadata, { originalPublishedAt: date }))

    const byline = parseByline(text)
    if (byline) {
      const { authors, photographers, defaultCredit, editors, publishedAt } = byline
      metadata = mergeMetadata(metadata, { authors, photographers, defaultCredit, originalPublishedAt: publishedAt })
      if (editors.length > 0) {
        warnings.push({ kind: 'chrome-removed', severity: 'info', message: 'editor line not imported', snippet: text, line })
      }
      return
    }

    const credited = parseCaptionCredit(text)
    if (credited) {
      metadata = mergeMetadata(metadata, { photographers: credited.photographers })
      return void push({ kind: 'caption', text: credited.text, credit: credited.credit, line })
    }

    if (!isLabelLine(text) || TABLE_ROW.test(text)) {
      const peeled = peelTrailingNotes(text, metadata)
      metadata = peeled.metadata
      return void push({ kind: 'paragraph', text: peeled.text, line })
    }

    if (isDecorativeFragment(text)) {
      warnings.push({ kind: 'chrome-removed', severity: 'info', message: 'dropped a page fragment', snippet: text, line })
      return
    }
    const previous = lastBodyItem
    const interrupts = previous?.kind === 'paragraph' && isOpenEnded(previous.text)
    if (options.detectHeadings && !interrupts && isBodyText(lines[index + 1])) {
      return void push({ kind: 'heading', text, line })
    }
    if (options.detectCaptions === false) return void push({ kind: 'paragraph', text, line })
    push({ kind: 'caption', text, credit: null, line })
  })

  return { items, metadata, warnings }
}
