import { parsePublishedAt } from './parsePublishedAt'

/** The metadata line of a portal article page: 2020-11-27 15:34| 發布者: admin| 評論: 0|來自: 中國網. */
export interface PortalMeta {
  originalPublishedAt: string | null
  source: string | null
  authors: string[]
}

const DATE = /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/
const KEY_VALUE =
  /(来源|來源|来自|來自|出处|出處|作者|发布者|發布者|发布人|發布人|编辑|編輯|责任编辑|責任編輯|评论|評論|浏览|瀏覽|点击|點擊|阅读|閱讀|字号|字號|发布时间|發布時間|發佈時間|时间|時間|日期)\s*[:：]\s*([^|｜\s]*)/gu
const SOURCE_KEYS = new Set(['来源', '來源', '来自', '來自', '出处', '出處'])
const MAX_META_LENGTH = 160

/**
 * True for a portal's metadata line: a date plus either two or more |-separated
 * fields or two or more known key: value pairs (来源：…  作者：…  浏览：…).
 */
export function isPortalMetaLine(line: string): boolean {
  if (line.length > MAX_META_LENGTH || !DATE.test(line)) return false
  const pipes = (line.match(/[|｜]/g) ?? []).length
  const pairs = [...line.matchAll(KEY_VALUE)].length
  return pipes >= 2 || pairs >= 2
}

export function parsePortalMetaLine(line: string): PortalMeta {
  const meta: PortalMeta = { originalPublishedAt: parsePublishedAt(line), source: null, authors: [] }
  for (const [, key, value = ''] of line.matchAll(KEY_VALUE)) {
    const cleaned = value.trim()
    if (!cleaned) continue
    if (SOURCE_KEYS.has(key!)) meta.source ??= cleaned
    else if (key === '作者') meta.authors.push(...cleaned.split(/[、，,]/).filter(Boolean))
  }
  return meta
}
