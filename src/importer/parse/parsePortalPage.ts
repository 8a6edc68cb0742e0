import { isLabelLine, isSentenceEnd, visibleLength } from '../chineseText'
import type { Warning } from '../schema'
import { classifyBodyLines } from './classifyBodyLines'
import { mergeMetadata } from './mergeMetadata'
import { parseByline } from './parseByline'
import { parseCaptionCredit } from './parseCaptionCredit'
import { parseDateLine, parseSourceLine } from './parseMetadataLine'
import { isPortalMetaLine, parsePortalMetaLine } from './parsePortalMetaLine'
import { createEmptyMetadata, type ParsedDocument, type SourceLine } from './parsedDocument'
import { splitLines } from './splitLines'

const SUMMARY = /^(?:摘要|內容摘要|内容摘要|导读|導讀|提要)\s*[:：]\s*/u
/** Buttons a page prints under an article (鮮花 握手 雷人, 【打印】): dropped without a warning. */
const MAX_BUTTON_LENGTH = 6
/** Navigation links under an article: plainly chrome whatever their length. */
const NAVIGATION = /^[【[]?(?:上一篇|下一篇|上一条|下一条|上一條|下一條|分享到|相关阅读|相關閱讀|相关新闻|相關新聞|相关分类|相關分類)/u

/** Breadcrumb and header words: "萍鄉城事網—… 門戶 城事資訊 安源區政府 查看內容" → its separate tokens. */
export function splitBreadcrumb(line: string): string[] {
  return line.split(/[\s>›»/|｜—–_]+|-{1,2}/u).filter((token) => token.trim() !== '')
}

/** A label line under the article that carries no metadata: page chrome. */
function isTrailingChrome(line: SourceLine): boolean {
  const { text } = line
  return isLabelLine(text) && !parseByline(text) && !parseSourceLine(text) && !parseCaptionCredit(text) && !parseDateLine(text)
}

/**
 * A scraped portal article page: site header and breadcrumb, the title, a
 * |-separated metadata line, an optional 摘要 summary, the body, then
 * reaction buttons and links. Header lines feed district matching; the
 * buttons are dropped (any longer line dropped with them is reported).
 */
export function parsePortalPage(text: string): ParsedDocument {
  const lines = splitLines(text)
  const warnings: Warning[] = []
  const metaIndex = lines.findIndex((line) => isPortalMetaLine(line.text))
  const titleLine = metaIndex > 0 ? lines[metaIndex - 1] : undefined
  const header = lines.slice(0, Math.max(0, metaIndex - 1))
  for (const line of header) {
    if (isSentenceEnd(line.text) && visibleLength(line.text) > 40) {
      warnings.push({ kind: 'chrome-removed', severity: 'warning', message: 'dropped a sentence found in the page header', snippet: line.text, line: line.line })
    }
  }
  const meta = metaIndex >= 0 ? parsePortalMetaLine(lines[metaIndex]!.text) : { originalPublishedAt: null, source: null, authors: [] }

  let rest = lines.slice(metaIndex + 1)
  let summary: string | null = null
  const summaryLine = rest[0]
  if (summaryLine && SUMMARY.test(summaryLine.text)) {
    summary = summaryLine.text.replace(SUMMARY, '').trim() || null
    rest = rest.slice(1)
  }

  let end = rest.length
  while (end > 0 && isTrailingChrome(rest[end - 1]!)) end--
  for (const line of rest.slice(end)) {
    if (visibleLength(line.text) > MAX_BUTTON_LENGTH && !NAVIGATION.test(line.text)) {
      warnings.push({ kind: 'chrome-removed', severity: 'warning', message: 'dropped a line under the article as page chrome', snippet: line.text, line: line.line })
    }
  }

  const body = classifyBodyLines(rest.slice(0, end), { detectHeadings: true })
  const head = {
    ...createEmptyMetadata(),
    title: titleLine?.text ?? null,
    summary,
    ...meta,
    placeHints: header.flatMap((line) => splitBreadcrumb(line.text)),
  }
  return { format: 'portal-page', ...mergeMetadata(head, body.metadata), items: body.items, warnings: [...warnings, ...body.warnings] }
}
