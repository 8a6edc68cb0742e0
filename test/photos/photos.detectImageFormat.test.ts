import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { describeBytes, detectImageFormat } from '../../src/photos/detectImageFormat'

const bytes = (...values: (number | string)[]) =>
  Buffer.concat(values.map((value) => (typeof value === 'string' ? Buffer.from(value, 'latin1') : Buffer.from([value]))))
const u32 = (value: number) => {
  const buffer = Buffer.alloc(4)
  buffer.writeUInt32BE(value)
  return buffer.toString('latin1')
}

describe('detectImageFormat', () => {
  const real: Record<string, Buffer> = {}
  beforeAll(async () => {
    const image = sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
    for (const format of ['jpeg', 'png', 'webp', 'avif', 'gif', 'tiff'] as const) real[format] = await image.clone().toFormat(format).toBuffer()
  })

  it.each(['jpeg', 'png', 'webp', 'avif'])('recognises a real %s file from its bytes', (format) => {
    expect(detectImageFormat(real[format]!)).toBe(format)
  })

  it.each(['gif', 'tiff'])('refuses a real %s file (not an accepted format)', (format) => {
    expect(detectImageFormat(real[format]!)).toBeNull()
  })

  it.each([
    { name: 'JPEG signature', input: bytes(0xff, 0xd8, 0xff, 0xe0), expected: 'jpeg' },
    { name: 'near miss: FF D8 then no marker', input: bytes(0xff, 0xd8, 0x00, 0xe0), expected: null },
    { name: 'PNG signature', input: bytes(0x89, 'PNG\r\n', 0x1a, '\n'), expected: 'png' },
    { name: 'near miss: PNG signature with LF turned CRLF', input: bytes(0x89, 'PNG\r\n', 0x1a, '\r\n'), expected: null },
    { name: 'WebP in RIFF', input: bytes('RIFF', u32(0), 'WEBPVP8 '), expected: 'webp' },
    { name: 'near miss: RIFF WAVE audio', input: bytes('RIFF', u32(0), 'WAVEfmt '), expected: null },
    { name: 'AVIF major brand', input: bytes(u32(20), 'ftypavif', u32(0), 'mif1'), expected: 'avif' },
    { name: 'AVIF as a compatible brand', input: bytes(u32(24), 'ftypmif1', u32(0), 'mif1avif'), expected: 'avif' },
    { name: 'AVIF image sequence', input: bytes(u32(16), 'ftypavis', u32(0)), expected: 'avif' },
    { name: 'near miss: HEIC', input: bytes(u32(24), 'ftypheic', u32(0), 'mif1heic'), expected: null },
    { name: 'near miss: MP4 video', input: bytes(u32(20), 'ftypisom', u32(0), 'mp41'), expected: null },
    { name: 'near miss: ftyp box longer than the file', input: bytes(u32(400), 'ftypavif', u32(0)), expected: null },
    { name: 'empty', input: Buffer.alloc(0), expected: null },
  ])('$name → $expected', ({ input, expected }) => {
    expect(detectImageFormat(input)).toBe(expected)
  })
})

describe('describeBytes (for refusal messages)', () => {
  it.each([
    { name: 'Chinese text', input: Buffer.from('萍乡新闻：这不是图片。\n'), expected: 'plain text' },
    { name: 'GB18030 text', input: Buffer.from([0xc6, 0xbc, 0xcf, 0xe7, 0x0a]), expected: 'plain text' },
    { name: 'HTML', input: Buffer.from('<!DOCTYPE html><html>'), expected: 'an HTML page' },
    { name: 'SVG', input: Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), expected: 'an SVG drawing' },
    { name: 'GIF', input: Buffer.from('GIF89a'), expected: 'a GIF image' },
    { name: 'PDF', input: Buffer.from('%PDF-1.7'), expected: 'a PDF document' },
    { name: 'HEIC', input: bytes(u32(24), 'ftypheic', u32(0), 'mif1heic'), expected: 'a HEIC/HEIF image' },
    { name: 'binary', input: Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00]), expected: 'unrecognised binary data' },
    { name: 'empty', input: Buffer.alloc(0), expected: 'an empty file' },
  ])('$name → $expected', ({ input, expected }) => {
    expect(describeBytes(input)).toBe(expected)
  })
})
