import type { PhotoFormat } from './photoFormats'

import { rejectPhoto } from './photoRejection'

/**
 * Lossless metadata removal: the image data is copied byte for byte, and everything that can
 * describe a person, a place or a device (EXIF with its GPS block and thumbnail, XMP, IPTC,
 * comments, text chunks, data appended after the image) is left out. Only what decoding and
 * colour need is kept (JFIF, ICC profile, Adobe colour transform; PNG colour chunks; WebP ICCP).
 *
 * Used for upright images; an image that needs rotating is re-encoded instead (see preparePhotoUpload).
 * Throws a PhotoRejection ('truncated' or 'corrupt') when the structure does not hold together,
 * which is a cheap check before any pixel is decoded.
 */
export function stripMetadata(bytes: Buffer, format: Exclude<PhotoFormat, 'avif'>, options: StripOptions = {}): Buffer {
  return planMetadataStrip(bytes, format).apply(options)
}

/** The structure walk on its own: throws for a truncated or corrupt file; `apply` then writes the result. */
export interface StripPlan {
  apply(options?: StripOptions): Buffer
}

export function planMetadataStrip(bytes: Buffer, format: Exclude<PhotoFormat, 'avif'>): StripPlan {
  const parts = format === 'jpeg' ? keptJpegParts(bytes) : format === 'png' ? keptPngParts(bytes) : keptWebpParts(bytes)
  return { apply: (options = {}) => assemble(bytes, parts, options) }
}

export interface StripOptions {
  /**
   * Write the result over `bytes` (kept parts only ever move towards the start) and return a
   * view of it, instead of allocating a copy. Only for buffers the caller owns outright, such as
   * an upload just parsed from a request: a 12 MP JPEG is 2–5 MB the garbage collector need not chase.
   */
  inPlace?: boolean
}

/** Joins the kept parts (views of `bytes`, in order, or small new buffers) into a copy or over `bytes`. */
function assemble(bytes: Buffer, parts: Buffer[], { inPlace = false }: StripOptions): Buffer {
  if (!inPlace) return Buffer.concat(parts)
  let offset = 0
  for (const part of parts) offset += part.copy(bytes, offset)
  return bytes.subarray(0, offset)
}

const truncated = (format: string, where: string) =>
  rejectPhoto('truncated', `The ${format} file is truncated: it ends ${where}. Upload the complete file.`)
const corrupt = (format: string, what: string) => rejectPhoto('corrupt', `The ${format} file is corrupt: ${what}.`)

// ---------------------------------------------------------------- JPEG

const SOI = 0xd8
const EOI = 0xd9
const SOS = 0xda
const COM = 0xfe
const APP0 = 0xe0
const APP2 = 0xe2
const APP14 = 0xee

const isStandaloneMarker = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

function segmentIdentifier(bytes: Buffer, start: number, end: number, length: number): string {
  return bytes.toString('latin1', start, Math.min(start + length, end))
}

/** APP0 JFIF, APP2 ICC profile and APP14 Adobe stay; every other APPn segment and comments go. */
function keepJpegSegment(marker: number, bytes: Buffer, payloadStart: number, payloadEnd: number): boolean {
  if (marker === COM) return false
  if (marker === APP0) return segmentIdentifier(bytes, payloadStart, payloadEnd, 5) === 'JFIF\0'
  if (marker === APP2) return segmentIdentifier(bytes, payloadStart, payloadEnd, 12) === 'ICC_PROFILE\0'
  if (marker === APP14) return true
  return !(marker >= 0xe0 && marker <= 0xef)
}

/** Index of the marker that ends an entropy-coded scan starting at `from`, or -1 if the file ends first. */
function findEndOfScan(bytes: Buffer, from: number): number {
  let index = bytes.indexOf(0xff, from)
  while (index !== -1 && index + 1 < bytes.length) {
    const next = bytes[index + 1]!
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) index = bytes.indexOf(0xff, index + 2)
    else if (next === 0xff) index += 1
    else return index
  }
  return -1
}

export const stripJpegMetadata = (bytes: Buffer, options: StripOptions = {}) => assemble(bytes, keptJpegParts(bytes), options)

function keptJpegParts(bytes: Buffer): Buffer[] {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) throw corrupt('JPEG', 'it does not start with a JPEG marker')
  const parts: Buffer[] = [bytes.subarray(0, 2)]
  let position = 2
  let sawFrame = false
  let sawScan = false
  for (;;) {
    if (position >= bytes.length) throw truncated('JPEG', 'before its end-of-image marker')
    if (bytes[position] !== 0xff) throw corrupt('JPEG', `expected a marker at byte ${position}`)
    while (bytes[position] === 0xff) position++
    if (position >= bytes.length) throw truncated('JPEG', 'inside a marker')
    const marker = bytes[position]!
    position++
    if (marker === EOI) {
      if (!sawFrame || !sawScan) throw corrupt('JPEG', 'it has no image data')
      // Anything after the end-of-image marker (multi-picture extras, maker trailers, motion-photo videos) is dropped.
      parts.push(Buffer.from([0xff, EOI]))
      return parts
    }
    if (isStandaloneMarker(marker)) {
      parts.push(Buffer.from([0xff, marker]))
      continue
    }
    if (position + 2 > bytes.length) throw truncated('JPEG', 'inside a segment header')
    const length = bytes.readUInt16BE(position)
    if (length < 2) throw corrupt('JPEG', `a segment at byte ${position} has an impossible length`)
    const end = position + length
    if (end > bytes.length) throw truncated('JPEG', 'inside a segment')
    if (isStartOfFrame(marker)) sawFrame = true
    if (keepJpegSegment(marker, bytes, position + 2, end)) parts.push(Buffer.from([0xff, marker]), bytes.subarray(position, end))
    position = end
    if (marker === SOS) {
      sawScan = true
      const scanEnd = findEndOfScan(bytes, position)
      if (scanEnd === -1) throw truncated('JPEG', 'in the middle of the image data')
      parts.push(bytes.subarray(position, scanEnd))
      position = scanEnd
    }
  }
}

