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

/** 1 for each UTF-16 unit that /\s/ matches (all of them are in the BMP), worked out from the regex itself. */
const WHITESPACE_UNITS = Uint8Array.from({ length: 0x10000 }, (_, unit) => (/\s/.test(String.fromCharCode(unit)) ? 1 : 0))

/**
 * visibleLength(text) <= max, without counting past max: a long paragraph is
 * told from a label in a few characters. Counts exactly as visibleLength
 * does, surrogate pairs as one character, whitespace not at all.
 */
export function isVisibleLengthAtMost(text: string, max: number): boolean {
  if (text.length <= max) return true // never more characters than UTF-16 units
  let count = 0
  let afterHighSurrogate = false
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index)
    if (WHITESPACE_UNITS[unit] === 1) continue
    const completesPair: boolean = afterHighSurrogate && unit >= 0xdc00 && unit <= 0xdfff
    afterHighSurrogate = !completesPair && isHighSurrogate(unit)
    if (!completesPair && ++count > max) return false
  }
  return true
}

const SENTENCE_FINAL = new Set(['。', '！', '？', '!', '?', '…', '；', ';'])
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '〉', '】', '"', "'"])

/**
 * True when the text ends a sentence: 。！？…； (or a half-width form) possibly
 * followed by closing quotes or brackets. A half-width '.' counts only after a
 * Han character, so "5.5" or "www.example.com" does not end a sentence.
 */
export function isSentenceEnd(text: string): boolean {
  // Read from the end, character by character: only the last few decide, and paragraphs are long.
  const trimmed = text.trimEnd()
  let end = trimmed.length
  let last = charBefore(trimmed, end)
  while (last !== undefined && CLOSERS.has(last)) {
    end -= last.length
    last = charBefore(trimmed, end)
  }
  if (last === undefined) return false
  if (SENTENCE_FINAL.has(last)) return true
  return last === '.' && isHan(charBefore(trimmed, end - last.length))
}

/** The character (a surrogate pair counts as one, as in [...text]) that ends at `end`, or undefined at the start. */
function charBefore(text: string, end: number): string | undefined {
  if (end <= 0) return undefined
  const unit = text.charCodeAt(end - 1)
  const paired = end >= 2 && unit >= 0xdc00 && unit <= 0xdfff && isHighSurrogate(text.charCodeAt(end - 2))
  return text.slice(paired ? end - 2 : end - 1, end)
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff
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
  if (!isVisibleLengthAtMost(text, MAX_LABEL_LENGTH) || isSentenceEnd(text) || /[。！？]/.test(text)) return false
  return (text.match(/[，,]/g) ?? []).length <= 1
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
