import { countHan } from '../../../text/chineseText'
import { toSimplified } from '../../../text/chineseConverters'
import { PERSON_NAME } from '../parseByline'
import { parsePublishedAt } from '../parsePublishedAt'
import { META_KEYS, NOT_A_SOURCE, ORGANISATION, OUTLET_SUFFIX, PAGE_MARKER } from './extractionRules'

/** A source named somewhere in the page, ranked: the highest rank wins, the first of a rank. */
export interface SourceCandidate {
  name: string
  /** 5 本文转自 (the original), 4 来源, 3 print marker or 据…报道, 2 dateline or paper beside the date, 1 byline or credit outlet. */
  rank: number
}

export interface MetadataReading {
  date: string | null
  sources: SourceCandidate[]
  authors: string[]
  photographers: string[]
  editors: string[]
  /** True when the line holds nothing but metadata (labels, values, a date): it is dropped from the body. */
  isMetadataOnly: boolean
}

type KeyKind = keyof typeof META_KEYS
const KEY_KIND = new Map<string, KeyKind>()
for (const [kind, keys] of Object.entries(META_KEYS) as [KeyKind, readonly string[]][]) for (const key of keys) KEY_KIND.set(key, kind)
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const KEYS = new RegExp(`(${[...KEY_KIND.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})\\s*[:：]`, 'gu')
const DATE_IN_VALUE = /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{4}\s+\d{1,2}\s*[-/.]/u
const VALUE_END = /\s{2,}|[|｜【】[\]]|[(（][^)）]*$/u
const DATE_ANYWHERE = /\d{4}(?:\s*[-/.年]\s*|\s+)\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:[\sT]*\d{1,2}\s*[:：时]\s*\d{1,2}(?:\s*[:：分]\s*\d{1,2})?)?/gu
const MAX_METADATA_LINE = 160

/** The value after a key, up to the next field, a date, a wide gap or a bracket. */
function cutValue(raw: string): string {
  let value = raw
  const date = DATE_IN_VALUE.exec(value)
  if (date) value = value.slice(0, date.index)
  const end = VALUE_END.exec(value)
  if (end) value = value.slice(0, end.index)
  return value.replace(/^[\s(（【]+|[\s)）】,，。;；]+$/gu, '').trim()
}

/** 吉安新闻网—井冈山报 → 井冈山报: when a value joins a website and its newspaper, the newspaper. */
export function cleanSourceName(value: string): string | null {
  const parts = value.split(/\s*[—–]+\s*|\s+-\s+/u).map((part) => part.trim()).filter(Boolean)
  const paper = parts.filter((part) => /[报報]$/u.test(part)).at(-1)
  const name = (parts.length > 1 ? paper ?? parts[0] : parts[0])?.trim()
  if (!name || [...name].length > 24 || countHan(name) + (name.match(/[A-Za-z]/g) ?? []).length < 2 || NOT_A_SOURCE.test(name)) return null
  return name
}

/** Names in an 作者 field; organisations (作者:江南都市报) are not people. */
function readPeople(value: string): string[] {
  return value
    .split(/[\s、，,;；]+/u)
    .filter((name) => PERSON_NAME.test(name) && !ORGANISATION.test(name))
}

/**
 * Reads a metadata line: key: value fields (来源, 作者, 编辑, 发布时间 …, both scripts), a date
 * anywhere (glued to a value or not), a paper named beside the date. Works for
 * 2022-10-28 12:55:23    来源:萍乡日报, 编辑:张三2023-11-21 09:13内容来源:深圳商报, 發布時間:…來源: 湖南日報.
 */
export function readMetadataLine(line: string): MetadataReading {
  const reading: MetadataReading = { date: null, sources: [], authors: [], photographers: [], editors: [], isMetadataOnly: false }
  if (line.length > MAX_METADATA_LINE) return reading
  const text = line.replace(/^[(（【[]\s*|\s*[)）】\]]$/gu, '').trim()
  const keys = [...text.matchAll(KEYS)]
  reading.date = parsePublishedAt(text)
  if (keys.length === 0 && !reading.date) return reading

  let rest = text
  keys.forEach((match, index) => {
    const start = match.index + match[0].length
    const next = keys[index + 1]?.index ?? text.length
    const value = cutValue(text.slice(start, next))
    rest = rest.replace(match[0], ' ').replace(value, ' ')
    if (!value) return
    const kind = KEY_KIND.get(match[1]!)!
    if (kind === 'original' || kind === 'source') {
      const name = cleanSourceName(value)
      if (name) reading.sources.push({ name, rank: kind === 'original' ? 5 : 4 })
    } else if (kind === 'author') reading.authors.push(...readPeople(value))
    else if (kind === 'photographer') reading.photographers.push(...readPeople(value))
    else if (kind === 'editor') reading.editors.push(value)
  })
  if (reading.date) rest = rest.replace(PAGE_MARKER, ' ')
  rest = rest.replace(DATE_ANYWHERE, ' ').replace(/[\s:：|｜()（）【】[\]\d\-/.,，]+/gu, ' ').trim()
  // A paper printed beside the date, with no key: 2018年 01月 26日 00:00    香港商报, 某某日报 2023年03月15日 第A1版：要闻.
  if (reading.date && reading.sources.length === 0 && rest && !rest.includes(' ') && OUTLET_SUFFIX.test(rest) && countHan(rest) <= 12) {
    reading.sources.push({ name: rest, rank: 2 })
    rest = ''
  }
  reading.isMetadataOnly = countHan(rest) <= 2
  return reading
}
