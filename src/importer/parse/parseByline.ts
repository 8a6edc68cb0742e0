import { toSimplified } from '../chineseConverters'
import { parsePublishedAt } from './parsePublishedAt'

/** Reads byline lines: 李羽晨 钟进文/文, 文/尚健, (文/尚健), 本报记者 张三 通讯员 李四, 作者：王五, 记者 王五 摄. */

export interface Byline {
  authors: string[]
  photographers: string[]
  /** A blanket photo credit in brackets, e.g. 图片除署名外由安源区委宣传部提供. */
  defaultCredit: string | null
  /** 编辑/责任编辑: read so the line is recognised, not imported. */
  editors: string[]
  /** A date printed before the byline, as papers do: "2024年9月20日 记者 刘一". */
  publishedAt: string | null
}

type Role = 'author' | 'photographer' | 'author+photographer' | 'editor'

/** Words that name a role before the names (记者 张三) or after them (张三/文); looked up in simplified form, so 記者 and 攝 work too. */
const PREFIX_ROLES: Record<string, Role> = {
  记者: 'author',
  本报记者: 'author',
  特约记者: 'author',
  见习记者: 'author',
  实习记者: 'author',
  融媒体记者: 'author',
  通讯员: 'author',
  本报通讯员: 'author',
  实习生: 'author',
  作者: 'author',
  撰文: 'author',
  撰稿: 'author',
  文字: 'author',
  文: 'author',
  图: 'photographer',
  图片: 'photographer',
  摄: 'photographer',
  摄影: 'photographer',
  文图: 'author+photographer',
  编辑: 'editor',
  责任编辑: 'editor',
  责编: 'editor',
}
const SUFFIX_ROLES: Record<string, Role> = {
  文: 'author',
  报道: 'author',
  图: 'photographer',
  摄: 'photographer',
  摄影: 'photographer',
  文图: 'author+photographer',
}

export const PERSON_NAME = /^(?:\p{Script=Han}{2,4}|\p{Script=Han}{1,6}[·•]\p{Script=Han}{1,8})$/u
const CREDIT_NOTE = /[(（]([^()（）]*(?:提供|供[图圖]|配[图圖]|[图圖]片|[摄攝]影)[^()（）]*)[)）]/u
const LEADING_DATE = /^(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}[:：]\d{2})?)\s+/u
const MAX_BYLINE_LENGTH = 60

/** Tokens in simplified form, remembered: a byline's few words (记者, 通讯员, names) recur on every page. Bounded. */
const simplifiedTokens = new Map<string, string>()
const MAX_REMEMBERED_TOKENS = 10_000

function simplifyToken(token: string): string {
  let simplified = simplifiedTokens.get(token)
  if (simplified === undefined) {
    simplified = toSimplified(token)
    if (simplifiedTokens.size >= MAX_REMEMBERED_TOKENS) simplifiedTokens.clear()
    simplifiedTokens.set(token, simplified)
  }
  return simplified
}

function isPersonName(token: string): boolean {
  return PERSON_NAME.test(token) && !(simplifyToken(token) in PREFIX_ROLES)
}

function tokenise(line: string): string[] {
  return line
    .replace(/^[(（](.*)[)）]$/u, '$1')
    .replace(/[/／]/g, ' / ')
    .replace(/[:：]/g, ' : ')
    .split(/[\s、，,]+/)
    .filter(Boolean)
}

function combineRoles(a: Role, b: Role): Role {
  return a === b ? a : 'author+photographer'
}

function assignRole(byline: Byline, names: string[], role: Role): void {
  if (role === 'editor') byline.editors.push(...names)
  if (role === 'author' || role === 'author+photographer') byline.authors.push(...names)
  if (role === 'photographer' || role === 'author+photographer') byline.photographers.push(...names)
}

/** The byline in the line, or null when the line is anything else (every token must be a role word, a separator or a name). */
export function parseByline(line: string): Byline | null {
  const trimmed = line.trim()
  if (trimmed.length === 0 || trimmed.length > MAX_BYLINE_LENGTH) return null
  const date = LEADING_DATE.exec(trimmed)
  const undated = date ? trimmed.slice(date[0].length) : trimmed
  const note = CREDIT_NOTE.exec(undated)
  const byline: Byline = {
    authors: [],
    photographers: [],
    defaultCredit: note ? note[1]!.trim() : null,
    editors: [],
    publishedAt: date ? parsePublishedAt(date[1]!) : null,
  }
  const rest = note ? undated.replace(note[0], ' ').trim() : undated

  const assign = (names: string[], role: Role) => assignRole(byline, names, role)

  let current: Role | null = null
  let pending: string[] = []
  let lastWasRole = false
  let sawSeparator = false
  for (const token of tokenise(rest)) {
    if (token === '/' || token === ':') {
      sawSeparator = true
      continue
    }
    const key = simplifyToken(token)
    const suffixRole = SUFFIX_ROLES[key]
    const prefixRole = PREFIX_ROLES[key]
    if (pending.length > 0 && suffixRole) {
      assign(pending, suffixRole) // 李羽晨 钟进文/文
      pending = []
      current = null
      lastWasRole = false
    } else if (prefixRole) {
      if (lastWasRole && sawSeparator && current) {
        current = combineRoles(current, prefixRole) // 文/图 张三
      } else {
        if (pending.length > 0) {
          if (!current) return null
          assign(pending, current)
          pending = []
        }
        current = prefixRole
      }
      lastWasRole = true
    } else if (/^\p{Script=Han}{2,4}[摄攝]$/u.test(token)) {
      if (pending.length > 0) {
        if (!current) return null
        assign(pending, current)
      }
      pending = []
      assign([token.slice(0, -1)], 'photographer') // 王五摄: a name glued to 摄, checked before names
      current = null
      lastWasRole = false
    } else if (isPersonName(token)) {
      pending.push(token)
      lastWasRole = false
    } else {
      return null
    }
    sawSeparator = false
  }
  if (pending.length > 0) {
    if (!current) return null
    assign(pending, current)
  }
  const names = byline.authors.length + byline.photographers.length + byline.editors.length
  return names > 0 ? byline : null
}

/**
 * A byline in brackets at the very end of a paragraph, as portals print it:
 * "…闊步前行。(文/尚健)". Returns the paragraph without it, or null.
 */
export function parseTrailingByline(paragraph: string): { text: string; byline: Byline } | null {
  const match = /[(（]([^()（）]{2,40})[)）]\s*$/u.exec(paragraph)
  if (!match) return null
  const byline = parseByline(match[1]!)
  if (!byline || byline.editors.length > 0) return null
  return { text: paragraph.slice(0, match.index).trimEnd(), byline }
}
