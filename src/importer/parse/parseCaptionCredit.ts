import { ORGANISATION, ORGANISATION_CREDIT, SURNAMES } from './extract/extractionRules'
/** Splits a photo caption from its credit: 安源区中心城区面貌焕然一新 郁佳敏摄, …喜悦 记者 王五 摄, …（摄影：张三）. */

export interface CaptionCredit {
  text: string
  /** The photographers as printed, joined with 、 ; null when the caption has no credit. */
  credit: string
  photographers: string[]
  /** An outlet named in the credit (新华社记者…摄, 某某日报全媒体记者/王五 摄). */
  outlet: string | null
}

const NAME = String.raw`(?:\p{Script=Han}{2,4}|\p{Script=Han}{1,6}[·•]\p{Script=Han}{1,8})`
const MAX_CAPTION_LENGTH = 120

// Traditional forms are matched too: 記者, 通訊員, 攝, 圖.
const SHE = '[摄攝]'
// "… 记者 王五 李四 摄", "…(某某经济导报记者李四 摄)": an outlet, a role word, then one or more names, then 摄.
const WITH_ROLE = new RegExp(
  String.raw`^(.*?)[\s(（]*(\p{Script=Han}{0,12}?)(?:全媒体|融媒体|全媒體|融媒體|首席|特约|特約|见习|見習|实习|實習|摄影|攝影)*(?:[记記]者|通[讯訊][员員]|${SHE}影[师師])\s*[:：/／]?\s*(${NAME}(?:[\s、]+${NAME})*)\s*[/／]?\s*${SHE}(?:影)?\s*[)）]?$`,
  'u',
)
// "…(李桂东摄 新华社通联照片)": names and 摄 in brackets, then an agency's note.
const BRACKETED = new RegExp(String.raw`^(.*?[^\s(（])\s*[(（]\s*(${NAME}(?:[\s、]+${NAME})*)\s*[/／]?\s*${SHE}(?:影)?\s*[^()（）]{0,16}[)）]$`, 'u')
// "…长冈乡调查纪念馆陈鹏摄": a name glued to the caption, told by its surname.
const GLUED = new RegExp(String.raw`^(.*[^\s\d])([${SURNAMES}]\p{Script=Han}{1,2})${SHE}$`, 'u')
// "… 郁佳敏摄", "… 王五、李四/摄": only the last token is a name, so caption words are never taken for one.
const NAME_THEN_SHE = new RegExp(
  String.raw`^(.*?[^\s(（])(?:[\s(（]+|(?<=[。，]))(${NAME}(?:、${NAME})*)\s*[/／]?\s*${SHE}(?:影)?\s*[)）]?$`,
  'u',
)
// "… 摄影：张三", "…（图/张三）".
const ROLE_THEN_NAME = new RegExp(
  String.raw`^(.*?[^\s(（])[\s(（]*(?:${SHE}影|[图圖]片|供[图圖]|[图圖])\s*[:：/／]\s*(${NAME}(?:[\s、]+${NAME})*)\s*[)）]?$`,
  'u',
)

/** The caption without an organisational credit at its end (新華社發, 以上图片由…提供), and the outlet it names. */
export function stripOrganisationCredit(text: string): { text: string; outlet: string | null } | null {
  const match = ORGANISATION_CREDIT.exec(text)
  if (!match || match.index === 0) return null
  return { text: text.slice(0, match.index).trim(), outlet: (match[1] ?? match[2] ?? null)?.trim() ?? null }
}

/** A character every credit pattern below contains (摄, 摄影, 图, 图片, 供图). */
const CREDIT_MARK = /[摄攝图圖]/u

/** [...text].length <= max, without splitting a long paragraph into characters to find out. */
function isLengthAtMost(text: string, max: number): boolean {
  if (text.length <= max) return true
  if (text.length > 2 * max) return false // a character is at most two UTF-16 units
  let count = 0
  for (let index = 0; index < text.length; count++) index += text.codePointAt(index)! > 0xffff ? 2 : 1
  return count <= max
}

function buildCredit(rawText: string, names: string, outlet: string | null): CaptionCredit | null {
  let text = rawText.trim()
  let creditOutlet = outlet && ORGANISATION.test(outlet) ? outlet : null
  const organisation = stripOrganisationCredit(text)
  if (organisation) {
    text = organisation.text
    creditOutlet ??= organisation.outlet
  }
  if (text.length === 0) return null
  const photographers = names.split(/[\s、]+/).filter(Boolean)
  return { text, credit: photographers.join('、'), photographers, outlet: creditOutlet }
}

/** The caption text and its credit, or null when the line does not end with a photo credit (or has no caption text). */
export function parseCaptionCredit(line: string): CaptionCredit | null {
  const trimmed = line.trim()
  if (!isLengthAtMost(trimmed, MAX_CAPTION_LENGTH)) return null
  if (!CREDIT_MARK.test(trimmed)) return null // every pattern needs 摄 or 图: most lines are spared three backtracking regexes
  const withRole = WITH_ROLE.exec(trimmed)
  if (withRole) return buildCredit(withRole[1]!, withRole[3]!, withRole[2] || null)
  for (const pattern of [NAME_THEN_SHE, ROLE_THEN_NAME, BRACKETED]) {
    const match = pattern.exec(trimmed)
    if (match) return buildCredit(match[1]!, match[2]!, null)
  }
  const glued = GLUED.exec(trimmed)
  if (glued) {
    const [, before = '', name = ''] = glued
    // 纪念馆张小明摄 keeps three characters when the first is a surname; 纪念馆陈鹏摄 keeps two.
    const short = [...name].length === 3 && !SURNAMES.includes(name[0]!) ? name.slice(1) : name
    return buildCredit(before + name.slice(0, name.length - short.length), short, null)
  }
  return null
}
