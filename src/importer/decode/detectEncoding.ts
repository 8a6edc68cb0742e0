import { isUtf8 } from 'node:buffer'

import { getFrequentHanzi } from '../../text/commonHanzi'
import { createImportError, UNNAMED_FILE } from '../importError'
import type { Encoding } from '../validate/schema'

const UTF8_BOM = [0xef, 0xbb, 0xbf]

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte)
}

/** C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape; plus DEL. */
function isStrayControl(byte: number): boolean {
  return (byte < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(byte)) || byte === 0x7f
}

/** isStrayControl for each byte value, looked up once per byte of every file. */
const STRAY_CONTROL = Uint8Array.from({ length: 256 }, (_, byte) => (isStrayControl(byte) ? 1 : 0))

/** NUL bytes, or more than 1 in 100 bytes being control characters, mean this is not a text file. */
export function isBinary(bytes: Uint8Array): boolean {
  let controls = 0
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!
    if (byte === 0) return true
    controls += STRAY_CONTROL[byte]!
  }
  return controls > Math.max(1, bytes.length / 100)
}

export function isBlank(bytes: Uint8Array): boolean {
  const start = startsWith(bytes, UTF8_BOM) ? 3 : 0
  return bytes.subarray(start).every((byte) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d))
}

function decodesAs(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes)
  } catch (error) {
    if (error instanceof TypeError) return null // the bytes are not valid in this encoding
    throw error
  }
}

// Characters a wrong legacy decoding tends to produce: kana, hangul, box drawing, private use, rare Han extensions.
const UNLIKELY = /[\u3040-\u30ff\u3130-\u318f\uac00-\ud7af\u2500-\u257f\ue000-\uf8ff\uf900-\ufaff\u3400-\u4dbf\u0370-\u04ff]/u

/** How much a decoding looks like Chinese prose: frequent characters and CJK punctuation score, unlikely characters cost. */
export function scoreChineseText(text: string): number {
  const frequent = getFrequentHanzi()
  let score = 0
  for (const char of text) {
    if (frequent.has(char)) score += 2
    else if (/[，。、：；“”！？（）]/.test(char)) score += 1
    else if (UNLIKELY.test(char)) score -= 3
  }
  return score
}

/**
 * Which encoding the bytes are in. UTF-8 (with or without BOM) and UTF-16 with
 * a BOM are recognised directly; otherwise GB18030 and Big5 are both tried and
 * the decoding that reads more like Chinese wins (Big5 bytes are usually also
 * valid GB18030, so validity alone cannot decide).
 * Throws ImportError: empty-file, binary-file, unknown-encoding.
 */
export function detectEncoding(bytes: Uint8Array, file: string = UNNAMED_FILE): Encoding {
  if (isBlank(bytes)) throw createImportError('empty-file', file)
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le'
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be'
  if (isBinary(bytes)) throw createImportError('binary-file', file, 'it contains NUL or control bytes')
  if (startsWith(bytes, UTF8_BOM)) return 'utf-8-bom'
  if (isUtf8(bytes)) return 'utf-8' // validates without building the text (decodeText does that once, later)

  const candidates = (['gb18030', 'big5'] as const)
    .map((encoding) => ({ encoding, text: decodesAs(encoding, bytes) }))
    .filter((candidate): candidate is { encoding: 'gb18030' | 'big5'; text: string } => candidate.text !== null)
    .map((candidate) => ({ ...candidate, score: scoreChineseText(candidate.text) }))
    .sort((a, b) => b.score - a.score) // stable: GB18030 wins a tie, the mainland default
  const best = candidates[0]
  if (!best || best.score <= 0) throw createImportError('unknown-encoding', file)
  return best.encoding
}
