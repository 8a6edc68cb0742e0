import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { PhotoRejection } from '../../src/photos/photoRejection'
import { readExifFacts } from '../../src/photos/readExifFacts'
import { stripJpegMetadata, stripMetadata, stripPngMetadata, stripWebpMetadata } from '../../src/photos/stripMetadata'

const GPS_EXIF = {
  IFD0: { Make: 'Canon', Model: 'Canon EOS R6' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '27/1 37/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 51/1 12/1' },
}
const GPS_XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="27,37.5N"/></rdf:RDF></x:xmpmeta>'

/** A small grainy photo (image data dominates the file) with camera EXIF, GPS in EXIF and XMP, and an sRGB ICC profile. */
function tagged(format: 'jpeg' | 'png' | 'webp'): Promise<Buffer> {
  return sharp({ create: { width: 160, height: 120, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .toFormat(format)
    .withExif(GPS_EXIF)
    .withXmp(GPS_XMP)
    .withIccProfile('srgb')
    .toBuffer()
}

const pixels = (bytes: Buffer) => sharp(bytes).raw().toBuffer()

function rejectionOf(run: () => unknown): { reason: string; message: string } | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof PhotoRejection) return { reason: error.reason, message: error.message }
    throw error
  }
  return undefined
}

describe('stripMetadata', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('%s: EXIF and XMP (with their GPS) are gone, the pixels are bit-identical, the ICC profile stays', async (format) => {
    const input = await tagged(format)
    const before = await sharp(input).metadata()
    expect(readExifFacts(before.exif).hasGps).toBe(true)
    expect(before.xmp).toBeDefined()

    const output = stripMetadata(input, format)
    const after = await sharp(output).metadata()
    expect(after.exif).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(output.includes(Buffer.from('GPSLatitude'))).toBe(false)
    expect(output.includes(Buffer.from('Canon'))).toBe(false)
    expect(after.icc).toBeDefined()
    expect((await pixels(output)).equals(await pixels(input))).toBe(true)
    expect(output.length).toBeLessThan(input.length)
  })

  it('JPEG: data after the end-of-image marker (multi-picture extras, trailers) is dropped', async () => {
    const input = await tagged('jpeg')
    const withTrailer = Buffer.concat([input, Buffer.from('MOTION-PHOTO-VIDEO with GPS 27.6N 113.8E')])
    const output = stripJpegMetadata(withTrailer)
    expect(output.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]))
    expect(output.includes(Buffer.from('MOTION'))).toBe(false)
  })

  it('WebP: the VP8X flags no longer announce EXIF or XMP, and the RIFF size matches', async () => {
    const output = stripWebpMetadata(await tagged('webp'))
    expect(output.toString('latin1', 12, 16)).toBe('VP8X')
    expect(output[20]! & 0x0c).toBe(0)
    expect(output.readUInt32LE(4)).toBe(output.length - 8)
  })

  it('in place: the result is written over the input and equals the copy', async () => {
    const input = await tagged('jpeg')
    const copy = stripJpegMetadata(Buffer.from(input))
    const inPlace = stripJpegMetadata(input, { inPlace: true })
    expect(inPlace.buffer).toBe(input.buffer)
    expect(inPlace.equals(copy)).toBe(true)
  })

  it.each([
    { name: 'JPEG cut in its image data', format: 'jpeg', cut: 0.7, reason: 'truncated', message: /JPEG file is truncated: it ends in the middle of the image data/ },
    { name: 'JPEG cut inside its EXIF segment', format: 'jpeg', cut: 0.02, reason: 'truncated', message: /JPEG file is truncated/ },
    { name: 'PNG without its IEND', format: 'png', cut: 0.9, reason: 'truncated', message: /PNG file is truncated/ },
    { name: 'WebP shorter than its RIFF size', format: 'webp', cut: 0.8, reason: 'truncated', message: /WebP file is truncated/ },
  ] as const)('$name → $reason', async ({ format, cut, reason, message }) => {
    const input = await tagged(format)
    const rejection = rejectionOf(() => stripMetadata(input.subarray(0, Math.floor(input.length * cut)), format))
    expect(rejection?.reason).toBe(reason)
    expect(rejection?.message).toMatch(message)
  })

  it.each([
    { name: 'JPEG with garbage where a marker should be', input: Buffer.from([0xff, 0xd8, 0x12, 0x34, 0x56]), run: stripJpegMetadata, message: /expected a marker at byte 2/ },
    { name: 'JPEG with only markers and no image', input: Buffer.from([0xff, 0xd8, 0xff, 0xd9]), run: stripJpegMetadata, message: /has no image data/ },
    { name: 'PNG whose first chunk is not IHDR', input: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from([0, 0, 0, 0]), Buffer.from('IEND'), Buffer.alloc(4)]), run: stripPngMetadata, message: /first chunk is not IHDR/ },
  ])('$name → corrupt', ({ input, run, message }) => {
    const rejection = rejectionOf(() => run(input))
    expect(rejection?.reason).toBe('corrupt')
    expect(rejection?.message).toMatch(message)
  })
})
