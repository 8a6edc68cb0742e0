import { countHan, isSentenceEnd } from '../../text/chineseText'
import { createImportError, UNNAMED_FILE } from '../importError'
import { parseByline } from '../parse/parseByline'
import { parseCaptionCredit } from '../parse/parseCaptionCredit'
import { parseFrontMatter } from '../parse/parseFrontMatter'
import { isPortalMetaLine } from '../parse/parsePortalMetaLine'
import type { Format } from '../validate/schema'

/** Cheap checks, one per format, run before any parser. Each looks at a few lines only. */

function nonBlankLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}

/** Opens with a --- fenced block of key: value lines. */
export function isJekyll(text: string): boolean {
  return parseFrontMatter(text) !== null
}

/** A metadata line with a date and |-separated or key: value fields near the top, under the title. */
export function isPortalPage(text: string): boolean {
  return hasPortalMetaLine(nonBlankLines(text))
}

/** An ATX heading (# title) line. */
export function isMarkdown(text: string): boolean {
  return /^#{1,6}\s+\S/mu.test(text)
}

/** A photo credit line (…郁佳敏摄) or a byline (…/文, 记者 …), as newspaper pages print them. */
export function isPrintLayout(text: string): boolean {
  return hasCreditOrByline(nonBlankLines(text))
}

/** At least one line of Chinese prose: a sentence of ten or more Han characters. */
export function isPlain(text: string): boolean {
  return hasProseLine(nonBlankLines(text))
}

// The checks on lines, so that detectFormat splits the text once for all of them.
const hasPortalMetaLine = (lines: string[]) => lines.slice(0, 15).some((line) => isPortalMetaLine(line))
const hasCreditOrByline = (lines: string[]) => lines.some((line) => parseCaptionCredit(line) !== null || parseByline(line) !== null)
const hasProseLine = (lines: string[]) => lines.some((line) => countHan(line) >= 10 && (isSentenceEnd(line) || /[，。,]/.test(line)))

const CHECKS: [Format, (text: string, lines: () => string[]) => boolean][] = [
  ['jekyll', (text) => isJekyll(text)],
  ['portal-page', (_, lines) => hasPortalMetaLine(lines())],
  ['markdown', (text) => isMarkdown(text)],
  ['print-layout', (_, lines) => hasCreditOrByline(lines())],
  ['plain', (_, lines) => hasProseLine(lines())],
]

/** The first format whose check passes; throws ImportError unknown-format when none does (or the text is an HTML page). */
export function detectFormat(text: string, file: string = UNNAMED_FILE): Format {
  if (/^\s*<(?:!doctype\s+html|html)\b/iu.test(text)) {
    throw createImportError('unknown-format', file, 'an HTML page; save the article as text first')
  }
  let lines: string[] | undefined
  const getLines = () => (lines ??= nonBlankLines(text))
  const found = CHECKS.find(([, check]) => check(text, getLines))
  if (!found) throw createImportError('unknown-format', file, 'no Chinese prose paragraph found')
  return found[0]
}
