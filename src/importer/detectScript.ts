import { toSimplified, toTraditional } from './chineseConverters'
import type { Script } from './schema'

/** Characters looked at: the title and the first paragraphs. */
const SAMPLE_CHARACTERS = 600

function countChanged(text: string, converted: string): number {
  const a = [...text]
  const b = [...converted]
  if (a.length !== b.length) return Math.abs(a.length - b.length) // phrase conversion changed length: count it as changed
  return a.reduce((count, char, i) => (char === b[i] ? count : count + 1), 0)
}

/**
 * Simplified or traditional, by comparing the text with its OpenCC conversions:
 * characters that simplification changes are traditional, characters that
 * traditionalisation changes are simplified; the larger share wins, and
 * simplified (the newsroom's own script) wins a tie.
 */
export function detectScript(text: string): Script {
  // A sample decides as well as the whole document and costs a fraction (OpenCC dominated the dry run).
  const sample = [...text].slice(0, SAMPLE_CHARACTERS).join('')
  const traditional = countChanged(sample, toSimplified(sample))
  const simplified = countChanged(sample, toTraditional(sample))
  return traditional > simplified ? 'zh-Hant' : 'zh-Hans'
}
