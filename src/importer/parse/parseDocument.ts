import type { Format } from '../validate/schema'
import { parseJekyll } from './parseJekyll'
import { parseMarkdown } from './parseMarkdown'
import type { ParsedDocument } from './parsedDocument'
import { parsePlain } from './parsePlain'
import { parsePortalPage } from './parsePortalPage'
import { parsePrintLayout } from './parsePrintLayout'

const PARSERS: Record<Format, (text: string) => ParsedDocument> = {
  markdown: parseMarkdown,
  'print-layout': parsePrintLayout,
  jekyll: parseJekyll,
  plain: parsePlain,
  'portal-page': parsePortalPage,
}

/** Runs the parser for the detected format. */
export function parseDocument(text: string, format: Format): ParsedDocument {
  return PARSERS[format](text)
}