// ---------------------------------------------------------------- PNG

/** Chunks that carry pixels, colour or animation. Text (tEXt, zTXt, iTXt), eXIf, tIME and private chunks go. */
const PNG_KEPT_CHUNKS = new Set([
  'IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'cICP', 'mDCV', 'cLLI',
  'bKGD', 'hIST', 'pHYs', 'sPLT', 'acTL', 'fcTL', 'fdAT',
])

export const stripPngMetadata = (bytes: Buffer, options: StripOptions = {}) => assemble(bytes, keptPngParts(bytes), options)

function keptPngParts(bytes: Buffer): Buffer[] {
  const parts: Buffer[] = [bytes.subarray(0, 8)]
  let position = 8
  let sawData = false
  for (let index = 0; ; index++) {
    if (position + 8 > bytes.length) throw truncated('PNG', 'before its IEND chunk')
    const length = bytes.readUInt32BE(position)
    const type = bytes.toString('latin1', position + 4, position + 8)
    if (!/^[A-Za-z]{4}$/.test(type)) throw corrupt('PNG', `byte ${position} is not the start of a chunk`)
    if (index === 0 && type !== 'IHDR') throw corrupt('PNG', 'the first chunk is not IHDR')
    const end = position + 12 + length
    if (end > bytes.length) throw truncated('PNG', `inside its ${type} chunk`)
    if (type === 'IDAT') sawData = true
    if (PNG_KEPT_CHUNKS.has(type)) parts.push(bytes.subarray(position, end))
    position = end
    if (type === 'IEND') {
      if (!sawData) throw corrupt('PNG', 'it has no image data')
      return parts
    }
  }
}

// ---------------------------------------------------------------- WebP

const WEBP_KEPT_CHUNKS = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP'])
const VP8X_EXIF_FLAG = 0x08
const VP8X_XMP_FLAG = 0x04

export const stripWebpMetadata = (bytes: Buffer, options: StripOptions = {}) => assemble(bytes, keptWebpParts(bytes), options)

function keptWebpParts(bytes: Buffer): Buffer[] {
  const riffEnd = 8 + bytes.readUInt32LE(4)
  if (riffEnd > bytes.length) throw truncated('WebP', 'before the end its header announces')
  const chunks: Buffer[] = []
  let position = 12
  let sawImage = false
  while (position < riffEnd) {
    if (position + 8 > riffEnd) throw corrupt('WebP', `a chunk header at byte ${position} is cut short`)
    const fourcc = bytes.toString('latin1', position, position + 4)
    const size = bytes.readUInt32LE(position + 4)
    const dataEnd = position + 8 + size
    if (dataEnd > riffEnd) throw truncated('WebP', `inside its ${fourcc.trim()} chunk`)
    const end = Math.min(dataEnd + (size & 1), riffEnd)
    if (fourcc === 'VP8 ' || fourcc === 'VP8L' || fourcc === 'ANMF') sawImage = true
    if (fourcc === 'VP8X' && size >= 1) {
      const chunk = Buffer.from(bytes.subarray(position, end))
      chunk[8] = chunk[8]! & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG)
      chunks.push(chunk)
    } else if (WEBP_KEPT_CHUNKS.has(fourcc)) {
      chunks.push(bytes.subarray(position, end))
    }
    position = end
  }
  if (!sawImage) throw corrupt('WebP', 'it has no image data')
  const bodyLength = chunks.reduce((sum, chunk) => sum + chunk.length, 0)
  const header = Buffer.alloc(12)
  header.write('RIFF', 0, 'latin1')
  header.writeUInt32LE(bodyLength + 4, 4)
  header.write('WEBP', 8, 'latin1')
  return [header, ...chunks]
}

// ---------------------------------------------------------------- AVIF (ISO-BMFF)

/**
 * AVIF metadata cannot be cut out byte for byte (item locations would move), so AVIF files are
 * re-encoded; this only checks that the top-level boxes fill the file exactly, so a cut-off
 * transfer is named as such before the decoder sees it.
 */
export function assertCompleteAvif(bytes: Buffer): void {
  let position = 0
  while (position < bytes.length) {
    if (position + 8 > bytes.length) throw truncated('AVIF', 'inside a box header')
    let size = bytes.readUInt32BE(position)
    if (size === 1) {
      if (position + 16 > bytes.length) throw truncated('AVIF', 'inside a box header')
      size = Number(bytes.readBigUInt64BE(position + 8))
    } else if (size === 0) {
      size = bytes.length - position
    }
    if (size < 8) throw corrupt('AVIF', `a box at byte ${position} has an impossible size`)
    if (position + size > bytes.length) throw truncated('AVIF', `inside its ${bytes.toString('latin1', position + 4, position + 8)} box`)
    position += size
  }
}
