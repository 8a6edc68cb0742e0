import { extractArticle } from './extract/extractArticle'
import type { ParsedDocument } from './parsedDocument'

/**
 * Text copied from a newspaper page: page fragments, a headline deck over
 * several lines, captions with credits between paragraphs, a byline at the end.
 * Cut paragraphs are rejoined later, by the normaliser.
 */
export function parsePrintLayout(text: string): ParsedDocument {
  return extractArticle(text, 'print-layout')
}
