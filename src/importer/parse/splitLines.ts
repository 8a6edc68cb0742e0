import type { SourceLine } from './parsedDocument'

/** The non-blank lines, trimmed (ideographic spaces too), each with its line number and the count of blank lines before it. */
export function splitLines(text: string, firstLine = 1): SourceLine[] {
  const lines: SourceLine[] = []
  let gap = 0
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim() // trim() strips exactly \s, which includes the ideographic space \u3000
    if (trimmed === '') {
      gap++
      return
    }
    lines.push({ text: trimmed, line: firstLine + index, gapBefore: gap })
    gap = 0
  })
  return lines
}
