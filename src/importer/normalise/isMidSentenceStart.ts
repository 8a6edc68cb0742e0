/** Decides whether a paragraph starts in the middle of a sentence, i.e. its beginning was lost. */

/** Marks that can only follow something: a paragraph cannot open with them. */
const CLOSING_PUNCTUATION = /^[，、。；：！？,;:!?)）」』”’》〉】]/u
/**
 * Particles that, as a word of their own, cannot open a sentence. Kept short on
 * purpose: ICU's dictionary splits many words (得|天|独厚, 地|处, 着|力), so
 * characters like 得, 地 or 着 would give false alarms.
 */
const BOUND_WORDS = new Set(['的', '了', '们', '們', '吗', '嗎', '呢', '吧'])
/** Joining words that show the word before them was a noun cut in half: (资)源和良好的… */
const JOINERS = new Set(['和', '与', '與', '及', '的', '等', '、', '或'])
/** Single characters that often open a sentence on their own. */
const SINGLE_CHAR_OPENERS = new Set([
  ...'我你他她它这這那该該此其在从從对對为為将將把被让讓使据據由自向以当當如若但而又并並且也都就才只每各全本今去近凡因虽雖即既乃唯',
  ...'一二三四五六七八九十百千万萬',
])

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })
/** Characters segmented: the opening words are all the test reads. */
const OPENING = 24

function firstWords(text: string, count: number): string[] {
  const words: string[] = []
  for (const { segment } of segmenter.segment(text.slice(0, OPENING))) {
    if (segment.trim() === '') continue
    words.push(segment)
    if (words.length === count) break
  }
  return words
}

/**
 * A cheap necessary condition for the word test below, read off the first
 * characters: word segmentation (ICU's dictionary) is by far the dearest step
 * of the normaliser, and nearly every paragraph fails this check. The test
 * needs a one-character first word that is bound, or one that is not a usual
 * opener followed by a joining word; every joiner is one character, and the
 * words between are blank, so the second word is the next non-blank character.
 */
function mayOpenWithBoundWord(trimmed: string): boolean {
  const [first, ...rest] = trimmed.slice(0, OPENING)
  if (first === undefined) return false
  if (BOUND_WORDS.has(first)) return true
  const next = rest.find((char) => char.trim() !== '')
  return next !== undefined && JOINERS.has(next) && !SINGLE_CHAR_OPENERS.has(first) && /^\p{Script=Han}$/u.test(first)
}

/**
 * True when the paragraph opens with closing punctuation, with a bound
 * particle (的, 了, 和 …), or with a lone character that is not a usual
 * opener followed by a joining word — the tail of a cut word, as in
 * "源和良好的生态环境" (资源和…).
 */
export function isMidSentenceStart(text: string): boolean {
  const trimmed = text.trim()
  if (CLOSING_PUNCTUATION.test(trimmed)) return true
  if (!mayOpenWithBoundWord(trimmed)) return false
  const [first, second] = firstWords(trimmed, 2)
  if (!first || !/^\p{Script=Han}$/u.test(first)) return false
  if (BOUND_WORDS.has(first)) return true
  return !SINGLE_CHAR_OPENERS.has(first) && second !== undefined && JOINERS.has(second)
}
