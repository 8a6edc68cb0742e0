import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { findDominantColor } from '../../src/photos/findDominantColor'
import { PhotoRejection } from '../../src/photos/photoRejection'
import { buildPlaceholder, diagnoseImageData, preparePhotoUpload } from '../../src/photos/preparePhotoUpload'
import { FIXTURE_CAMERA, makePhoto, readLocationTraces, truncate } from '../support/photos'

const LIMIT = { maxPixels: 50_000_000 }

async function rejection(bytes: Buffer, options = LIMIT): Promise<PhotoRejection> {
  try {
    await preparePhotoUpload(bytes, options)
  } catch (error) {
    if (error instanceof PhotoRejection) return error
    throw error
  }
  throw new Error('accepted')
}

describe('preparePhotoUpload', () => {
  it.each([
    { format: 'jpeg', cleaning: 'stripped' },
    { format: 'png', cleaning: 'stripped' },
    { format: 'webp', cleaning: 'stripped' },
    { format: 'avif', cleaning: 're-encoded' },
  ] as const)('$format: $cleaning, no location left, camera facts kept', async ({ format, cleaning }) => {
    const prepared = await preparePhotoUpload(await makePhoto({ format, width: 600, height: 400, withCameraAndGps: true }), LIMIT)
    expect(prepared).toMatchObject({ format, cleaning, width: 600, height: 400 })
    expect(prepared.exif).toEqual({ takenAt: FIXTURE_CAMERA.takenAt, cameraMake: FIXTURE_CAMERA.make, cameraModel: FIXTURE_CAMERA.model })
    expect(await readLocationTraces(prepared.data)).toEqual([])
  })

  it('a sideways JPEG is re-encoded upright, without orientation or location', async () => {
    const prepared = await preparePhotoUpload(await makePhoto({ width: 600, height: 400, orientation: 6, withCameraAndGps: true }), LIMIT)
    expect(prepared).toMatchObject({ cleaning: 're-encoded', width: 400, height: 600 })
    const metadata = await sharp(prepared.data).metadata()
    expect([metadata.width, metadata.height, metadata.orientation ?? 1, metadata.exif]).toEqual([400, 600, 1, undefined])
  })

  it('in place: an upright JPEG is cleaned inside the buffer it came in', async () => {
    const bytes = await makePhoto({ width: 600, height: 400, withCameraAndGps: true })
    const prepared = await preparePhotoUpload(bytes, { ...LIMIT, inPlace: true })
    expect(prepared.data.buffer).toBe(bytes.buffer)
    expect((await sharp(prepared.data).metadata()).exif).toBeUndefined()
  })

  it('the pixel limit counts width × height: exactly at the limit passes, one row more is refused', async () => {
    const bytes = await makePhoto({ width: 600, height: 400 })
    await expect(preparePhotoUpload(bytes, { maxPixels: 240_000 })).resolves.toMatchObject({ width: 600 })
    const refused = await rejection(bytes, { maxPixels: 239_999 })
    expect([refused.reason, refused.status]).toEqual(['too-many-pixels', 413])
    expect(refused.message).toMatch(/600 × 400 = 0\.2 MP, above the limit of 0\.2 MP \(UPLOAD_MAX_PIXELS\)/)
  })

  it.each([
    { name: 'text', make: async () => Buffer.from('hello'), reason: 'unsupported-type', status: 415 },
    { name: 'a truncated WebP', make: async () => truncate(await makePhoto({ format: 'webp' })), reason: 'truncated', status: 422 },
    { name: 'a truncated AVIF', make: async () => truncate(await makePhoto({ format: 'avif', width: 200, height: 100 })), reason: 'truncated', status: 422 },
    {
      name: 'a JPEG whose header is garbage',
      make: async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xda, 0x00, 0x02, 0x00, 0xff, 0xd9])]),
      reason: 'corrupt',
      status: 422,
    },
  ])('$name → $reason ($status)', async ({ make, reason, status }) => {
    const refused = await rejection(await make())
    expect([refused.reason, refused.status]).toEqual([reason, status])
  })
})

describe('diagnoseImageData', () => {
  it('names damaged image data and passes good data', async () => {
    const good = await makePhoto({ width: 600, height: 400 })
    expect(await diagnoseImageData(good)).toBeNull()
    const bad = Buffer.from(good)
    bad.fill(0x5a, Math.floor(bad.length / 2), Math.floor(bad.length / 2) + 500)
    const diagnosis = await diagnoseImageData(bad)
    expect(diagnosis?.reason).toBe('corrupt')
    expect(diagnosis?.message).toMatch(/^The JPEG file is corrupt: its image data cannot be decoded \(.+\)\.$/)
  })
})

describe('placeholder', () => {
  it('is a 16-pixel-wide WebP data URI in the photo’s proportions, with its dominant colour', async () => {
    const { placeholder, dominantColor } = await buildPlaceholder(await makePhoto({ width: 1200, height: 800 }))
    const bytes = Buffer.from(placeholder.replace(/^data:image\/webp;base64,/, ''), 'base64')
    const metadata = await sharp(bytes).metadata()
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['webp', 16, 11])
    expect(placeholder.length).toBeLessThan(400)
    // Two thirds of the fixture are #2040e0.
    expect(dominantColor).toMatch(/^#(1[e-f]|2[0-2])(3[e-f]|4[0-2])(d[e-f]|e[0-2])$/)
  })

  it.each([
    { name: 'one colour', pixels: [10, 20, 30, 10, 20, 30], channels: 3, expected: '#0a141e' },
    { name: 'the majority wins', pixels: [255, 0, 0, 0, 0, 255, 0, 0, 250], channels: 3, expected: '#0000fd' },
    { name: 'alpha is skipped', pixels: [255, 255, 255, 0, 255, 255, 255, 0], channels: 4, expected: '#ffffff' },
    { name: 'no pixels', pixels: [], channels: 3, expected: '#000000' },
  ])('findDominantColor: $name', ({ pixels, channels, expected }) => {
    expect(findDominantColor(Uint8Array.from(pixels), channels)).toBe(expected)
  })
})
