import type { FieldHook } from 'payload'

import { PHOTO_DERIVATIVES } from '../../../src/photos/photoSizes'
import { loadCaptionPhoto } from './loadCaptionPhoto'

/**
 * The caption's `image`: what a front end needs to render the photo (URLs per size,
 * dimensions, alt, placeholder), present at every depth, so an article read at depth 1
 * carries its captions ready to render.
 */
export const readCaptionImage: FieldHook = async (args) => {
  const photo = await loadCaptionPhoto(args)
  if (!photo) return null
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
    ),
  }
}
