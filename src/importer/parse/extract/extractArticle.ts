import { countHan, isOpenEnded, isSentenceEnd, stripLeadingDashes, visibleLength } from '../../../text/chineseText'
import type { Format, Warning } from '../../validate/schema'
import { mergeMetadata } from '../mergeMetadata'
import { parseTrailingByline } from '../parseByline'
import { parseTrailingSource } from '../parseMetadataLine'
import { parsePublishedAt } from '../parsePublishedAt'
import { createEmptyMetadata, type DroppedLine, type ParsedDocument, type ParsedItem, type ParsedMetadata } from '../parsedDocument'
import { splitLines } from '../splitLines'
import { LIMITS, NAVIGATION, ORGANISATION, RECORD_AUTHOR_FIELDS, RECORD_DATE_FIELDS, RECORD_SUMMARY_FIELDS, RECORD_TITLE_FIELDS, WEEKDAY_LINE } from './extractionRules'
import { measureText } from './measureText'
import { pickHeadline } from './pickHeadline'
import { getLeadingWords } from './readLeadingCredits'
import { getPlaceHints } from './splitBreadcrumb'
import { readLineFacts, type LineFacts } from './readLineFacts'
import type { SourceCandidate } from './readMetadataLine'
import { measureIndents, splitRunOnLines, type TextPiece } from './splitRunOnLines'

/** Dates found on the page, ranked like sources: a labelled date beats a bare one, a bare one a dateline's. */
interface DateCandidate {
  date: string
  rank: number
}

/** Everything the extractor collects while it walks the lines once. */
interface Collected {
  metadata: ParsedMetadata
  sources: SourceCandidate[]
  dates: DateCandidate[]
  creditOutlets: (string | null)[]
  items: ParsedItem[]
  warnings: Warning[]
  dropped: DroppedLine[]
}

/** Cuts an inline heading off a run-on piece: "项目建设提速增效 今年1至10月,…" → the heading, then the paragraph. */
function splitInlineHeadings(pieces: TextPiece[]): TextPiece[] {
  return pieces.flatMap((piece) => {
    if (!piece.runOn || measureText(piece.text, LIMITS.maxInlineHeading * 2).length <= LIMITS.maxInlineHeading * 2) return [piece]
    const words = getLeadingWords(piece.text)
    if (!words || visibleLength(words) > LIMITS.maxInlineHeading || countHan(words) < 4 || /\d/u.test(words)) return [piece]
    const rest = piece.text.slice(piece.text.indexOf(words) + words.length).trim()
    return [
      { ...piece, text: words },
      { ...piece, text: rest, gapBefore: 0 },
    ]
  })
}

/**
 * Label lines that lead into a credited caption, as a gallery prints them
 * (caption, caption, caption 张三摄): true for each line of such a run of two
 * or more, or for a single one printed right after another caption.
 */
function markGalleryRuns(facts: LineFacts[]): boolean[] {
  const endsInCaption = new Array<boolean>(facts.length).fill(false)
  const runLength = new Array<number>(facts.length).fill(0)
  for (let index = facts.length - 1; index >= 0; index--) {
    const line = facts[index]!
    if (line.shape !== 'label' || line.length > LIMITS.maxBareCaption || line.isNumberedHeading) continue
    const next = facts[index + 1]
    if (isCaptionLike(next)) [endsInCaption[index], runLength[index]] = [true, 1]
    else if (next && endsInCaption[index + 1]) [endsInCaption[index], runLength[index]] = [true, runLength[index + 1]! + 1]
  }
  let start = 0
  return facts.map((_, index) => {
    if (!endsInCaption[index]) return false
    if (index === 0 || !endsInCaption[index - 1]) start = index
    return runLength[start]! >= 2 || isCaptionLike(facts[start - 1])
  })
}

/**
 * Marks the label lines under an article's last paragraph as chrome when they are
 * reaction buttons (鮮花 握手 雷人 路過, one a line) or when the page carries
 * chrome above the article too (a portal's links and notices under the story).
 */
