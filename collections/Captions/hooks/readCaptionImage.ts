import type { FieldHook } from 'payload'

import { toPhotoImage } from '../../../src/photos/photoImage'
import { loadCaptionPhoto } from './loadCaptionPhoto'

/**
 * The caption's `image`: what a front end needs to render the photo (URLs per size,
 * dimensions, alt, placeholder), present at every depth, so an article read at depth 1
 * carries its captions ready to render.
 */
export const readCaptionImage: FieldHook = async (args) => {
  const photo = await loadCaptionPhoto(args)
  return photo ? toPhotoImage(photo) : null
}
