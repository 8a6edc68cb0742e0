import { joinSoftBreaks } from './joinSoftBreaks'
import type { SourceLine } from './parsedDocument'
import { splitLines } from './splitLines'
import { stripInlineMarkup } from './stripInlineMarkup'

const BLOCK = /<(p|h[1-6]|figcaption|li|blockquote)\b[^>]*>([\s\S]*?)<\/\1\s*>/giu

function lineAt(text: string, index: number, firstLine: number): number {
  return firstLine + text.slice(0, index).split('\n').length - 1
}

/**
 * The lines of a body that mixes HTML blocks and markdown, in order: each
 * <p>/<h2>/<figcaption> becomes one line (split at <br>) with the source line
 * it starts on; text outside the blocks stays as markdown lines.
 */
export function splitHtmlBody(body: string, firstLine: number): SourceLine[] {
  const lines: SourceLine[] = []
  let cursor = 0
  for (const match of body.matchAll(BLOCK)) {
    lines.push(...joinSoftBreaks(splitLines(body.slice(cursor, match.index), lineAt(body, cursor, firstLine))))
    const tag = match[1]!.toLowerCase()
    const line = lineAt(body, match.index, firstLine)
    for (const part of match[2]!.split(/<br\s*\/?>/iu)) {
      const text = stripInlineMarkup(part.replace(/\s*\n\s*/g, ''))
      if (!text) continue
      const hint = tag.startsWith('h') ? 'heading' : tag === 'figcaption' ? 'caption' : undefined
      lines.push({ text, line, gapBefore: 0, ...(hint ? { hint } : {}) })
    }
    cursor = match.index + match[0].length
  }
  lines.push(...joinSoftBreaks(splitLines(body.slice(cursor), lineAt(body, cursor, firstLine))))
  return lines
}
