import { countHan, isDashLed, isLabelLine, isSentenceEnd } from '../../../text/chineseText'
import { parseByline, type Byline } from '../parseByline'
import { parseCaptionCredit, stripOrganisationCredit, type CaptionCredit } from '../parseCaptionCredit'
import { isEndMark, isLinkOnlyLine, parseSourceUrlLine } from '../parseMetadataLine'
import { BULLET, CAPTION_ARROW, CHROME_THRESHOLD, LIMITS, NUMBERED_HEADING, RECORD_FIELD, SUMMARY_LABEL } from './extractionRules'
import { measureText } from './measureText'
import { readLeadingCredits, readPrintMarker, type LeadingCredits } from './readLeadingCredits'
import { readMetadataLine, type MetadataReading } from './readMetadataLine'
import { scoreChrome, type ChromeScore } from './scoreChrome'
import type { TextPiece } from './splitRunOnLines'

/** What a line is, read from the line alone; the extractor then decides by context. */
export type LineShape =
  | 'chrome'
  | 'fragment'
  | 'metadata'
  | 'record'
  | 'byline'
  | 'credit'
  | 'caption'
  | 'summary'
  | 'summary-label'
  | 'source-url'
  | 'label'
  | 'paragraph'

export interface LineFacts {
  piece: TextPiece
  /** The text without a leading bullet or caption arrow. */
  text: string
  shape: LineShape
  chrome: ChromeScore
  metadata: MetadataReading | null
  byline: Byline | null
  caption: { text: string; credit: CaptionCredit | null; outlet: string | null } | null
  leading: LeadingCredits | null
  record: { field: string; value: string } | null
  printMarker: { source: string; date: string | null } | null
  sourceUrl: string | null
  /** Visible characters and Han characters, counted up to MEASURE_CAP. */
  length: number
  han: number
  /** Short, not a sentence: a headline, heading, caption or chrome by context. */
  isLabel: boolean
  /** At most a headline's length and without sentence punctuation. */
  isHeadlineShaped: boolean
  isDashLed: boolean
  isNumberedHeading: boolean
  /** One short sentence: a caption by context (between captions, before a dateline). */
  isShortSentence: boolean
  /** Inside a run of short verse-like lines (set by the extractor). */
  inVerse: boolean
}

/** Reads one line's features and its context-free shape. Each reader looks at this line only. */
export function readLineFacts(piece: TextPiece): LineFacts {
  const arrow = CAPTION_ARROW.exec(piece.text)
  const bullet = BULLET.exec(piece.text)
  const text = arrow ? piece.text.slice(arrow[0].length).trim() : bullet && measureText(piece.text, 8).length > 8 ? piece.text.slice(bullet[0].length).trim() : piece.text
  const measure = measureText(text)
  const { length } = measure
  const facts: LineFacts = {
    piece,
    text,
    shape: 'paragraph',
    chrome: scoreChrome(piece.text, text === piece.text ? measure : measureText(piece.text)),
    length,
    han: measure.han,
    metadata: null,
    byline: null,
    caption: null,
    leading: null,
    record: null,
    printMarker: null,
    sourceUrl: null,
    isLabel: isLabelLine(text),
    // A '?' inside a line is more often a broken character than a question: only one ending a clause counts.
    isHeadlineShaped: length <= LIMITS.maxHeadline && !isSentenceEnd(text) && !/[。！？]|[!?](?=[\s”」]|$)/u.test(text) && measure.han >= 2,
    isDashLed: isDashLed(text),
    isNumberedHeading: NUMBERED_HEADING.test(text) && length <= LIMITS.maxHeading && !isSentenceEnd(text),
    isShortSentence: length <= LIMITS.maxBareCaption && isSentenceEnd(text) && (text.match(/[。！？!?]/gu) ?? []).length <= 1,
    inVerse: false,
  }
  const shape = (value: LineShape) => ((facts.shape = value), facts)

  // A line of prose (long, with a sentence mark inside) is no record field, link, end mark, print marker,
  // metadata line or byline: most lines skip all those readers.
  const isProse = length > LIMITS.minProseLine && /[。！？]/u.test(text)
  const record = text.startsWith('【') ? RECORD_FIELD.exec(text) : null
  if (record) {
    facts.record = { field: record[1]!, value: record[2]!.trim() }
    return shape('record')
  }
  if (!isProse) {
    facts.sourceUrl = parseSourceUrlLine(text)
    if (facts.sourceUrl) return shape('source-url')
    if (isLinkOnlyLine(text) || isEndMark(text)) return shape('chrome')
    facts.printMarker = readPrintMarker(text)
    if (facts.printMarker) return shape('metadata')
  }
  const summary = SUMMARY_LABEL.exec(text)
  if (summary) return shape(summary[0].length === text.length || countHan(text.slice(summary[0].length)) === 0 ? 'summary-label' : 'summary')

  const metadata = isProse ? null : readMetadataLine(text)
  if (metadata?.isMetadataOnly) {
    facts.metadata = metadata
    return shape('metadata')
  }
  const byline = isProse ? null : parseByline(text)
  if (byline) {
    facts.byline = byline
    return shape(byline.authors.length === 0 && byline.editors.length === 0 ? 'credit' : 'byline')
  }
  // Page furniture too small to be a heading or caption: "75年", "A2", "3版", a lone character.
  if (!arrow && (length <= 1 || (length <= 5 && /\d/u.test(text) && measure.han <= 2))) return shape('fragment')
  if (!arrow && facts.chrome.score >= CHROME_THRESHOLD) return shape('chrome')

  const credit = parseCaptionCredit(text)
  if (credit) {
    facts.caption = { text: credit.text, credit, outlet: credit.outlet }
    return shape('caption')
  }
  const organisation = length <= LIMITS.maxBareCaption + 20 ? stripOrganisationCredit(text) : null
  if (organisation && organisation.text) {
    facts.caption = { text: organisation.text, credit: null, outlet: organisation.outlet }
    return shape('caption')
  }
  if (arrow) {
    facts.caption = { text, credit: null, outlet: null }
    return shape('caption')
  }
  facts.leading = readLeadingCredits(text)
  if (facts.leading?.isCreditOnly) return shape('byline')
  // A long line without sentence marks is a label too (a headline with a campaign name in front); the body keeps it as text.
  const isLongLabel = facts.isHeadlineShaped && (text.match(/[，,]/gu) ?? []).length <= 1 && !/[、，,：:]$/u.test(text)
  if ((facts.isLabel || isLongLabel) && !facts.leading) return shape('label')
  return shape('paragraph')
}
