/** Splits a photo caption from its credit: 安源区中心城区面貌焕然一新 郁佳敏摄, …喜悦 记者 王五 摄, …（摄影：张三）. */

export interface CaptionCredit {
  text: string
  /** The photographers as printed, joined with 、 ; null when the caption has no credit. */
  credit: string
  photographers: string[]
}

const NAME = String.raw`(?:\p{Script=Han}{2,4}|\p{Script=Han}{1,6}[·•]\p{Script=Han}{1,8})`
const MAX_CAPTION_LENGTH = 120

// Traditional forms are matched too: 記者, 通訊員, 攝, 圖.
const SHE = '[摄攝]'
// "… 记者 王五 李四 摄": a role word, then one or more names, then 摄.
const WITH_ROLE = new RegExp(
  String.raw`^(.*?)[\s(（]*(?:\p{Script=Han}{0,4}[记記]者|通[讯訊][员員]|${SHE}影[师師])\s*[:：]?\s*(${NAME}(?:[\s、]+${NAME})*)\s*[/／]?\s*${SHE}(?:影)?\s*[)）]?$`,
  'u',
)
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

/** The caption text and its credit, or null when the line does not end with a photo credit (or has no caption text). */
export function parseCaptionCredit(line: string): CaptionCredit | null {
  const trimmed = line.trim()
  if (!isLengthAtMost(trimmed, MAX_CAPTION_LENGTH)) return null
  if (!CREDIT_MARK.test(trimmed)) return null // every pattern needs 摄 or 图: most lines are spared three backtracking regexes
  for (const pattern of [WITH_ROLE, NAME_THEN_SHE, ROLE_THEN_NAME]) {
    const match = pattern.exec(trimmed)
    if (!match) continue
    const text = match[1]!.trim()
    if (text.length === 0) return null
    const photographers = match[2]!.split(/[\s、]+/).filter(Boolean)
    return { text, credit: photographers.join('、'), photographers }
  }
  return null
}
