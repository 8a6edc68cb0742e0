import sharp, { type Exif } from 'sharp'
import { describe, expect, it } from 'vitest'

import { parseExifDateTime, readExifFacts } from '../../src/photos/readExifFacts'

async function exifOf(exif: Exif, orientation?: number): Promise<Buffer> {
  let image = sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().withExif(exif)
  if (orientation) image = image.withMetadata({ orientation })
  return (await sharp(await image.toBuffer()).metadata()).exif!
}

/** A big-endian ("MM") TIFF block written by hand: IFD0 with Make and an Exif IFD with DateTimeOriginal. */
function bigEndianExif(): Buffer {
  const make = Buffer.from('NIKON CORPORATION\0', 'latin1')
  const time = Buffer.from('2023:10:01 18:05:09\0', 'latin1')
  const ifd0At = 8
  const ifd0Size = 2 + 2 * 12 + 4
  const exifAt = ifd0At + ifd0Size
  const exifSize = 2 + 12 + 4
  const makeAt = exifAt + exifSize
  const timeAt = makeAt + make.length
  const block = Buffer.alloc(timeAt + time.length)
  block.write('MM', 0, 'latin1')
  block.writeUInt16BE(42, 2)
  block.writeUInt32BE(ifd0At, 4)
  block.writeUInt16BE(2, ifd0At)
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    block.writeUInt16BE(tag, at)
    block.writeUInt16BE(type, at + 2)
    block.writeUInt32BE(count, at + 4)
    block.writeUInt32BE(value, at + 8)
  }
  entry(ifd0At + 2, 0x010f, 2, make.length, makeAt)
  entry(ifd0At + 14, 0x8769, 4, 1, exifAt)
  block.writeUInt16BE(1, exifAt)
  entry(exifAt + 2, 0x9003, 2, time.length, timeAt)
  make.copy(block, makeAt)
  time.copy(block, timeAt)
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), block])
}

describe('readExifFacts', () => {
  it('reads camera, capture time (China time unless EXIF says otherwise), and sees the GPS block', async () => {
    const exif = await exifOf({
      IFD0: { Make: 'Canon', Model: 'Canon EOS R6' },
      IFD2: { DateTimeOriginal: '2024:05:01 09:30:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '27/1 37/1 30/1' },
    })
    expect(readExifFacts(exif)).toEqual({
      takenAt: '2024-05-01T01:30:00.000Z',
      cameraMake: 'Canon',
      cameraModel: 'Canon EOS R6',
      orientation: 1,
      hasGps: true,
    })
  })

  it('uses OffsetTimeOriginal when the camera recorded one', async () => {
    const exif = await exifOf({ IFD2: { DateTimeOriginal: '2024:05:01 09:30:00', OffsetTimeOriginal: '+02:00' } })
    expect(readExifFacts(exif).takenAt).toBe('2024-05-01T07:30:00.000Z')
  })

  it('reads the orientation', async () => {
    expect(readExifFacts(await exifOf({ IFD0: { Make: 'Apple' } }, 6)).orientation).toBe(6)
  })

  it('reads big-endian (Motorola) blocks', () => {
    expect(readExifFacts(bigEndianExif())).toMatchObject({ cameraMake: 'NIKON CORPORATION', takenAt: '2023-10-01T10:05:09.000Z', hasGps: false })
  })

  it.each([
    { name: 'nothing', input: undefined },
    { name: 'too short', input: Buffer.from('Exif\0\0II') },
    { name: 'not TIFF', input: Buffer.from('Exif\0\0XX*\0\0\0\0\0') },
    { name: 'an IFD pointing past the end', input: Buffer.from([0x49, 0x49, 0x2a, 0x00, 0xff, 0xff, 0x00, 0x00]) },
  ])('a damaged or missing block ($name) gives empty facts instead of throwing', ({ input }) => {
    expect(readExifFacts(input)).toEqual({ takenAt: null, cameraMake: null, cameraModel: null, orientation: null, hasGps: false })
  })
})

describe('parseExifDateTime', () => {
  it.each([
    { value: '2024:05:01 09:30:00', offset: '+08:00', expected: '2024-05-01T01:30:00.000Z' },
    { value: '2024:01:01 00:10:00', offset: '+08:00', expected: '2023-12-31T16:10:00.000Z' },
    { value: '2024:05:01 09:30:00', offset: '-05:00', expected: '2024-05-01T14:30:00.000Z' },
    { value: '2024:05:01 09:30:00', offset: 'garbage', expected: '2024-05-01T01:30:00.000Z' },
    { value: '0000:00:00 00:00:00', offset: '+08:00', expected: null },
    { value: '2024:02:31 09:30:00', offset: '+08:00', expected: null },
    { value: '    :  :     :  :  ', offset: '+08:00', expected: null },
  ])('$value at $offset → $expected', ({ value, offset, expected }) => {
    expect(parseExifDateTime(value, offset)).toBe(expected)
  })
})
