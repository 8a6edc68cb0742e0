/** Why an upload is refused; each reason has its HTTP status. */
export const REJECTION_STATUS = {
  /** Not a JPEG, PNG, WebP or AVIF image, whatever its name says. */
  'unsupported-type': 415,
  /** More pixels than UPLOAD_MAX_PIXELS (a decompression bomb, or simply too big). */
  'too-many-pixels': 413,
  /** The file ends before the image does. */
  truncated: 422,
  /** The bytes start like an image but cannot be decoded. */
  corrupt: 422,
} as const

export type RejectionReason = keyof typeof REJECTION_STATUS

/** A refused upload: the reason, its HTTP status and a message that names the problem. */
export class PhotoRejection extends Error {
  readonly status: number

  constructor(
    readonly reason: RejectionReason,
    message: string,
  ) {
    super(message)
    this.name = 'PhotoRejection'
    this.status = REJECTION_STATUS[reason]
  }
}

/** The one factory for refusals, so every message has the same shape. */
export function rejectPhoto(reason: RejectionReason, message: string): PhotoRejection {
  return new PhotoRejection(reason, message)
}
