import { classifyBodyLines } from './classifyBodyLines'
import { mergeMetadata } from './mergeMetadata'
import { getFrontMatterList, getFrontMatterText, parseFrontMatter } from './parseFrontMatter'
import { parseMarkdownLine } from './parseMarkdownLine'
import { parsePublishedAt } from './parsePublishedAt'
import { createEmptyMetadata, type ParsedDocument } from './parsedDocument'
import { splitHtmlBody } from './splitHtmlBody'
import { stripPageMarkup } from './stripPageMarkup'

/**
 * A Jekyll post: YAML front matter (title, date, categories, tags) over a body
 * of HTML <p> blocks and markdown. Bare short <p> blocks before a paragraph
 * are section headings; the source note, source link and link footer at the
 * end are read as metadata or dropped as site chrome.
 */
export function parseJekyll(text: string): ParsedDocument {
  const frontMatter = parseFrontMatter(text)
  const fields = frontMatter?.fields ?? {}
  const body = stripPageMarkup(text.slice(frontMatter?.bodyStart ?? 0))
  const lines = splitHtmlBody(body, frontMatter?.bodyLine ?? 1)
    .map((line) => (line.hint ? line : parseMarkdownLine(line)))
    .filter((line) => line !== null)

  const titleHeading = getFrontMatterText(fields, 'title') ? undefined : lines.find((line) => line.hint === 'heading')
  const bodyLines = lines.filter((line) => line !== titleHeading)
  const explicitHeadings = bodyLines.some((line) => line.hint === 'heading')
  const explicitCaptions = bodyLines.some((line) => line.hint === 'caption')
  const classified = classifyBodyLines(bodyLines, { detectHeadings: !explicitHeadings, detectCaptions: !explicitCaptions })

  const date = getFrontMatterText(fields, 'date')
  const categories = getFrontMatterList(fields, 'categories', 'category')
  const tags = getFrontMatterList(fields, 'tags', 'tag')
  const head = {
    ...createEmptyMetadata(),
    title: getFrontMatterText(fields, 'title') ?? titleHeading?.text ?? null,
    subtitle: getFrontMatterText(fields, 'subtitle'),
    summary: getFrontMatterText(fields, 'excerpt', 'summary', 'description'),
    originalPublishedAt: date ? parsePublishedAt(date) : null,
    source: getFrontMatterText(fields, 'source'),
    sourceUrl: getFrontMatterText(fields, 'source_url', 'sourceUrl', 'original_url'),
    authors: getFrontMatterList(fields, 'authors', 'author'),
    tags,
    placeHints: [...categories, ...tags],
  }
  return { format: 'jekyll', ...mergeMetadata(head, classified.metadata), items: classified.items, warnings: classified.warnings }
}
