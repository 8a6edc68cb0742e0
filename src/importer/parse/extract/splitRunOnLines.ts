import { visibleLength } from '../../../text/chineseText'
import type { SourceLine } from '../parsedDocument'
import { LIMITS } from './extractionRules'
import { measureText } from './measureText'

/** A source line, or a piece of one cut from a run-on line; `indent` is the leading whitespace it was printed with. */
export interface TextPiece extends SourceLine {
  indent: number
  /** Cut from a longer line that ran several paragraphs together (e-paper and archive copies do). */
  runOn: boolean
}

/** HTML debris left between gallery captions: ">. */
const HTML_DEBRIS = /["']>\s*/gu
/** Where a run-on line breaks: a wide gap, or a space after a sentence end or a closing bracket. */
const RUN_ON_BREAK = /\s{2,}|(?<=[。！？!?…”’」』）)】])\s+(?=\S)/u

/** The indent of each raw line, by line number (1-based), for the lines splitLines kept: one walk through the text, in line order. */
export function measureIndents(text: string, lines: SourceLine[]): TextPiece[] {
  let position = 0
  let lineNumber = 1
  return lines.map((line) => {
    while (lineNumber < line.line) {
      const next = text.indexOf('\n', position)
      if (next < 0) break
      position = next + 1
      lineNumber++
    }
    let indent = 0
    for (let code = text.charCodeAt(position); code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0; code = text.charCodeAt(position + indent)) indent++
    return { ...line, indent, runOn: false }
  })
}

/**
 * Cuts lines that run paragraphs together (longer than LIMITS.minRunOn) at wide
 * gaps, sentence ends followed by a space, and HTML debris. One pass over each
 * line: linear in its length.
 */
export function splitRunOnLines(lines: TextPiece[]): TextPiece[] {
  const pieces: TextPiece[] = []
  for (const line of lines) {
    const hasDebris = line.text.includes('">')
    // Most Chinese paragraphs hold no whitespace at all: nothing to cut there.
    if (!hasDebris && (!/\s/u.test(line.text) || measureText(line.text, LIMITS.minRunOn).length <= LIMITS.minRunOn)) {
      pieces.push(line)
      continue
    }
    const parts = line.text
      .split(HTML_DEBRIS)
      .flatMap((part) => part.split(RUN_ON_BREAK))
      .map((part) => part.trim())
      .filter(Boolean)
    if (parts.length <= 1) {
      pieces.push(line)
      continue
    }
    parts.forEach((part, index) => pieces.push({ ...line, text: part, gapBefore: index === 0 ? line.gapBefore : 0, runOn: true }))
  }
  return pieces
}
