import type { Format } from '../schema'
import { classifyBodyLines } from './classifyBodyLines'
import { mergeMetadata } from './mergeMetadata'
import { parseHeadlineDeck } from './parseHeadlineDeck'
import type { ParsedDocument } from './parsedDocument'
import { splitLines } from './splitLines'

/** Plain and print-layout text share one reading; they differ only in which deck line is the title. */
export function parseLineLayout(text: string, format: Extract<Format, 'plain' | 'print-layout'>): ParsedDocument {
  const deck = parseHeadlineDeck(splitLines(text), format === 'plain' ? 'first' : 'last')
  const body = classifyBodyLines(deck.bodyLines, { detectHeadings: true })
  const metadata = mergeMetadata({ ...deck.metadata, title: deck.title, subtitle: deck.subtitle }, body.metadata)
  return { format, ...metadata, items: [...deck.items, ...body.items], warnings: [...deck.warnings, ...body.warnings] }
}
