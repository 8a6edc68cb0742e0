import type { PayloadRequest } from 'payload'

import { relatedId, type Related } from '../../collections/relatedId'
import { ARTICLES_SLUG, CAPTIONS_SLUG, PHOTOS_SLUG } from '../../collections/slugs'

/**
 * Recomputes `usedByPublished` for the given photos from the articles' current (published)
 * documents: true when a published article has the photo as its hero photo, or a caption its
 * published body shows carries it. Idempotent, so any hook that may have changed a photo's use just calls it;
 * writes only the photos whose flag changes. Runs in the caller's transaction (req).
 */
export async function syncPhotoUsage(req: PayloadRequest, photoIds: Iterable<Related>): Promise<void> {
  const ids = [...new Set([...photoIds].map(relatedId).filter((id): id is string => id !== null))]
  for (const id of ids) {
    const used = await isUsedByPublishedArticle(req, id)
    const photo = await req.payload
      .findByID({ collection: PHOTOS_SLUG, id, depth: 0, overrideAccess: true, req, select: { usedByPublished: true } })
      .catch(() => null)
    if (!photo || Boolean(photo.usedByPublished) === used) continue
    // A raw write of one system field: no hooks (nothing about the photo itself changed, and its upload
    // hooks must not see this request's file, if any), no updatedAt bump, and no req.context left behind.
    await req.payload.db.updateOne({ collection: PHOTOS_SLUG, id, data: { usedByPublished: used }, req, returning: false })
  }
}

/**
 * Articles are read without `draft`, so a draft edit of a published story does not count until it
 * is published. A caption shows its photo to readers exactly while its `articlePublished` flag is
 * true (its block stands in a published body, see syncCaptionPublication), so the article hooks
 * bring the captions' flags in step before the photos' (visibilityPlugin.ts).
 */
async function isUsedByPublishedArticle(req: PayloadRequest, photoId: string): Promise<boolean> {
  const { payload } = req
  const asHero = await payload.count({
    collection: ARTICLES_SLUG,
    where: { and: [{ heroPhoto: { equals: photoId } }, { _status: { equals: 'published' } }] },
    overrideAccess: true,
    req,
  })
  if (asHero.totalDocs > 0) return true
  const shownCaptions = await payload.count({
    collection: CAPTIONS_SLUG,
    where: { and: [{ photo: { equals: photoId } }, { articlePublished: { equals: true } }] },
    overrideAccess: true,
    req,
  })
  return shownCaptions.totalDocs > 0
}
