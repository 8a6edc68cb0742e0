import type { PhotoImage } from '../photos/photoImage'

import { PHOTO_DERIVATIVES, type PhotoSizeName } from '../photos/photoSizes'

/** A photo ready to render: a caption's computed `image`, or a hero photo through toPhotoImage (src/photos/photoImage.ts). */
export type ReaderImage = PhotoImage

type SizeFile = ReaderImage['sizes'][keyof ReaderImage['sizes']]

/**
 * A `srcset` of the photo's derivatives in one format (the upload's own, or WebP), widest
 * last: "…-thumbnail-320x213.jpg 320w, …-card-768x512.jpg 768w". Sizes missing a file are left
 * out, and so is a second file of the same width (a small photo is never enlarged, so its card
 * and hero can share its own width). Empty when no derivative has a file.
 */
export function buildSrcSet(image: ReaderImage, format: 'original' | 'webp'): string {
  const seen = new Set<number>()
  const entries: string[] = []
  const sizes = PHOTO_DERIVATIVES.filter((spec) => (format === 'webp' ? spec.format === 'webp' : spec.format === null))
    .map((spec) => image.sizes[spec.name as keyof ReaderImage['sizes']])
    .filter((file): file is SizeFile & { url: string; width: number } => Boolean(file?.url && file.width))
    .sort((a, b) => a.width - b.width)
  for (const file of sizes) {
    if (seen.has(file.width)) continue
    seen.add(file.width)
    // Payload's file URLs are already percent-encoded, so they hold no space or comma.
    entries.push(`${file.url} ${file.width}w`)
  }
  return entries.join(', ')
}

/** The file for browsers that ignore `srcset`: the card size, else the original. */
export function pickFallbackUrl(image: ReaderImage, size: PhotoSizeName = 'card'): string | null {
  return image.sizes[size]?.url ?? image.url
}
