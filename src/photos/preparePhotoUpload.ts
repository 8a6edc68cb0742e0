import sharp, { type Metadata, type SharpOptions } from 'sharp'

import { describeBytes, detectImageFormat } from './detectImageFormat'
import { ACCEPTED_FORMATS_TEXT, PHOTO_FORMATS, type PhotoFormat } from './photoFormats'
import { PhotoRejection, rejectPhoto } from './photoRejection'
import { findDominantColor } from './findDominantColor'
import { type ExifFacts, readExifFacts } from './readExifFacts'
import { assertCompleteAvif, planMetadataStrip } from './stripMetadata'

export interface PrepareOptions {
  /** Largest accepted width × height (× frames): UPLOAD_MAX_PIXELS. */
  maxPixels: number
  /** Shown in messages. */
  fileName?: string
  /** The caller owns `bytes` outright (a freshly parsed upload): clean it in place instead of copying (see StripOptions). */
  inPlace?: boolean
}

/** An upload the photo desk accepts, ready to be stored: no location data left in it. */
export interface PreparedPhoto {
  format: PhotoFormat
  mimeType: string
  extension: string
  /** The file to store: the upload with its metadata removed (losslessly when upright), rotated upright otherwise. */
  data: Buffer
  /** Upright dimensions. */
  width: number
  height: number
  /** How the original was cleaned: 'stripped' (bytes copied, metadata left out) or 're-encoded' (rotated or AVIF). */
  cleaning: 'stripped' | 're-encoded'
  exif: Omit<ExifFacts, 'hasGps' | 'orientation'>
}

export interface Placeholder {
  /** A 16-px-wide blurred WebP as a data: URI, for front ends to show while the image loads. */
  placeholder: string
  /** The image's dominant colour as #rrggbb. */
  dominantColor: string
}

export const PLACEHOLDER_WIDTH = 16

/** Encoder settings for originals that must be re-encoded (rotated, or AVIF whose metadata cannot be cut out losslessly). */
const REENCODE_OPTIONS = {
  jpeg: { quality: 92 },
  png: { compressionLevel: 6 },
  webp: { quality: 90 },
  avif: { quality: 64, effort: 4 },
} as const

/**
 * Checks an upload and makes the file the CMS stores, without decoding its pixels unless it must
 * be rotated (or is AVIF). Steps, cheapest first: magic numbers → file structure (a cut-off file
 * is named truncated) → header dimensions against the pixel limit (nothing is decoded yet, so a
 * decompression bomb costs nothing) → EXIF facts → metadata removal. Pixel data that is damaged
 * inside an intact structure shows when the sizes are made; diagnoseImageData names it then.
 * No database, no file system. Throws a PhotoRejection naming the problem.
 */
export async function preparePhotoUpload(bytes: Buffer, options: PrepareOptions): Promise<PreparedPhoto> {
  const name = options.fileName ? `“${options.fileName}” ` : 'The file '
  const format = detectImageFormat(bytes)
  if (!format) {
    throw rejectPhoto('unsupported-type', `${name}is not a ${ACCEPTED_FORMATS_TEXT} image: its contents are ${describeBytes(bytes)}.`)
  }
  const { label } = PHOTO_FORMATS[format]
  // Walking the structure plans the lossless strip, which is used when the image is upright.
  const strip = format === 'avif' ? (assertCompleteAvif(bytes), null) : planMetadataStrip(bytes, format)
  const metadata = await readHeader(bytes, label)
  const frames = metadata.pages ?? 1
  const pixels = metadata.width * metadata.height * frames
  if (pixels > options.maxPixels) {
    const size = `${metadata.width} × ${metadata.height}${frames > 1 ? ` × ${frames} frames` : ''}`
    throw rejectPhoto(
      'too-many-pixels',
      `${name}has too many pixels: ${size} = ${formatMegapixels(pixels)}, above the limit of ${formatMegapixels(options.maxPixels)} (UPLOAD_MAX_PIXELS).`,
    )
  }
  const facts = readExifFacts(metadata.exif)
  const upright = (metadata.orientation ?? 1) === 1
  const decodeOptions = { limitInputPixels: options.maxPixels, animated: frames > 1 }
  let data: Buffer
  let cleaning: PreparedPhoto['cleaning']
  if (strip && upright) {
    data = strip.apply({ inPlace: options.inPlace })
    cleaning = 'stripped'
  } else {
    data = await decoding(label, () =>
      sharp(bytes, decodeOptions).rotate().keepIccProfile().toFormat(format, REENCODE_OPTIONS[format]).toBuffer(),
    )
    cleaning = 're-encoded'
  }
  const swapped = (metadata.orientation ?? 1) >= 5
  return {
    format,
    mimeType: PHOTO_FORMATS[format].mimeType,
    extension: PHOTO_FORMATS[format].extension,
    data,
    width: swapped ? metadata.height : metadata.width,
    height: swapped ? metadata.width : metadata.height,
    cleaning,
    exif: { takenAt: facts.takenAt, cameraMake: facts.cameraMake, cameraModel: facts.cameraModel },
  }
}

async function readHeader(bytes: Buffer, label: string): Promise<Metadata & { width: number; height: number }> {
  let metadata: Metadata
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch (error) {
    throw rejectPhoto('corrupt', `The ${label} file is corrupt: its header cannot be read (${describeError(error)}).`)
  }
  if (!metadata.width || !metadata.height) throw rejectPhoto('corrupt', `The ${label} file is corrupt: it states no dimensions.`)
  return metadata as Metadata & { width: number; height: number }
}

/** Runs a sharp step; a decoder failure becomes a 'corrupt' rejection quoting the decoder. */
async function decoding<T>(label: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (error) {
    if (error instanceof PhotoRejection) throw error
    throw rejectPhoto('corrupt', `The ${label} file is corrupt: its image data cannot be decoded (${describeError(error)}).`)
  }
}

/**
 * Why stored image data cannot be decoded, or null when it can: decodes it the way the sizes are
 * made (sharp's default strictness), for the message of an upload whose sizes failed.
 */
export async function diagnoseImageData(data: Buffer): Promise<PhotoRejection | null> {
  const format = detectImageFormat(data)
  if (!format) return null
  try {
    await sharp(data, { limitInputPixels: false }).rotate().resize({ width: 320, withoutEnlargement: true }).raw().toBuffer()
    return null
  } catch (error) {
    return rejectPhoto('corrupt', `The ${PHOTO_FORMATS[format].label} file is corrupt: its image data cannot be decoded (${describeError(error)}).`)
  }
}

/**
 * The tiny blurred WebP and the dominant colour. Made from the smallest derivative when there is
 * one (a 320-px decode instead of the original's), so it adds next to nothing to an upload.
 */
export async function buildPlaceholder(data: Buffer, decodeOptions: SharpOptions = {}): Promise<Placeholder> {
  const { data: pixels, info } = await sharp(data, { ...decodeOptions, animated: false })
    .rotate()
    .resize({ width: PLACEHOLDER_WIDTH })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const webp = await sharp(pixels, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .blur(0.6)
    .webp({ quality: 40 })
    .toBuffer()
  return {
    placeholder: `data:image/webp;base64,${webp.toString('base64')}`,
    dominantColor: findDominantColor(pixels, info.channels),
  }
}

function formatMegapixels(pixels: number): string {
  return `${(pixels / 1_000_000).toFixed(1).replace(/\.0$/, '')} MP`
}

function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim()
}
