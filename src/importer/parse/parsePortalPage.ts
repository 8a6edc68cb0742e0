import { extractArticle } from './extract/extractArticle'
import type { ParsedDocument } from './parsedDocument'

export { splitBreadcrumb } from './extract/splitBreadcrumb'

/**
 * A scraped portal article page: site header and breadcrumb, the title, a
 * metadata line (date, 来源, 作者 …), the body, then reaction buttons, links
 * and footers. The line-based extractor tells them apart by their features.
 */
export function parsePortalPage(text: string): ParsedDocument {
  return extractArticle(text, 'portal-page')
}
