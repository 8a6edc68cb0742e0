import type { FieldHookArgs } from 'payload'

import { createDataloaderCacheKey } from 'payload'

import { PHOTO_DEFAULT_POPULATE } from '../../../src/photos/photoDefaultPopulate'
import { PHOTOS_SLUG } from '../../slugs'

type CacheKeyArgs = Parameters<typeof createDataloaderCacheKey>[0]

/** The fields of a photo document that captions pass on to front ends. */
export interface CaptionPhotoSource {
  id: string
  alt?: string | null
  photographer?: string | null
  url?: string | null
  width?: number | null
  height?: number | null
  mimeType?: string | null
  placeholder?: string | null
  dominantColor?: string | null
  focalX?: number | null
  focalY?: number | null
  sizes?: Record<string, { url?: string | null; width?: number | null; height?: number | null; mimeType?: string | null } | undefined>
}

/**
 * The caption's photo, whatever depth the caption was read at: populated already, or loaded
 * through Payload's request dataloader (batched across all captions of a response, cached
 * within the request, and subject to the photos' read access — an anonymous reader gets
 * nothing for a photo no published article uses). Null when there is no photo to show.
 */
export async function loadCaptionPhoto({
  siblingData,
  req,
  overrideAccess,
  draft,
  showHiddenFields,
}: Pick<FieldHookArgs, 'siblingData' | 'req' | 'overrideAccess' | 'draft' | 'showHiddenFields'>): Promise<CaptionPhotoSource | null> {
  const photo = siblingData?.photo as string | number | CaptionPhotoSource | null | undefined
  if (photo === null || photo === undefined || photo === '') return null
  if (typeof photo === 'object') return photo
  const loaded = await req.payloadDataLoader.load(
    createDataloaderCacheKey({
      collectionSlug: PHOTOS_SLUG,
      currentDepth: 0,
      depth: 0,
      docID: photo,
      draft: Boolean(draft),
      // The fields a photo is embedded with elsewhere, which are all a caption's image and credit need.
      select: PHOTO_DEFAULT_POPULATE,
      fallbackLocale: req.fallbackLocale as CacheKeyArgs['fallbackLocale'],
      locale: req.locale as CacheKeyArgs['locale'],
      overrideAccess: Boolean(overrideAccess),
      showHiddenFields: Boolean(showHiddenFields),
      transactionID: req.transactionID as CacheKeyArgs['transactionID'],
    }),
  )
  return (loaded as CaptionPhotoSource | null | undefined) ?? null
}
