import sharp from 'sharp'

/** Real images for the photo desk's tests, generated with sharp: every accepted format, EXIF with GPS, rotation. */

export type FixtureFormat = 'jpeg' | 'png' | 'webp' | 'avif'

export interface FixtureOptions {
  width?: number
  height?: number
  format?: FixtureFormat
  /** EXIF orientation to record (the pixels stay as drawn). */
  orientation?: number
  /** Camera, capture time and a GPS position in EXIF, and a GPS position in XMP. */
  withCameraAndGps?: boolean
}

export const FIXTURE_CAMERA = {
  make: 'Canon',
  model: 'Canon EOS R6',
  dateTimeOriginal: '2024:05:01 09:30:00',
  /** 09:30 in Pingxiang (+08:00). */
  takenAt: '2024-05-01T01:30:00.000Z',
}

const GPS_XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="27,37.5N" exif:GPSLongitude="113,51.2E"/>' +
  '</rdf:RDF></x:xmpmeta>'

/** A photo whose left third is red and the rest blue, so rotation can be checked from the pixels. */
export async function makePhoto(options: FixtureOptions = {}): Promise<Buffer> {
  const { width = 1200, height = 800, format = 'jpeg', orientation, withCameraAndGps = false } = options
  const third = Math.floor(width / 3)
  const red = await sharp({ create: { width: third, height, channels: 3, background: '#e02020' } }).png().toBuffer()
  let image = sharp({ create: { width, height, channels: 3, background: '#2040e0' } })
    .composite([{ input: red, left: 0, top: 0 }])
    .toFormat(format, format === 'avif' ? { effort: 0, quality: 50 } : {})
  if (withCameraAndGps) {
    image = image
      .withExif({
        IFD0: { Make: FIXTURE_CAMERA.make, Model: FIXTURE_CAMERA.model },
        IFD2: { DateTimeOriginal: FIXTURE_CAMERA.dateTimeOriginal },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '27/1 37/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 51/1 12/1' },
      })
      .withXmp(GPS_XMP)
  }
  if (orientation) image = image.withMetadata({ orientation })
  return image.toBuffer()
}

/** A decompression bomb: 10000 × 10000 pixels of one grey (100 MP, 300 MB decoded) in about 300 KB of PNG. */
export async function makePixelBomb(): Promise<Buffer> {
  return sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#808080' } })
    .png({ compressionLevel: 9 })
    .toBuffer()
}

/** The first `fraction` of a file, as an interrupted transfer leaves it. */
export function truncate(bytes: Buffer, fraction = 0.6): Buffer {
  return Buffer.from(bytes.subarray(0, Math.floor(bytes.length * fraction)))
}

/** Whether any location survives in a stored file: EXIF GPS IFD, or GPS in XMP. */
export async function readLocationTraces(bytes: Buffer): Promise<string[]> {
  const { readExifFacts } = await import('../../src/photos/readExifFacts')
  const metadata = await sharp(bytes).metadata()
  const traces: string[] = []
  if (readExifFacts(metadata.exif).hasGps) traces.push('EXIF GPS')
  if (metadata.xmp && /GPS/i.test(metadata.xmp.toString('utf8'))) traces.push('XMP GPS')
  if (bytes.includes(Buffer.from('GPSLatitude'))) traces.push('GPSLatitude bytes')
  return traces
}

export interface UploadOptions {
  /** The file name the client sends (may lie about the type). */
  name?: string
  /** The MIME type the client declares (may lie too). */
  type?: string
  /** The other fields, sent as Payload's `_payload` JSON. */
  data?: Record<string, unknown>
  token?: string
  /** PATCH /api/photos/:id replaces the file of an existing photo. */
  replace?: string
}

/** Uploads a file as the admin and other clients do: multipart POST /api/photos with `file` and `_payload`. */
export async function uploadPhoto(
  baseUrl: string,
  bytes: Buffer | Blob,
  { name = 'photo.jpg', type = 'image/jpeg', data = { alt: '测试图片' }, token, replace }: UploadOptions = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData()
  form.append('file', bytes instanceof Blob ? bytes : new Blob([new Uint8Array(bytes)], { type }), name)
  form.append('_payload', JSON.stringify(data))
  const response = await fetch(`${baseUrl}/api/photos${replace ? `/${replace}` : ''}`, {
    method: replace ? 'PATCH' : 'POST',
    // A refused upload is answered before its body is read; a fresh connection per upload keeps
    // the next request off a socket the server is closing.
    headers: { connection: 'close', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: form,
  })
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // Not JSON: the raw text is what the caller sees.
  }
  return { status: response.status, body }
}
