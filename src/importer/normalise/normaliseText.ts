import type { Warning } from '../validate/schema'
import { removePinyinAnnotations } from './removePinyinAnnotations'

/**
 * Text-level clean-up before the format is detected: one kind of line break,
 * no zero-width characters, plain spaces, and no pinyin annotations (they sit
 * inside the metadata lines the parsers read, e.g. 來自: 中國網(wǎng)).
 */
export function normaliseText(raw: string): { text: string; warnings: Warning[] } {
  // One scan for the three clean-ups (each character is replaced on its own, so their order does not matter).
  const text = raw.replace(CLEAN_UP, (found) => (found === '\u00a0' ? ' ' : ZERO_WIDTH.test(found) ? '' : '\n'))
  return removePinyinAnnotations(text)
}

const CLEAN_UP = /\r\n?|[\v\f\u2028\u2029\u0085]|[\u200b-\u200d\u2060\ufeff]|\u00a0/g
const ZERO_WIDTH = /^[\u200b-\u200d\u2060\ufeff]$/
