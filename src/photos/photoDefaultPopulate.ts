import type { SelectType } from 'payload'

/**
 * The fields of a photo that other documents embed (a story's hero photo at depth 1) and that
 * captions render from (their `image` and credit line): the file, its sizes and how to show it.
 * The photo desk's own records (EXIF, district, usage flag, timestamps) stay on
 * /api/photos. Payload selects only these when it populates a photo (`defaultPopulate`).
 */
export const PHOTO_DEFAULT_POPULATE = {
  alt: true,
  photographer: true,
  defaultCaption: true,
  filename: true,
  url: true,
  thumbnailURL: true,
  mimeType: true,
  // Feeds and ninjs give each rendition's size in bytes.
  filesize: true,
  width: true,
  height: true,
  focalX: true,
  focalY: true,
  placeholder: true,
  dominantColor: true,
  sizes: true,
} satisfies SelectType
