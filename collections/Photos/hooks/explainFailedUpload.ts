import { type CollectionAfterErrorHook, FileUploadError } from 'payload'

import { diagnoseImageData } from '../../../src/photos/preparePhotoUpload'
import { peekPreparedPhoto } from '../preparedPhotoContext'
import { toUploadError } from '../toUploadError'

/**
 * Payload answers a failure while making the sizes with a generic "There was a problem while
 * uploading the file." When that failure is image data damaged inside an intact file, this
 * replaces the answer with one that names the problem (422, "The JPEG file is corrupt: …").
 * Costs nothing on successful uploads: the diagnosis decodes only after a failure.
 * (REST answers pass through here; a Local API caller gets Payload's FileUploadError.)
 */
export const explainFailedUpload: CollectionAfterErrorHook = async ({ error, req }) => {
  const prepared = peekPreparedPhoto(req)
  if (!(error instanceof FileUploadError) || !prepared || !req.file) return
  const rejection = await diagnoseImageData(req.file.data)
  if (!rejection) return
  const { name, message, data, status } = toUploadError(rejection, prepared.originalName)
  return { response: { errors: [{ name, message, data: data as Record<string, unknown> }] }, status }
}
