import { pinyin } from 'pinyin-pro'
import { buildSnippet } from '../chineseText'
import type { Warning } from '../schema'

// A Han character followed by a bracketed lowercase Latin syllable, as some portals print readings: 萍鄉(xiāng).
const ANNOTATED = /(\p{Script=Han})[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7})[)）]/gu
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/u

function stripTones(syllable: string): string {
  return syllable.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ü/g, 'v')
}

/** True when the syllable is a reading of the character (tones ignored), or carries a tone mark and so can only be pinyin. */
export function isPinyinReading(char: string, syllable: string): boolean {
  const readings = pinyin(char, { multiple: true, type: 'array', toneType: 'symbol' })
  const bare = stripTones(syllable)
  return readings.some((reading) => stripTones(reading) === bare) || TONE_MARK.test(syllable)
}

/**
 * Removes pinyin readings printed after characters (萍鄉(xiāng) → 萍鄉). Brackets
 * holding anything else, such as 西人馬(廈門) or (LED), stay.
 */
export function removePinyinAnnotations(text: string): { text: string; warnings: Warning[] } {
  let count = 0
  let first: { index: number; match: string } | undefined
  const cleaned = text.replace(ANNOTATED, (match: string, char: string, syllable: string, index: number) => {
    if (!isPinyinReading(char, syllable)) return match
    count++
    first ??= { index, match }
    return char
  })
  if (!first) return { text, warnings: [] }
  const before = text.slice(0, first.index)
  const lineStart = before.lastIndexOf('\n') + 1
  const lineEnd = text.indexOf('\n', first.index)
  const lineText = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd)
  const start = first.index - lineStart
  const warning: Warning = {
    kind: 'pinyin-removed',
    severity: 'info',
    message: `removed ${count} pinyin annotation${count === 1 ? '' : 's'} printed after characters`,
    snippet: buildSnippet(lineText, start, start + first.match.length, 6),
    line: before.split('\n').length,
  }
  return { text: cleaned, warnings: [warning] }
}
