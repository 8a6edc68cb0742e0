import { toSimplified, toTraditional } from '../../text/chineseConverters'
import type { Script } from '../validate/schema'

/** Characters looked at: the title and the first paragraphs. */
const SAMPLE_CHARACTERS = 600

/** The first `count` characters (surrogate pairs as one, as [...text] splits), without splitting the whole text. */
function takeCharacters(text: string, count: number): string {
  let end = 0
  for (let taken = 0; taken < count && end < text.length; taken++) end += text.codePointAt(end)! > 0xffff ? 2 : 1
  return text.slice(0, end)
}

function countCharacters(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; count++) index += text.codePointAt(index)! > 0xffff ? 2 : 1
  return count
}

/** Characters that differ, position by position; when a phrase conversion changed the length, the difference in length. */
function countChanged(text: string, converted: string): number {
  if (text === converted) return 0
  const length = countCharacters(text)
  const convertedLength = countCharacters(converted)
  if (length !== convertedLength) return Math.abs(length - convertedLength)
  let changed = 0
  for (let a = 0, b = 0; a < text.length; ) {
    const char = text.codePointAt(a)!
    const convertedChar = converted.codePointAt(b)!
    if (char !== convertedChar) changed++
    a += char > 0xffff ? 2 : 1
    b += convertedChar > 0xffff ? 2 : 1
  }
  return changed
}

/**
 * Simplified or traditional, by comparing the text with its OpenCC conversions:
 * characters that simplification changes are traditional, characters that
 * traditionalisation changes are simplified; the larger share wins, and
 * simplified (the newsroom's own script) wins a tie.
 */
export function detectScript(text: string): Script {
  // A sample decides as well as the whole document and costs a fraction (OpenCC dominated the dry run).
  const sample = takeCharacters(text, SAMPLE_CHARACTERS)
  const traditional = countChanged(sample, toSimplified(sample))
  const simplified = countChanged(sample, toTraditional(sample))
  return traditional > simplified ? 'zh-Hant' : 'zh-Hans'
}
