import { HAN, isSentenceEnd } from '../../../text/chineseText'
import { getFrequentHanzi } from '../../../text/commonHanzi'
import { measureText, type TextMeasure } from './measureText'
import { BULLET, CHROME_WORDS, EMPTY_FIELD, LIMITS, SEPARATORS, WEEKDAY_LINE, WEIGHTS } from './extractionRules'

export interface ChromeScore {
  score: number
  /** The strongest feature, kept as the reason a dropped line was dropped. */
  reason: string
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** All chrome words in one pattern, longest first: one scan of the line instead of one per word. */
const CHROME_WORD_PATTERN = new RegExp([...CHROME_WORDS].sort((a, b) => b.length - a.length).map(escape).join('|'), 'gu')

/** How many different chrome words the line holds. */
export function countChromeWords(text: string): number {
  const found = text.match(CHROME_WORD_PATTERN)
  return found ? new Set(found).size : 0
}

const MOJIBAKE_SAMPLE = 60

/** Share of the Han characters (in the line's first few dozen) that are frequent ones; mojibake is made of rare characters. */
function frequentHanShare(text: string): number {
  const frequent = getFrequentHanzi()
  let han = 0
  let common = 0
  for (const char of text.slice(0, MOJIBAKE_SAMPLE)) {
    if (!HAN.test(char)) continue
    han++
    if (frequent.has(char)) common++
  }
  return han === 0 ? 1 : common / han
}

/**
 * How much a line looks like page chrome: chrome words (weighted more on short
 * lines), breadcrumb separators, no Han at all, an empty field label, a weekday
 * alone, a short bullet, a URL, mojibake. Sentences resist in proportion to their
 * length, so a paragraph that mentions 点击 or 评论 stays.
 */
export function scoreChrome(text: string, measure: TextMeasure = measureText(text)): ChromeScore {
  const { length, han } = measure
  // A long run of prose (commas, sentence marks) is never chrome, whatever words it holds.
  if (length > LIMITS.maxChromeProse && /[，,。；;]/u.test(text)) return { score: 0, reason: 'none' }
  const parts: [number, string][] = []
  const short = length <= LIMITS.maxShortChrome || (!isSentenceEnd(text) && !/[，,。；;]/u.test(text))
  const words = countChromeWords(text)
  if (words > 0) parts.push([words * (short ? WEIGHTS.chromeWordShort : WEIGHTS.chromeWordLong), 'chrome words'])
  const separators = (text.match(SEPARATORS) ?? []).length
  if (separators >= 2 || (separators === 1 && han <= 6 && length <= 12 && !/^[•·]/u.test(text))) {
    parts.push([separators * WEIGHTS.separator, 'navigation separators'])
  }
  if (han === 0 && !/[A-Za-z]{4,}.*[.!?]$/u.test(text)) parts.push([WEIGHTS.noHan, 'no Chinese text'])
  if (EMPTY_FIELD.test(text)) parts.push([WEIGHTS.emptyField, 'empty field label'])
  if (WEEKDAY_LINE.test(text)) parts.push([WEIGHTS.weekday, 'weekday of the page reader'])
  if (BULLET.test(text) && length <= 8) parts.push([WEIGHTS.bulletShort, 'navigation bullet'])
  if (/https?:\/\/|www\./iu.test(text) && han <= 12) parts.push([WEIGHTS.url, 'link'])
  // Text decoded with the wrong charset has no Chinese punctuation left: only lines without any are checked.
  if (han >= LIMITS.minMojibakeCheckHan && !/[，。、；：！？]/u.test(text) && frequentHanShare(text) < LIMITS.minFrequentHanShare) {
    parts.push([WEIGHTS.mojibake, 'mojibake'])
  }
  if (text.includes('\ufffd') && han <= 4) parts.push([WEIGHTS.mojibake, 'mojibake'])
  let score = parts.reduce((sum, [value]) => sum + value, 0)
  if (score > 0 && (isSentenceEnd(text) || /[，,]/u.test(text)) && !short) score -= Math.floor(han / 20) * WEIGHTS.proseResistance
  const reason = parts.sort((a, b) => b[0] - a[0])[0]?.[1] ?? 'none'
  return { score, reason }
}
