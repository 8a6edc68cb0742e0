import { parsePublishedAt } from './parsePublishedAt'

/** Lines that carry metadata rather than body text: sources, source URLs, dates, link-only footers, end marks. */

const SOURCE_LINE =
  /^[(（【[]?\s*(?:文章|稿件|信息|新闻|新聞)?(?:来源|來源|来自|來自|出处|出處)\s*[:：]\s*([^()（）【】[\]]{1,30}?)\s*[)）】\]]?$/u
const TRAILING_SOURCE = /[(（【]\s*(?:文章|稿件|信息|新闻|新聞)?(?:来源|來源|来自|來自)\s*[:：]\s*([^()（）【】]{1,30}?)\s*[)）】]\s*$/u

/** "（文章来源：萍乡日报）" or "来源：萍乡日报" → 萍乡日报. */
export function parseSourceLine(line: string): string | null {
  const match = SOURCE_LINE.exec(line.trim())
  return match ? match[1]!.trim() : null
}

/** A source note in brackets ending a paragraph: "…。（来源：新华社）". */
export function parseTrailingSource(paragraph: string): { text: string; source: string } | null {
  const match = TRAILING_SOURCE.exec(paragraph)
  if (!match || match.index === 0) return null
  return { text: paragraph.slice(0, match.index).trimEnd(), source: match[1]!.trim() }
}

const URL_LINE =
  /^(?:(?:原文链接|原文地址|原文網址|原文|链接|來源網址|来源网址|source|link)\s*[:：]\s*)?<?(https?:\/\/[^\s<>]+?)>?$/iu

/** A line that is only an absolute URL (<http://…>, bare, or after 原文链接：): the article's source address. */
export function parseSourceUrlLine(line: string): string | null {
  const match = URL_LINE.exec(line.trim())
  return match ? match[1]! : null
}

const MARKDOWN_LINK = /!?\[[^\]]*\]\([^)]*\)|<[a-z]+:[^>\s]*>/giu

/** A line made only of links and separators, like a site footer: [返回首页](/)｜[返回列表](/list). */
export function isLinkOnlyLine(line: string): boolean {
  const links = line.match(MARKDOWN_LINK)
  if (!links) return false
  return line.replace(MARKDOWN_LINK, '').replace(/[\s|｜·•/\\\-—>›»]+/gu, '') === ''
}

const DATE_KEY = /^(?:发布时间|發佈時間|發布時間|发布日期|發布日期|时间|時間|日期|发表于|發表於)\s*[:：]/u

/** "发布时间：2022-01-03 07:00" or a line that is only a date → ISO at +08:00. */
export function parseDateLine(line: string): string | null {
  const trimmed = line.trim()
  const bareDate = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$/u
  if (!DATE_KEY.test(trimmed) && !bareDate.test(trimmed)) return null
  return parsePublishedAt(trimmed)
}

/** "（完）", "(全文完)", "【完】": the end mark some papers print. */
export function isEndMark(line: string): boolean {
  return /^[(（【[]?\s*(?:全文)?完\s*[)）】\]]?$/u.test(line.trim())
}
