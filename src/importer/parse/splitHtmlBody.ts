import { joinSoftBreaks } from './joinSoftBreaks'
import type { SourceLine } from './parsedDocument'
import { splitLines } from './splitLines'
import { stripInlineMarkup } from './stripInlineMarkup'

const BLOCK = /<(p|h[1-6]|figcaption|li|blockquote)\b[^>]*>([\s\S]*?)<\/\1\s*>/giu

/**
 * The line number at each index asked for, counting line breaks only since the
 * previous index (the indices come in order): counting from the start each time
 * made long posts quadratic.
 */
function createLineCounter(text: string, firstLine: number): (index: number) => number {
  let counted = 0
  let line = firstLine
  return (index) => {
    if (index < counted) [counted, line] = [0, firstLine]
    for (let at = text.indexOf('\n', counted); at >= 0 && at < index; at = text.indexOf('\n', at + 1)) line++
    counted = index
    return line
  }
}

/**
 * The lines of a body that mixes HTML blocks and markdown, in order: each
 * <p>/<h2>/<figcaption> becomes one line (split at <br>) with the source line
 * it starts on; text outside the blocks stays as markdown lines.
 */
export function splitHtmlBody(body: string, firstLine: number): SourceLine[] {
  const lines: SourceLine[] = []
  const lineAt = createLineCounter(body, firstLine)
  let cursor = 0
  for (const match of body.matchAll(BLOCK)) {
    lines.push(...joinSoftBreaks(splitLines(body.slice(cursor, match.index), lineAt(cursor))))
    const tag = match[1]!.toLowerCase()
    const line = lineAt(match.index)
    for (const part of match[2]!.split(/<br\s*\/?>/iu)) {
      const text = stripInlineMarkup(part.includes('\n') ? part.replace(/\s*\n\s*/g, '') : part)
      if (!text) continue
      const hint = tag.startsWith('h') ? 'heading' : tag === 'figcaption' ? 'caption' : undefined
      lines.push({ text, line, gapBefore: 0, ...(hint ? { hint } : {}) })
    }
    cursor = match.index + match[0].length
  }
  lines.push(...joinSoftBreaks(splitLines(body.slice(cursor), lineAt(cursor))))
  return lines
}
