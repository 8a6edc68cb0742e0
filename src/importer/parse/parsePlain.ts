import { extractArticle } from './extract/extractArticle'
import type { ParsedDocument } from './parsedDocument'

/** Plain text: a title line, maybe a ——subtitle, bare label lines as section headings, one paragraph per line. */
export function parsePlain(text: string): ParsedDocument {
  return extractArticle(text, 'plain')
}
