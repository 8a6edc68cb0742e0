/**
 * The derivatives made for every photo: each width in the upload's own format (JPEG stays
 * JPEG: the fallback for e-mail, old WeChat builds and social cards) and as WebP (what every
 * current browser takes, about a third smaller). Heights follow the photo's aspect ratio:
 * front ends crop at display time around the photo's focal point (focalX/focalY, CSS
 * object-position), so one set of files serves every layout. Images narrower than a size keep
 * their own width rather than being enlarged, so every size always has a file.
 */
export const PHOTO_SIZE_WIDTHS = { thumbnail: 320, card: 768, hero: 1600 } as const

export type PhotoSizeName = keyof typeof PHOTO_SIZE_WIDTHS

export const WEBP_OPTIONS = { quality: 80 } as const

export interface DerivativeSpec {
  /** Payload image-size name: thumbnail, thumbnailWebp, card, cardWebp, hero, heroWebp. */
  name: string
  size: PhotoSizeName
  width: number
  /** 'webp', or null for the upload's own format with sharp's defaults. */
  format: 'webp' | null
}

export const PHOTO_DERIVATIVES: readonly DerivativeSpec[] = Object.entries(PHOTO_SIZE_WIDTHS).flatMap(([size, width]) => [
  { name: size, size: size as PhotoSizeName, width, format: null },
  { name: `${size}Webp`, size: size as PhotoSizeName, width, format: 'webp' as const },
])

/** "thumbnailWebp" → "thumbnail-webp", for file names. */
export function kebabSizeName(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
}
