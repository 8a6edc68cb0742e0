import { buildSnippet, isCjk, isHan } from '../../text/chineseText'
import { toSimplified, toTraditional } from '../../text/chineseConverters'
import type { Script, Warning } from '../validate/schema'

/**
 * Finds text broken by a wrong decoding somewhere upstream:
 * - U+FFFD replacement characters;
 * - the classic sequences (锟斤拷, 烫烫烫, UTF-8 read as Latin-1);
 * - a '?' wedged inside Chinese text whose neighbours look broken: a
 *   character of the other script (顿 in traditional text), Latin letters
 *   glued to Han characters, stray pinyin tone letters or rare characters,
 *   as in "滿庭芬芳?偼顿Y25億元".
 */

const CLASSIC = /锟斤拷|烫烫烫|屯屯屯|Ã[\u0080-\u00bf]|â€/gu
const RARE = /[\u3400-\u4dbf\ue000-\uf8ff\uf900-\ufaff\u{20000}-\u{3ffff}]/u
const TONE_LETTER = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/u
const WINDOW = 4

export interface MojibakeHit {
  start: number
  end: number
}

function isOtherScript(char: string, script: Script): boolean {
  if (!isHan(char)) return false
  return script === 'zh-Hant' ? toTraditional(char) !== char && toSimplified(char) === char : toSimplified(char) !== char
}

function looksBroken(around: string[], script: Script): boolean {
  return around.some((char, i) => {
    if (char === '?' || char === '\ufffd' || RARE.test(char) || TONE_LETTER.test(char) || isOtherScript(char, script)) return true
    const next = around[i + 1]
    if (next === undefined) return false
    return (/[A-Za-z]/.test(char) && isHan(next)) || (isHan(char) && /[A-Za-z]/.test(next))
  })
}

/** Each '?' wedged inside Chinese text whose neighbours look broken. */
function findBrokenQuestionMarks(text: string, script: Script): MojibakeHit[] {
  const hits: MojibakeHit[] = []
  const chars = [...text]
  let offset = 0
  chars.forEach((char, i) => {
    const index = offset
    offset += char.length
    if (char !== '?') return
    const before = chars[i - 1]
    const after = chars[i + 1]
    // A question mark ending a sentence or a Latin question is not breakage.
    if (!isCjk(before) || after === undefined || /[\s,，。.!！?？"'”’」』)）]/u.test(after)) return
    const around = [...chars.slice(Math.max(0, i - WINDOW), i), ...chars.slice(i + 1, i + 1 + WINDOW)]
    if (looksBroken(around, script)) hits.push({ start: index, end: index + 1 })
  })
  return hits
}

/** Where the text is broken, as merged character ranges (indices into the string). */
export function findMojibake(text: string, script: Script): MojibakeHit[] {
  const hits: MojibakeHit[] = []
  for (const match of text.matchAll(CLASSIC)) hits.push({ start: match.index, end: match.index + match[0].length })
  for (const match of text.matchAll(/\ufffd+/gu)) hits.push({ start: match.index, end: match.index + match[0].length })
  if (text.includes('?')) hits.push(...findBrokenQuestionMarks(text, script)) // most text has none: no need to split it into characters
  hits.sort((a, b) => a.start - b.start)
  const merged: MojibakeHit[] = []
  for (const hit of hits) {
    const last = merged.at(-1)
    if (last && hit.start - last.end <= 8) last.end = Math.max(last.end, hit.end)
    else merged.push({ ...hit })
  }
  return merged
}

/** One warning per broken stretch, in each paragraph and in the title, subtitle and summary. */
export function detectMojibake(fields: { title: string | null; subtitle: string | null; summary: string | null; paragraphs: string[] }, script: Script): Warning[] {
  const warnings: Warning[] = []
  const report = (text: string, where: string, paragraph?: number) => {
    for (const hit of findMojibake(text, script)) {
      warnings.push({
        kind: 'mojibake',
        severity: 'warning',
        message: `garbled characters in the ${where} (a wrong decoding upstream?)`,
        snippet: buildSnippet(text, hit.start, hit.end, 6),
        ...(paragraph === undefined ? {} : { paragraph }),
      })
    }
  }
  if (fields.title) report(fields.title, 'title')
  if (fields.subtitle) report(fields.subtitle, 'subtitle')
  if (fields.summary) report(fields.summary, 'summary')
  fields.paragraphs.forEach((paragraph, index) => report(paragraph, 'paragraph', index))
  return warnings
}
