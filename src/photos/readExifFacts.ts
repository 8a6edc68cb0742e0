/** What the photo desk keeps from a camera's EXIF block before the block itself is thrown away. */
export interface ExifFacts {
  /** DateTimeOriginal as an ISO instant; the camera's clock is taken as China time unless EXIF records an offset. */
  takenAt: string | null
  cameraMake: string | null
  cameraModel: string | null
  /** 1–8; 1 (or null) means upright. */
  orientation: number | null
  /** Whether the block carries a GPS IFD (location). */
  hasGps: boolean
}

export interface ReadExifOptions {
  /** UTC offset assumed for camera clocks without OffsetTimeOriginal; the newsroom's own zone by default. */
  defaultOffset?: string
}

const EMPTY: ExifFacts = { takenAt: null, cameraMake: null, cameraModel: null, orientation: null, hasGps: false }

const TAG = {
  make: 0x010f,
  model: 0x0110,
  orientation: 0x0112,
  dateTime: 0x0132,
  exifIfd: 0x8769,
  gpsIfd: 0x8825,
  dateTimeOriginal: 0x9003,
  dateTimeDigitized: 0x9004,
  offsetTime: 0x9010,
  offsetTimeOriginal: 0x9011,
} as const

const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 }
const MAX_ENTRIES = 512

interface Entry {
  type: number
  count: number
  valueOffset: number
}

/**
 * Reads capture time, camera and orientation from a raw EXIF block (as sharp's metadata()
 * returns it, with or without the "Exif\0\0" prefix). Pure; never throws: a damaged block
 * yields whatever could be read.
 */
export function readExifFacts(exif: Uint8Array | null | undefined, options: ReadExifOptions = {}): ExifFacts {
  if (!exif || exif.length < 8) return { ...EMPTY }
  const start = exif[0] === 0x45 && exif[1] === 0x78 && exif[2] === 0x69 && exif[3] === 0x66 ? 6 : 0
  const view = new DataView(exif.buffer, exif.byteOffset + start, exif.byteLength - start)
  try {
    return readTiff(view, options.defaultOffset ?? '+08:00')
  } catch (error) {
    if (error instanceof RangeError) return { ...EMPTY }
    throw error
  }
}

function readTiff(view: DataView, defaultOffset: string): ExifFacts {
  const order = view.getUint16(0)
  if (order !== 0x4949 && order !== 0x4d4d) return { ...EMPTY }
  const little = order === 0x4949
  if (view.getUint16(2, little) !== 42) return { ...EMPTY }
  const ifd0 = readIfd(view, view.getUint32(4, little), little)
  const exifPointer = ifd0.get(TAG.exifIfd)
  const exifIfd = exifPointer ? readIfd(view, readNumber(view, exifPointer, little) ?? 0, little) : new Map<number, Entry>()
  const gpsPointer = ifd0.get(TAG.gpsIfd)
  const text = (entries: Map<number, Entry>, tag: number) => {
    const entry = entries.get(tag)
    return entry ? readText(view, entry, little) : null
  }
  const orientation = ifd0.get(TAG.orientation)
  const orientationValue = orientation ? readNumber(view, orientation, little) : null
  const localTime =
    text(exifIfd, TAG.dateTimeOriginal) ?? text(exifIfd, TAG.dateTimeDigitized) ?? text(ifd0, TAG.dateTime)
  const offset = text(exifIfd, TAG.offsetTimeOriginal) ?? text(exifIfd, TAG.offsetTime) ?? defaultOffset
  return {
    takenAt: localTime ? parseExifDateTime(localTime, offset) : null,
    cameraMake: text(ifd0, TAG.make),
    cameraModel: text(ifd0, TAG.model),
    orientation: orientationValue !== null && orientationValue >= 1 && orientationValue <= 8 ? orientationValue : null,
    hasGps: Boolean(gpsPointer),
  }
}

function readIfd(view: DataView, offset: number, little: boolean): Map<number, Entry> {
  const entries = new Map<number, Entry>()
  if (offset <= 0 || offset + 2 > view.byteLength) return entries
  const count = Math.min(view.getUint16(offset, little), MAX_ENTRIES)
  for (let index = 0; index < count; index++) {
    const at = offset + 2 + index * 12
    if (at + 12 > view.byteLength) break
    const tag = view.getUint16(at, little)
    const type = view.getUint16(at + 2, little)
    const valueCount = view.getUint32(at + 4, little)
    const size = (TYPE_SIZES[type] ?? 1) * valueCount
    entries.set(tag, { type, count: valueCount, valueOffset: size <= 4 ? at + 8 : view.getUint32(at + 8, little) })
  }
  return entries
}

function readNumber(view: DataView, entry: Entry, little: boolean): number | null {
  if (entry.type === 3) return view.getUint16(entry.valueOffset, little)
  if (entry.type === 4 || entry.type === 13) return view.getUint32(entry.valueOffset, little)
  return null
}

function readText(view: DataView, entry: Entry, little: boolean): string | null {
  if (entry.type !== 2 && entry.type !== 7) return readNumber(view, entry, little)?.toString() ?? null
  if (entry.valueOffset + entry.count > view.byteLength) return null
  const bytes = new Uint8Array(view.buffer, view.byteOffset + entry.valueOffset, entry.count)
  const value = new TextDecoder('utf-8').decode(bytes).replace(/\0[\s\S]*$/, '').trim()
  return value.length > 0 ? value : null
}

/** "2024:05:01 09:30:00" at "+08:00" → "2024-05-01T01:30:00.000Z"; null for blank or impossible dates. */
export function parseExifDateTime(value: string, offset: string): string | null {
  const match = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim())
  if (!match) return null
  const zone = /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '+08:00'
  const [, year, month, day, hour, minute, second] = match
  if (year === '0000' || month === '00' || day === '00') return null
  const instant = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`)
  if (Number.isNaN(instant.getTime())) return null
  // Date rolls 2024-02-31 over to March; a camera clock that says so is wrong, not early March.
  const local = new Date(instant.getTime() + zoneMinutes(zone) * 60_000)
  if (local.getUTCDate() !== Number(day) || local.getUTCMonth() + 1 !== Number(month)) return null
  return instant.toISOString()
}

function zoneMinutes(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1
  const [hours, minutes] = zone.slice(1).split(':').map(Number)
  return sign * (hours! * 60 + minutes!)
}
