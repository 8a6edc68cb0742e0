import { isDashLed, stripLeadingDashes } from '../../text/chineseText'
import { classifyBodyLines } from './classifyBodyLines'
import { joinSoftBreaks } from './joinSoftBreaks'
import { mergeMetadata } from './mergeMetadata'
import { parseMarkdownLine, type MarkdownLine } from './parseMarkdownLine'
import { createEmptyMetadata, type ParsedDocument } from './parsedDocument'
import { splitLines } from './splitLines'
import { stripPageMarkup } from './stripPageMarkup'

function isPresent<T>(value: T | null): value is T {
  return value !== null
}

/**
 * Markdown-ish text: # title, ## ——subtitle, ### section headings, paragraphs,
 * and captions as bare label lines (often all at the end) or image alt texts.
 * The heading right under the title is the subtitle when it is dash-led, or
 * when it is a ## and the sections use deeper headings.
 */
export function parseMarkdown(text: string): ParsedDocument {
  const lines = joinSoftBreaks(splitLines(stripPageMarkup(text))).map(parseMarkdownLine).filter(isPresent)
  const headings = lines.filter((line) => line.level !== undefined)
  const title = headings.find((line) => line.level === 1) ?? headings[0]
  const next: MarkdownLine | undefined = title ? lines[lines.indexOf(title) + 1] : undefined
  const deepestLevel = Math.max(...headings.map((line) => line.level ?? 0))
  const subtitle =
    next?.level !== undefined && (isDashLed(next.text) || (next.level === 2 && deepestLevel > 2)) ? next : undefined

  const bodyLines = lines.filter((line) => line !== title && line !== subtitle)
  const explicitHeadings = bodyLines.some((line) => line.hint === 'heading')
  const explicitCaptions = bodyLines.some((line) => line.hint === 'caption')
  const body = classifyBodyLines(bodyLines, { detectHeadings: !explicitHeadings, detectCaptions: !explicitCaptions })
  const head = {
    ...createEmptyMetadata(),
    title: title?.text ?? null,
    subtitle: subtitle ? stripLeadingDashes(subtitle.text) || null : null,
  }
  return { format: 'markdown', ...mergeMetadata(head, body.metadata), items: body.items, warnings: body.warnings }
}
