import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { relatedId } from '../../../collections/relatedId'
import { CAPTIONS_SLUG } from '../../../collections/slugs'
import { mayChangeLiveStatus } from '../../workflow/mayChangeLiveStatus'
import { syncPhotoUsage } from '../syncPhotoUsage'

async function photosOfCaptions(req: PayloadRequest, articleId: string | number) {
  const captions = await req.payload.find({
    collection: CAPTIONS_SLUG,
    where: { article: { equals: articleId } },
    select: { photo: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return captions.docs.map((caption) => caption.photo as string | null | undefined)
}

/**
 * After an article is saved: when its publication status may have changed (see
 * mayChangeLiveStatus) or its hero photo changed, the photos it uses (old and new hero, its
 * captions' photos) may have become public or private.
 * Draft saves and autosaves that change neither cost nothing.
 */
export const syncPhotosOfArticle: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, context, req }) => {
  const statusChanged = mayChangeLiveStatus({ doc, previousDoc, operation, context })
  const hero = relatedId(doc?.heroPhoto)
  const previousHero = relatedId(previousDoc?.heroPhoto)
  if (!statusChanged && hero === previousHero) return doc
  const photos = [hero, previousHero, ...(statusChanged ? await photosOfCaptions(req, doc.id) : [])]
  await syncPhotoUsage(req, photos)
  return doc
}

/** After an article is deleted, its photos may no longer be used by anything published. */
export const syncPhotosOfDeletedArticle: CollectionAfterDeleteHook = async ({ doc, id, req }) => {
  await syncPhotoUsage(req, [doc?.heroPhoto, ...(await photosOfCaptions(req, id))])
  return doc
}
