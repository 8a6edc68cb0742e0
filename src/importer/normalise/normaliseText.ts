import type { Warning } from '../schema'
import { removePinyinAnnotations } from './removePinyinAnnotations'

/**
 * Text-level clean-up before the format is detected: one kind of line break,
 * no zero-width characters, plain spaces, and no pinyin annotations (they sit
 * inside the metadata lines the parsers read, e.g. 來自: 中國網(wǎng)).
 */
export function normaliseText(raw: string): { text: string; warnings: Warning[] } {
  const text = raw
    .replace(/\r\n?|[\v\f\u2028\u2029\u0085]/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\u00a0/g, ' ')
  return removePinyinAnnotations(text)
}
