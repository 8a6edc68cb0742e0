import { pinyin } from 'pinyin-pro'
import { buildSnippet } from '../../text/chineseText'
import type { Warning } from '../validate/schema'

// A Han character followed by a bracketed lowercase Latin syllable, as some portals print readings: 萍鄉(xiāng).
const ANNOTATED = /(\p{Script=Han})[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7})[)）]/gu
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/u

function stripTones(syllable: string): string {
  return syllable.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ü/g, 'v')
}

/** The character's readings without tones, looked up once per character (pinyin-pro's lookup dominated this step). */
const bareReadings = new Map<string, string[]>()
const MAX_CACHED_CHARACTERS = 20_000

function getBareReadings(char: string): string[] {
  let readings = bareReadings.get(char)
  if (!readings) {
    readings = pinyin(char, { multiple: true, type: 'array', toneType: 'symbol' }).map(stripTones)
    if (bareReadings.size >= MAX_CACHED_CHARACTERS) bareReadings.clear() // bounded, whatever the input
    bareReadings.set(char, readings)
  }
  return readings
}

/** True when the syllable is a reading of the character (tones ignored), or carries a tone mark and so can only be pinyin. */
export function isPinyinReading(char: string, syllable: string): boolean {
  const bare = stripTones(syllable)
  return getBareReadings(char).includes(bare) || TONE_MARK.test(syllable)
}

/**
 * Removes pinyin readings printed after characters (萍鄉(xiāng) → 萍鄉). Brackets
 * holding anything else, such as 西人馬(廈門) or (LED), stay.
 */
export function removePinyinAnnotations(text: string): { text: string; warnings: Warning[] } {
  if (!text.includes('(') && !text.includes('（')) return { text, warnings: [] } // no bracket, no annotation: skip the Han-by-Han scan
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