function markTrailingButtons(facts: LineFacts[], pageHasChrome: boolean): void {
  let end = facts.length - 1
  while (end >= 0 && TRAILER_SHAPES.has(facts[end]!.shape)) end--
  let start = end
  const isButton = (line: LineFacts) => line.shape === 'label' && (pageHasChrome || line.length <= LIMITS.maxButton)
  while (start >= 0 && isButton(facts[start]!)) start--
  if (end - start < (pageHasChrome ? 1 : LIMITS.minButtonRun)) return
  for (let index = start + 1; index <= end; index++) {
    facts[index]!.shape = 'chrome'
    facts[index]!.chrome = { score: facts[index]!.chrome.score, reason: 'reaction buttons' }
  }
}

/**
 * The text's last line, when it is a label printed like the paragraphs (no wider
 * gap before it), is a paragraph cut off by the end of the text, not a caption:
 * stored pages stop mid-article.
 */
function markCutLastLine(facts: LineFacts[], pageHasChrome: boolean): void {
  const last = facts.at(-1)
  if (!last || last.shape !== 'label') return
  // Under a portal article a bare phrase is more likely a notice; only a line that shows its cut (a comma, an open quote) is text.
  if (pageHasChrome && !/[，,、「“『(（]/u.test(last.text)) return
  const gaps = facts.filter((line) => isBodyParagraph(line)).map((line) => line.piece.gapBefore).sort((a, b) => a - b)
  const usualGap = gaps[Math.floor(gaps.length / 2)] ?? 0
  if (gaps.length >= 2 && last.piece.gapBefore <= usualGap && last.length > LIMITS.maxButton && !last.isNumberedHeading) last.shape = 'paragraph'
}

/** How many label lines run on from each line (itself included); a label right above a paragraph is its heading and ends the run. */
function countLabelRuns(facts: LineFacts[]): number[] {
  const runs = new Array<number>(facts.length).fill(0)
  for (let index = facts.length - 1; index >= 0; index--) {
    if (facts[index]!.shape === 'label' && !isBodyParagraph(facts[index + 1])) runs[index] = 1 + (runs[index + 1] ?? 0)
  }
  return runs
}

/** Marks runs of short lines (a poem-like photo essay): body text, never headlines or headings. */
function markVerse(facts: LineFacts[]): void {
  let start = 0
  const isVerseLine = (line: LineFacts) =>
    (line.shape === 'label' || line.shape === 'paragraph') && line.length <= LIMITS.maxVerseLine
  for (let index = 0; index <= facts.length; index++) {
    if (index < facts.length && isVerseLine(facts[index]!)) continue
    if (index - start >= LIMITS.minVerseRun) for (let at = start; at < index; at++) facts[at]!.inVerse = true
    start = index + 1
  }
}

function drop(collected: Collected, line: LineFacts, reason: string): void {
  collected.dropped.push({ line: line.piece.line, text: line.piece.text, reason })
}

/** Reads the metadata a line carries into the collection (whatever its role). */
function readMetadata(collected: Collected, line: LineFacts, next: LineFacts | undefined): void {
  const add = (fields: Partial<ParsedMetadata>) => (collected.metadata = mergeMetadata(collected.metadata, fields))
  const { metadata, byline, leading, record, printMarker } = line
  if (metadata) {
    collected.sources.push(...metadata.sources)
    const isReaderToday = next !== undefined && WEEKDAY_LINE.test(next.text)
    if (metadata.date && !isReaderToday) collected.dates.push({ date: metadata.date, rank: metadata.sources.length + metadata.authors.length > 0 || /[:：]/u.test(line.text) ? 4 : 3 })
    add({ authors: metadata.authors, photographers: metadata.photographers })
  }
  if (printMarker) {
    collected.sources.push({ name: printMarker.source, rank: 3 })
    if (printMarker.date) collected.dates.push({ date: printMarker.date, rank: 3 })
  }
  const people = byline ?? leading?.byline ?? null
  if (people) {
    add({ authors: people.authors, photographers: people.photographers, defaultCredit: people.defaultCredit })
    if (people.publishedAt) collected.dates.push({ date: people.publishedAt, rank: 2 })
    if (people.outlet) collected.sources.push({ name: people.outlet, rank: 1 })
  }
  if (leading) {
    collected.sources.push(...leading.sources.filter((source) => source.rank > 1))
    if (leading.date) collected.dates.push({ date: leading.date, rank: 2 })
  }
  if (record) {
    const { field, value } = record
    if (RECORD_DATE_FIELDS.includes(field)) {
      const date = parsePublishedAt(value)
      if (date) collected.dates.push({ date, rank: 3 })
    } else if (RECORD_AUTHOR_FIELDS.includes(field)) add({ authors: value.split(/[\s、，,;；]+/u).filter((name) => name && !ORGANISATION.test(name)) })
    else if (RECORD_SUMMARY_FIELDS.includes(field) && value) add({ summary: value })
  }
  if (line.sourceUrl) add({ sourceUrl: line.sourceUrl })
}

function best<T extends { rank: number }>(candidates: T[]): T | undefined {
  return candidates.reduce<T | undefined>((found, candidate) => (found === undefined || candidate.rank > found.rank ? candidate : found), undefined)
}

/** "刘军路弘" → 刘军, 路弘 when 刘军 is named elsewhere on the page (a caption credit): names run together are split only as the text shows. */
function splitRunTogetherNames(names: string[], known: string[]): string[] {
  return names.flatMap((name) => {
    if ([...name].length !== 4) return [name]
    const part = known.find((other) => other !== name && [...other].length === 2 && (name.startsWith(other) || name.endsWith(other)))
    if (!part) return [name]
    return name.startsWith(part) ? [part, name.slice(part.length)] : [name.slice(0, -part.length), part]
  })
}

/** The paragraph with a trailing "(文/尚健)" or "（来源：…）" read into the metadata. */
function peelTrailingNotes(collected: Collected, text: string): string {
  for (let rest = text, guard = 0; guard < 4; guard++) {
    const byline = parseTrailingByline(rest)
    if (byline) {
      const { authors, photographers, defaultCredit } = byline.byline
      collected.metadata = mergeMetadata(collected.metadata, { authors, photographers, defaultCredit })
      rest = byline.text
      continue
    }
    const source = parseTrailingSource(rest)
    if (source) {
      collected.sources.push({ name: source.source, rank: 4 })
      rest = source.text
      continue
    }
    return rest
  }
  return text
}

const TRAILER_SHAPES = new Set(['chrome', 'fragment', 'metadata', 'byline', 'credit', 'record', 'source-url'])
const isBodyParagraph = (line: LineFacts | undefined) => line !== undefined && line.shape === 'paragraph' && !line.inVerse
const isCaptionLike = (line: LineFacts | undefined) => line !== undefined && (line.shape === 'caption' || line.shape === 'credit')

/**
 * The general article extractor for page text, in the spirit of readability,
 * GNE and trafilatura but on lines instead of a DOM. Every line is read for its
 * features (readLineFacts, scoreChrome); the headline is the best-scoring
 * candidate near the metadata block (pickHeadline); body lines are then sorted
 * into paragraphs, section headings and captions by their neighbours. Every
 * dropped line is kept in `dropped` with its reason. Linear in the number of lines.
 */
export function extractArticle(text: string, format: Format): ParsedDocument {
  const pieces = splitInlineHeadings(splitRunOnLines(measureIndents(text, splitLines(text))))
  const facts = pieces.map(readLineFacts)
  markVerse(facts)
  const firstParagraph = facts.findIndex((line) => isBodyParagraph(line))
  const pageHasChrome = facts.slice(0, Math.max(0, firstParagraph)).some((line) => line.shape === 'chrome')
  markCutLastLine(facts, pageHasChrome)
  markTrailingButtons(facts, pageHasChrome)
  const labelRuns = countLabelRuns(facts)
  const collected: Collected = { metadata: createEmptyMetadata(), sources: [], dates: [], creditOutlets: [], items: [], warnings: [], dropped: [] }

  // The head zone: everything above the first paragraph of body text.
  let bodyStart = facts.findIndex((line) => isBodyParagraph(line) || line.inVerse)
  if (bodyStart < 0) bodyStart = facts.length
  const galleryRun = markGalleryRuns(facts)
  const candidates: number[] = []
  for (let index = 0; index < bodyStart; index++) {
    const line = facts[index]!
    if (line.shape === 'label' && line.isHeadlineShaped && !line.inVerse && !line.isNumberedHeading && !galleryRun[index]) candidates.push(index)
  }
  const candidateSet = new Set(candidates)
  const recordTitle = facts.findIndex((line) => line.record !== null && RECORD_TITLE_FIELDS.includes(line.record.field) && line.record.value !== '')
  // Plain text puts its headline first; a page with chrome above the article puts it last, over the body.
  const choice = pickHeadline(facts, candidates, format === 'plain' && !pageHasChrome)
  let title = choice.title === null ? null : facts[choice.title]!.text
  if (recordTitle >= 0 && (title === null || choice.title! > recordTitle)) title = facts[recordTitle]!.record!.value
  const subtitle = choice.subtitle === null ? null : stripLeadingDashes(facts[choice.subtitle]!.text) || null
  const titleKey = title?.replace(/\s+/gu, '')

  // Head-zone lines that are neither the headline nor metadata: kickers, copies of the title, or (plain text) the body's first heading.
  const returnedToBody = new Set<number>()
  const kickers: LineFacts[] = []
  for (const index of candidates) {
    if (index === choice.title || index === choice.subtitle) continue
    const line = facts[index]!
    if (titleKey && line.text.replace(/\s+/gu, '') === titleKey) drop(collected, line, 'repeats the title')
    else if (choice.title !== null && index > (choice.subtitle ?? choice.title) && format === 'plain' && choice.byPosition) returnedToBody.add(index)
    else if (choice.title !== null) kickers.push(line)
    else if (/^[【[].*[】\]]$/u.test(line.text)) drop(collected, line, 'column label')
    else returnedToBody.add(index)
  }
  for (let index = 0; index < bodyStart; index++) {
    const line = facts[index]!
    if (line.shape === 'chrome') collected.metadata = mergeMetadata(collected.metadata, { placeHints: getPlaceHints(line.text) })
    if (line.shape === 'fragment') {
      collected.warnings.push({ kind: 'chrome-removed', severity: 'info', message: 'dropped a page fragment above the headline', snippet: line.text, line: line.piece.line })
    }
    if (line.shape === 'chrome' && isSentenceEnd(line.text) && line.length > LIMITS.minReportedHeaderSentence) {
      collected.warnings.push({ kind: 'chrome-removed', severity: 'warning', message: 'dropped a sentence found in the page header', snippet: line.text, line: line.piece.line })
    }
  }
  const kickersAbove = kickers.filter((line) => choice.title !== null && line.piece.line < facts[choice.title]!.piece.line)
  if (kickersAbove.length > 0) {
    collected.warnings.push({
      kind: 'headline-deck',
      severity: 'warning',
      message: 'headline lines above the title were not imported (a kicker or page banner?)',
      snippet: kickersAbove.map((line) => line.text).join(' / '),
      line: kickersAbove[0]!.piece.line,
    })
  }
  for (const line of kickers) drop(collected, line, 'kicker or banner above the headline')

  const bodyParagraphs = facts.filter((line) => isBodyParagraph(line))
  const closed = bodyParagraphs.slice(0, -1).filter((line) => isSentenceEnd(line.text)).length
  const openEndingMeansCut = bodyParagraphs.length <= 2 || closed >= (bodyParagraphs.length - 1) * LIMITS.minClosedParagraphShare
  const indented = facts.filter((line) => line.shape === 'paragraph' && line.piece.indent >= 2).length
  const mostlyIndented = indented >= 3 && indented >= facts.filter((line) => line.shape === 'paragraph').length * 0.6
  const isDatelineParagraph = (line: LineFacts | undefined) => line !== undefined && line.leading !== null && line.leading.sources.some((source) => source.rank >= 2)

  // The body, in one pass; `next` looks past chrome to the next line that counts.
  const nextCounting = new Array<number>(facts.length)
  for (let index = facts.length - 1, after = -1; index >= 0; index--) {
    nextCounting[index] = after
    const shape = facts[index]!.shape
    if (shape !== 'chrome' && shape !== 'fragment' && shape !== 'metadata') after = index
  }
  let lastBodyItem: ParsedItem | undefined
  let summaryNext = false
  let skip = -1
  facts.forEach((line, index) => {
    if (index <= skip) return
    const nextIndex = nextCounting[index]!
    const next = nextIndex >= 0 ? facts[nextIndex] : undefined
    readMetadata(collected, line, facts[index + 1])
    const inHead = index < bodyStart && !returnedToBody.has(index)
    if (inHead && candidateSet.has(index)) return
    const push = (item: ParsedItem) => {
      collected.items.push(item)
      if (item.kind !== 'caption') lastBodyItem = item
    }
    const lastItem = collected.items.at(-1)
    const lastBody = lastBodyItem
    const { text } = line
    const at = line.piece.line
    switch (line.shape) {
      case 'chrome':
      case 'fragment':
        return drop(collected, line, line.shape === 'fragment' ? 'page fragment' : `page chrome: ${line.chrome.reason}`)
      case 'metadata':
      case 'record':
      case 'source-url':
        return drop(collected, line, 'metadata')
      case 'summary-label':
        summaryNext = true
        return drop(collected, line, 'summary label')
      case 'summary':
        collected.metadata = mergeMetadata(collected.metadata, { summary: text.replace(/^[^:：]*[:：]\s*/u, '').trim() || null })
        return drop(collected, line, 'summary')
      case 'byline':
        if (line.byline && line.byline.editors.length > 0 && !inHead) {
          collected.warnings.push({ kind: 'chrome-removed', severity: 'info', message: 'editor line not imported', snippet: text, line: at })
        }
        return drop(collected, line, line.byline?.editors.length ? 'editor line' : 'byline')
      case 'credit': {
        // A credit on its own line credits the picture described just above it.
        collected.creditOutlets.push(line.byline?.outlet ?? null)
        // Only a "…摄" credit does; a 摄影：… label credits the whole article.
        const creditsPicture = /[摄攝]\s*[)）]?$/u.test(text)
        if (creditsPicture && lastItem && lastItem.kind !== 'heading' && lastItem.kind !== 'caption' && measureText(lastItem.text, 200).length <= 200) {
          collected.items[collected.items.length - 1] = { kind: 'caption', text: lastItem.text, credit: line.byline!.photographers.join('、'), line: lastItem.line }
        }
        return drop(collected, line, 'photo credit')
      }
      case 'caption':
        collected.creditOutlets.push(line.caption!.outlet)
        if (line.caption!.credit) collected.metadata = mergeMetadata(collected.metadata, { photographers: line.caption!.credit.photographers })
        return push({ kind: 'caption', text: line.caption!.text, credit: line.caption!.credit?.credit ?? null, line: at })
    }
    if (summaryNext && line.shape === 'paragraph') {
      summaryNext = false
      collected.metadata = mergeMetadata(collected.metadata, { summary: text })
      return drop(collected, line, 'summary')
    }
    if (line.shape === 'paragraph' && !line.inVerse) {
      const bodyText = line.leading?.text ?? text
      const betweenCaptions = lastItem?.kind === 'caption' && isCaptionLike(next)
      const beforeDateline = line.isShortSentence && isDatelineParagraph(next) && !line.leading
      const unindented = mostlyIndented && line.piece.indent === 0 && line.isShortSentence && lastItem?.kind === 'paragraph'
      if (line.isShortSentence && !line.leading && (betweenCaptions || beforeDateline || unindented)) {
        return push({ kind: 'caption', text: bodyText, credit: null, line: at })
      }
      return push({ kind: 'paragraph', text: peelTrailingNotes(collected, bodyText), line: at })
    }
    if (line.inVerse) return push({ kind: 'paragraph', text, line: at })

    // A label line: heading, caption or a line of a list, by its neighbours.
    if (!line.isLabel || /[、，,]$/u.test(text)) return push({ kind: 'paragraph', text, line: at }) // long, or cut off mid-list
    const followedByParagraph = isBodyParagraph(next)
    const interrupts = openEndingMeansCut && lastBody?.kind === 'paragraph' && isOpenEnded(lastBody.text) && lastItem?.kind !== 'heading'
    if (line.isNumberedHeading) return push({ kind: 'heading', text, line: at })
    if (lastItem?.kind === 'caption' && isCaptionLike(next)) return push({ kind: 'caption', text, credit: null, line: at })
    if (galleryRun[index]) return push({ kind: 'caption', text, credit: null, line: at })
    let runStart = index
    while (runStart > 0 && facts[runStart - 1]!.shape === 'label' && index - runStart < LIMITS.minListRun) runStart--
    const inList = labelRuns[runStart]! >= LIMITS.minListRun
    if (inList) return push({ kind: 'paragraph', text, line: at })
    if (interrupts) return push({ kind: 'caption', text, credit: null, line: at })
    if (/[:：]$/u.test(text) && next?.shape === 'label' && isBodyParagraph(facts[nextCounting[nextIndex]!])) {
      skip = nextIndex
      return push({ kind: 'heading', text: text + next.text, line: at })
    }
    if (followedByParagraph && line.length <= LIMITS.maxHeading + 10) return push({ kind: 'heading', text, line: at })
    return push({ kind: 'caption', text, credit: null, line: at })
  })

  // Chrome under the article: buttons are dropped silently, longer lines are reported.
  let lastContent = facts.length - 1
  while (lastContent >= 0 && TRAILER_SHAPES.has(facts[lastContent]!.shape)) lastContent--
  for (const line of facts.slice(lastContent + 1)) {
    if (line.shape === 'chrome' && line.length > LIMITS.maxButton && !NAVIGATION.test(line.text)) {
      collected.warnings.push({ kind: 'chrome-removed', severity: 'warning', message: 'dropped a line under the article as page chrome', snippet: line.text, line: line.piece.line })
    }
  }

  // A photo set: the text is its captions (a photo-news item's paragraph is its picture's caption).
  let items = collected.items
  const captionCount = items.filter((item) => item.kind === 'caption').length
  const paragraphs = items.filter((item) => item.kind === 'paragraph')
  if (captionCount >= 2 && captionCount >= paragraphs.length * 2 && paragraphs.every((item) => measureText(item.text, 150).length <= 150)) {
    items = items.map((item) => (item.kind === 'paragraph' ? { kind: 'caption', text: item.text, credit: null, line: item.line } : item))
  }
  if (!items.some((item) => item.kind === 'paragraph')) {
    items = [...items, ...items.filter((item) => item.kind === 'caption').map((item): ParsedItem => ({ kind: 'paragraph', text: item.text, line: item.line }))]
  }

  const outlets = collected.creditOutlets
  if (outlets.length > 0 && outlets[0] && outlets.every((outlet) => outlet === outlets[0])) collected.sources.push({ name: outlets[0], rank: 1 })
  const metadata = collected.metadata
  const knownNames = [...metadata.photographers, ...metadata.authors]
  const authors = [...new Set(splitRunTogetherNames(metadata.authors, knownNames))]
  return {
    format,
    ...metadata,
    title,
    subtitle,
    authors,
    originalPublishedAt: best(collected.dates)?.date ?? null,
    source: best(collected.sources)?.name ?? null,
    items,
    warnings: collected.warnings,
    dropped: collected.dropped,
  }
}
