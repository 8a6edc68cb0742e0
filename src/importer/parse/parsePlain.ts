import { parseLineLayout } from './parseLineLayout'
import type { ParsedDocument } from './parsedDocument'

/** Plain text: a title line, maybe a ——subtitle, bare label lines as section headings, one paragraph per line. */
export function parsePlain(text: string): ParsedDocument {
  return parseLineLayout(text, 'plain')
}
