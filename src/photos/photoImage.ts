import type { Caption } from '../payload-types'

import { PHOTO_DERIVATIVES } from './photoSizes'

/** What a front end needs to render a photo: URLs per size, dimensions, alt, placeholder (a caption's `image`). */
export type PhotoImage = NonNullable<Caption['image']>

type SizeFile = { url?: string | null; width?: number | null; height?: number | null; mimeType?: string | null }

/** The fields of a photo document that make its PhotoImage (a populated Photos document has them all). */
export interface PhotoImageSource {
  url?: string | null
  width?: number | null
  height?: number | null
  mimeType?: string | null
  alt?: string | null
  placeholder?: string | null
  dominantColor?: string | null
  focalX?: number | null
  focalY?: number | null
  sizes?: Record<string, SizeFile | undefined> | null
}

/** A photo in the shape front ends get: every derivative listed, missing values as null. */
export function toPhotoImage(photo: PhotoImageSource): PhotoImage {
  return {
    url: photo.url ?? null,
    width: photo.width ?? null,
    height: photo.height ?? null,
    mimeType: photo.mimeType ?? null,
    alt: photo.alt ?? null,
    placeholder: photo.placeholder ?? null,
    dominantColor: photo.dominantColor ?? null,
    focalX: photo.focalX ?? null,
    focalY: photo.focalY ?? null,
    sizes: Object.fromEntries(
      PHOTO_DERIVATIVES.map(({ name }) => {
        const size = photo.sizes?.[name]
        return [name, { url: size?.url ?? null, width: size?.width ?? null, height: size?.height ?? null, mimeType: size?.mimeType ?? null }]
      }),
    ) as PhotoImage['sizes'],
  }
}
