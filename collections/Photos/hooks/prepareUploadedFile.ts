import fs from 'node:fs/promises'

import type { CollectionBeforeOperationHook } from 'payload'

import { configuredEnv } from '../../../src/configuredEnv'
import { PhotoRejection } from '../../../src/photos/photoRejection'
import { preparePhotoUpload } from '../../../src/photos/preparePhotoUpload'
import { rememberPreparedPhoto } from '../preparedPhotoContext'
import { toUploadError } from '../toUploadError'

/**
 * Checks every uploaded file before Payload stores anything, and swaps in the cleaned file:
 * the type comes from the bytes (the name and declared MIME type are ignored), the pixel count
 * is checked against UPLOAD_MAX_PIXELS from the header, location and other metadata are
 * removed, and the file name gets the extension of what the file really is.
 *
 * A refused file never reaches Payload's upload step, so nothing is written to MEDIA_DIR and
 * no document is created; the caller gets a 4xx whose message names the problem.
 */
export const prepareUploadedFile: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file) return args
  // Payload checks access after this hook; a caller who may not upload gets its 403 without the file being read.
  if (!args.overrideAccess && !(await collection.access[operation]({ req, data: args.data }))) return args
  const file = req.file
  const bytes = file.tempFilePath && file.data.length === 0 ? await fs.readFile(file.tempFilePath) : file.data
  try {
    const prepared = await preparePhotoUpload(bytes, {
      maxPixels: configuredEnv(req.payload).UPLOAD_MAX_PIXELS,
      fileName: file.name,
      // A REST upload's buffer was made by Payload's multipart parser for this request alone; a Local API
      // caller's buffer is theirs, and is never written to.
      inPlace: req.payloadAPI === 'REST' && bytes === file.data,
    })
    req.file = {
      data: prepared.data,
      mimetype: prepared.mimeType,
      name: withExtension(file.name, prepared.extension),
      size: prepared.data.length,
    }
    if (file.tempFilePath) await fs.rm(file.tempFilePath, { force: true })
    rememberPreparedPhoto(req, { exif: prepared.exif, cleaning: prepared.cleaning, originalName: file.name })
    req.payload.logger.debug({ file: file.name, format: prepared.format, cleaning: prepared.cleaning }, 'photo prepared')
  } catch (error) {
    if (error instanceof PhotoRejection) throw toUploadError(error, file.name)
    throw error
  }
  return args
}

/** "IMG_0001.JPG" → "IMG_0001.jpg"; "scan.png" that is really a JPEG → "scan.jpg". */
export function withExtension(name: string, extension: string): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'photo'
  return `${base}.${extension}`
}
