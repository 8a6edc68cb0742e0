/** The image formats the photo desk accepts, recognised from their bytes. */
export const PHOTO_FORMATS = {
  jpeg: { mimeType: 'image/jpeg', extension: 'jpg', label: 'JPEG' },
  png: { mimeType: 'image/png', extension: 'png', label: 'PNG' },
  webp: { mimeType: 'image/webp', extension: 'webp', label: 'WebP' },
  avif: { mimeType: 'image/avif', extension: 'avif', label: 'AVIF' },
} as const

export type PhotoFormat = keyof typeof PHOTO_FORMATS

export const PHOTO_MIME_TYPES: string[] = Object.values(PHOTO_FORMATS).map(({ mimeType }) => mimeType)

/** "JPEG, PNG, WebP or AVIF", for messages. */
export const ACCEPTED_FORMATS_TEXT = (() => {
  const labels = Object.values(PHOTO_FORMATS).map(({ label }) => label)
  return `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`
})()
