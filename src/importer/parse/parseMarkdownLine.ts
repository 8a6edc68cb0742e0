import { isLinkOnlyLine, parseSourceUrlLine } from './parseMetadataLine'
import type { SourceLine } from './parsedDocument'
import { stripInlineMarkup } from './stripInlineMarkup'

export interface MarkdownLine extends SourceLine {
  /** 1–6 for an ATX heading (# …), absent otherwise. */
  level?: number
}

const ATX_HEADING = /^(#{1,6})\s+(.*?)\s*#*$/
const IMAGE_ONLY = /^!\[([^\]]*)\]\([^)]*\)$/
const BLOCK_PREFIX = /^(?:>\s?)+|^(?:[-*+]|\d+[.)])\s+/

/** One markdown line as text: headings keep their level, an image line becomes its alt text as a caption, inline markup goes. */
export function parseMarkdownLine(source: SourceLine): MarkdownLine | null {
  const heading = ATX_HEADING.exec(source.text)
  if (heading) {
    const text = stripInlineMarkup(heading[2]!)
    return text ? { ...source, text, hint: 'heading', level: heading[1]!.length } : null
  }
  const image = IMAGE_ONLY.exec(source.text.replace(/(?:\s*<br\s*\/?>)+\s*$/iu, ''))
  if (image) {
    const alt = stripInlineMarkup(image[1]!)
    return alt ? { ...source, text: alt, hint: 'caption' } : null
  }
  if (/^(?:[-*_]\s*){3,}$/.test(source.text)) return null // a thematic break
  const text =
    isLinkOnlyLine(source.text) || parseSourceUrlLine(source.text)
      ? source.text // kept as links, for the footer and source-URL checks
      : stripInlineMarkup(source.text.replace(BLOCK_PREFIX, ''))
  return text ? { ...source, text } : null
}
