import { toSimplified } from '../../text/chineseConverters'
import { OUTLET_SUFFIX, ROLE_CORES, ROLE_MODIFIERS } from './extract/extractionRules'
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
  /** The outlet printed before the role (江西日报特派记者…, 新华社记者…): a source when no 来源 line names one. */
  outlet: string | null
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

const ROLE_IN_TOKEN = new RegExp(`^(.*?)((?:${ROLE_MODIFIERS.join('|')})*(?:${ROLE_CORES.join('|')}))(\\p{Script=Han}{2,4}?)?(报道|文|摄)?$`, 'u')
const TRAILING_MODIFIERS = new RegExp(`(?:${ROLE_MODIFIERS.join('|')})+$`, 'u')

/**
 * A token that runs an outlet, a role and a name together (某某日报特派全媒体首席记者张三,
 * 本报记者周慧超, 实习记者操端晶报道) becomes its parts; the outlet is returned apart.
 */
/** Every glued token holds a role word or a role suffix: most tokens are spared the pattern below. */
const ROLE_HINT = /[记記]者|通[讯訊][员員]|[实實][习習]生|[摄攝]影|[报報]道|文$/u

function splitGluedRole(token: string): { tokens: string[]; outlet: string | null } | null {
  if (!ROLE_HINT.test(token)) return null
  const simplified = simplifyToken(token)
  if (simplified in PREFIX_ROLES || simplified in SUFFIX_ROLES || PERSON_NAME.test(token)) return null
  const match = ROLE_IN_TOKEN.exec(simplified)
  if (!match) {
    const suffixed = /^(\p{Script=Han}{2,4}?)(报道|文)$/u.exec(simplified)
    return suffixed ? { tokens: [token.slice(0, suffixed[1]!.length), suffixed[2]!], outlet: null } : null
  }
  const [, head = '', , name, suffix] = match
  const outletText = token.slice(0, head.length).replace(TRAILING_MODIFIERS, '')
  if (head !== '' && !/^\p{Script=Han}{2,16}$/u.test(head)) return null // an outlet's name, not a sentence ending in one
  if (head !== '' && !OUTLET_SUFFIX.test(outletText) && !TRAILING_MODIFIERS.test(head)) return null
  const nameStart = simplified.length - (name?.length ?? 0) - (suffix?.length ?? 0)
  const parts = ['记者', ...(name ? [token.slice(nameStart, nameStart + name.length)] : []), ...(suffix ? [suffix] : [])]
  return { tokens: parts, outlet: outletText && OUTLET_SUFFIX.test(outletText) ? outletText : null }
}

function tokenise(line: string): { tokens: string[]; outlet: string | null } {
  let outlet: string | null = null
  const tokens = line
    .replace(/^[■□▲◆●]\s*/u, '')
    .replace(/^[(（](.*)[)）]$/u, '$1')
    .replace(/[/／]/g, ' / ')
    .replace(/[:：]/g, ' : ')
    .split(/[\s、，,]+/)
    .filter(Boolean)
    .flatMap((token) => {
      const glued = splitGluedRole(token)
      if (!glued) return [token]
      outlet ??= glued.outlet
      return glued.tokens
    })
  return { tokens, outlet }
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
    outlet: null,
  }
  const rest = note ? undated.replace(note[0], ' ').trim() : undated

  const assign = (names: string[], role: Role) => assignRole(byline, names, role)

  let current: Role | null = null
  let pending: string[] = []
  let lastWasRole = false
  let sawSeparator = false
  let suffixed: { names: string[]; role: Role } | null = null
  const { tokens, outlet } = tokenise(rest)
  byline.outlet = outlet
  for (const token of tokens) {
    if (token === '/' || token === ':') {
      sawSeparator = true
      continue
    }
    const key = simplifyToken(token)
    const suffixRole = SUFFIX_ROLES[key]
    const prefixRole = PREFIX_ROLES[key]
    if (suffixed && sawSeparator && suffixRole && pending.length === 0) {
      if (suffixRole !== suffixed.role) assign(suffixed.names, suffixRole) // 罗凯燕 文/图: the names again, in the second role
      suffixed = null
    } else if (pending.length > 0 && suffixRole) {
      assign(pending, suffixRole) // 李羽晨 钟进文/文
      suffixed = { names: pending, role: suffixRole }
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
