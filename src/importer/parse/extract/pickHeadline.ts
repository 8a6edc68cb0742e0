import { countHan } from '../../../text/chineseText'
import { CHROME_WORDS, HEADLINE, SITE_NAME } from './extractionRules'
import type { LineFacts } from './readLineFacts'

export interface HeadlineChoice {
  /** Index (into the facts) of the headline, or null when no candidate scores high enough. */
  title: number | null
  /** Index of a dash-led subtitle printed under it. */
  subtitle: number | null
  /** The candidates' scores, for tests and for tuning. */
  scores: Map<number, number>
  /** True when no candidate sat by a metadata block, so the headline was taken by its position. */
  byPosition: boolean
}

const HEADLINE_REPEAT_SCAN = 80
const normalise = (text: string) => text.replace(/[\s　]+/gu, '')
const METADATA_SHAPES = new Set(['metadata', 'byline', 'record', 'credit'])
const SKIPPED_SHAPES = new Set(['chrome', 'fragment', 'summary-label'])

/** The next line (forwards or backwards) that is not chrome. */
function neighbour(facts: LineFacts[], from: number, step: 1 | -1): LineFacts | undefined {
  for (let index = from + step; index >= 0 && index < facts.length; index += step) {
    if (!SKIPPED_SHAPES.has(facts[index]!.shape)) return facts[index]
  }
  return undefined
}

function isMetadata(line: LineFacts | undefined): boolean {
  return line !== undefined && (METADATA_SHAPES.has(line.shape) || (line.leading !== null && line.shape === 'paragraph'))
}

/**
 * Scores the headline candidates of the head zone (label lines above the first
 * paragraph): a candidate right above the metadata block (date, source, byline)
 * scores most, a repeated line more, a column label in brackets or a short label
 * away from the metadata less. Without a metadata block, plain text puts its
 * headline first and page layouts put it last, just above the body.
 */
export function pickHeadline(facts: LineFacts[], candidates: number[], plain: boolean): HeadlineChoice {
  const scores = new Map<number, number>()
  const texts = new Map<string, number>()
  for (const line of facts) {
    if (line.length > HEADLINE_REPEAT_SCAN) continue // a copy of a headline is headline-sized
    const key = normalise(line.text.replace(/^[^:：]{2,6}[:：]/u, ''))
    texts.set(key, (texts.get(key) ?? 0) + 1)
  }
  const isCandidate = new Set(candidates)
  let anyNearMetadata = false
  const subtitleOf = new Map<number, number>()
  for (const index of candidates) {
    const line = facts[index]!
    const below = facts[index + 1]
    const hasSubtitle = below !== undefined && below.isDashLed && isCandidate.has(index + 1)
    if (hasSubtitle) subtitleOf.set(index, index + 1)
    const after = neighbour(facts, hasSubtitle ? index + 1 : index, 1)
    const before = neighbour(facts, index, -1)
    let score = HEADLINE.base
    const aboveMetadata = isMetadata(after)
    if (aboveMetadata) {
      score += HEADLINE.aboveMetadata
      anyNearMetadata = true
    }
    if (isMetadata(before)) score += HEADLINE.belowMetadata
    if ((texts.get(normalise(line.text)) ?? 0) > 1) score += HEADLINE.repeated
    if (/^[【[].*[】\]]$/u.test(line.text)) score += HEADLINE.columnLabel
    if (countHan(line.text) <= 4 && !aboveMetadata) score += HEADLINE.tooShortAway
    if (CHROME_WORDS.some((word) => line.text.includes(word))) score += HEADLINE.chromeWord
    if (SITE_NAME.test(line.text)) score += HEADLINE.siteName
    if (hasSubtitle) score += HEADLINE.aboveMetadata / 2
    scores.set(index, score)
  }
  const eligible = candidates.filter((index) => !facts[index]!.isDashLed)
  if (!anyNearMetadata && eligible.length > 0) {
    const positioned = plain ? eligible[0]! : eligible.at(-1)!
    scores.set(positioned, scores.get(positioned)! + (plain ? HEADLINE.firstInPlain : HEADLINE.lastBeforeBody))
  }
  let best: number | null = null
  for (const index of eligible) {
    const score = scores.get(index)!
    if (score >= HEADLINE.minScore && (best === null || score > scores.get(best)!)) best = index
  }
  return { title: best, subtitle: best === null ? null : subtitleOf.get(best) ?? null, scores, byPosition: !anyNearMetadata }
}
