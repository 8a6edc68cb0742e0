import type { PhotoFormat } from './photoFormats'

/**
 * Recognises an accepted image format from its first bytes (magic numbers), never from
 * the file name or the declared MIME type. Returns null for anything else.
 */
export function detectImageFormat(bytes: Uint8Array): PhotoFormat | null {
  if (isJpeg(bytes)) return 'jpeg'
  if (isPng(bytes)) return 'png'
  if (isWebp(bytes)) return 'webp'
  if (isAvif(bytes)) return 'avif'
  return null
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function startsWith(bytes: Uint8Array, expected: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + expected.length) return false
  return expected.every((value, index) => bytes[offset + index] === value)
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)))
}

/** SOI followed by the first marker's FF. */
export const isJpeg = (bytes: Uint8Array) => startsWith(bytes, [0xff, 0xd8, 0xff])

export const isPng = (bytes: Uint8Array) => startsWith(bytes, PNG_SIGNATURE)

/** RIFF container whose form type is WEBP. */
export const isWebp = (bytes: Uint8Array) => bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP'

/** The ISO-BMFF brands of the `ftyp` box: major brand first, then the compatible ones. */
export function readIsoBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const boxSize = view.getUint32(0)
  if (boxSize < 16 || boxSize > bytes.length) return null
  const brands = [ascii(bytes, 8, 12)]
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(bytes, offset, offset + 4))
  return brands
}

/** An ISO-BMFF file with the AVIF brand (still image `avif`, or image sequence `avis`). */
export function isAvif(bytes: Uint8Array): boolean {
  const brands = readIsoBrands(bytes)
  return Boolean(brands?.some((brand) => brand === 'avif' || brand === 'avis'))
}

/** What a refused file appears to be, for the error message ("plain text", "a GIF image", …). */
export function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file'
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'a GIF image'
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'a PDF document'
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'a TIFF image'
  if (startsWith(bytes, [0x42, 0x4d])) return 'a BMP image'
  const brands = readIsoBrands(bytes)
  if (brands?.some((brand) => ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1'].includes(brand))) return 'a HEIC/HEIF image'
  if (brands) return 'a video or other ISO media file'
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).trimStart().toLowerCase()
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'an SVG drawing'
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'an HTML page'
  if (looksLikeText(bytes.subarray(0, 512))) return 'plain text'
  return 'unrecognised binary data'
}

/** No NUL bytes and mostly printable: text in any ASCII-compatible encoding, UTF-8 or GB18030 alike. */
function looksLikeText(sample: Uint8Array): boolean {
  if (sample.includes(0)) return false
  let control = 0
  for (const byte of sample) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++
  return control <= sample.length / 100
}
