import { APIError } from 'payload'

import type { PhotoRejection } from '../../src/photos/photoRejection'

/** A refused upload as Payload's API error: the rejection's status, its message, and { reason, file } as data. */
export function toUploadError(rejection: PhotoRejection, fileName: string): APIError {
  return new APIError(rejection.message, rejection.status, { reason: rejection.reason, file: fileName }, true)
}
