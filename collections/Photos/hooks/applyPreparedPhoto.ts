import type { CollectionBeforeChangeHook } from 'payload'

import { buildPlaceholder, diagnoseImageData } from '../../../src/photos/preparePhotoUpload'
import { takePreparedPhoto } from '../preparedPhotoContext'
import { toUploadError } from '../toUploadError'

/** The derivative the placeholder is made from: small, and already in memory. */
const PLACEHOLDER_SOURCE = 'thumbnailWebp'

/**
 * Stores what was read from a newly uploaded file: camera make and model, the capture time
 * unless the request sets one itself, and the placeholder and dominant colour, made from the
 * thumbnail Payload has just produced rather than from a second decode of the original.
 * Runs before Payload writes any file, so a failure here leaves nothing behind.
 */
export const applyPreparedPhoto: CollectionBeforeChangeHook = async ({ data, req }) => {
  const prepared = takePreparedPhoto(req)
  if (!prepared || !req.file) return data
  const source = req.payloadUploadSizes?.[PLACEHOLDER_SOURCE] ?? req.file.data
  let placeholder
  try {
    placeholder = await buildPlaceholder(source)
  } catch (error) {
    const rejection = await diagnoseImageData(req.file.data)
    if (rejection) throw toUploadError(rejection, prepared.originalName)
    throw error
  }
  return {
    ...data,
    placeholder: placeholder.placeholder,
    dominantColor: placeholder.dominantColor,
    cameraMake: prepared.exif.cameraMake,
    cameraModel: prepared.exif.cameraModel,
    takenAt: data.takenAt || prepared.exif.takenAt || data.takenAt,
  }
}
