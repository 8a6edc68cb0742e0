/** Character classes and line shapes shared by the parsers and the normaliser. */

export const HAN = /\p{Script=Han}/u
const HAN_OR_CJK_PUNCT = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’…—·]/u

export function isHan(char: string | undefined): boolean {
  return char !== undefined && HAN.test(char)
}

export function isCjk(char: string | undefined): boolean {
  return char !== undefined && HAN_OR_CJK_PUNCT.test(char)
}

export function countHan(text: string): number {
  return (text.match(/\p{Script=Han}/gu) ?? []).length
}

/** Length in characters, not counting whitespace. */
export function visibleLength(text: string): number {
  return [...text.replace(/\s+/g, '')].length
}

const SENTENCE_FINAL = new Set(['。', '！', '？', '!', '?', '…', '；', ';'])
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '〉', '】', '"', "'"])

/**
 * True when the text ends a sentence: 。！？…； (or a half-width form) possibly
 * followed by closing quotes or brackets. A half-width '.' counts only after a
 * Han character, so "5.5" or "www.example.com" does not end a sentence.
 */
export function isSentenceEnd(text: string): boolean {
  const chars = [...text.trimEnd()]
  let i = chars.length - 1
  while (i >= 0 && CLOSERS.has(chars[i]!)) i--
  const last = chars[i]
  if (last === undefined) return false
  if (SENTENCE_FINAL.has(last)) return true
  return last === '.' && isHan(chars[i - 1])
}

/** A paragraph that stops mid-sentence: no sentence-final mark and no colon announcing what follows. */
export function isOpenEnded(text: string): boolean {
  return !isSentenceEnd(text) && !/[：:]\s*$/.test(text)
}

export const MAX_LABEL_LENGTH = 40

/**
 * A label line: short and not a sentence. Titles, section headings, photo
 * captions and page chrome all have this shape; context decides which. Two or
 * more commas make it a run of clauses: the unfinished tail of a paragraph.
 */
export function isLabelLine(text: string): boolean {
  const commas = (text.match(/[，,]/g) ?? []).length
  return visibleLength(text) <= MAX_LABEL_LENGTH && !isSentenceEnd(text) && !/[。！？]/.test(text) && commas <= 1
}

/** Page furniture too small to be a heading or caption: "75年", "A2", "3版", a lone character. */
export function isDecorativeFragment(text: string): boolean {
  const length = visibleLength(text)
  if (length <= 1) return true
  return length <= 5 && /\d/.test(text) && countHan(text) <= 2
}

/** A subtitle line opens with a dash: ——, —, －－ or --. */
export function isDashLed(text: string): boolean {
  return /^\s*(?:—{1,2}|－{1,2}|-{2})/.test(text)
}

export function stripLeadingDashes(text: string): string {
  return text.replace(/^\s*(?:—{1,2}|－{1,2}|-{2})\s*/, '').trim()
}

/** A short excerpt for a warning, on one line. */
export function buildSnippet(text: string, start = 0, end = text.length, context = 12): string {
  const from = Math.max(0, start - context)
  const to = Math.min(text.length, end + context)
  const prefix = from > 0 ? '…' : ''
  const suffix = to < text.length ? '…' : ''
  return `${prefix}${text.slice(from, to)}${suffix}`.replace(/\s+/g, ' ')
}
