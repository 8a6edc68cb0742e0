import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { relatedId } from '../../../collections/relatedId'
import { syncPhotoUsage } from '../syncPhotoUsage'

/** A caption that gains, loses or moves a photo may make that photo public or private. */
export const syncPhotoUsageOfCaption: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const photo = relatedId(doc?.photo)
  const previousPhoto = relatedId(previousDoc?.photo)
  const articleMoved = relatedId(doc?.article) !== relatedId(previousDoc?.article)
  if (photo === previousPhoto && !articleMoved) return doc
  await syncPhotoUsage(req, [photo, previousPhoto])
  return doc
}

export const syncPhotoUsageOfDeletedCaption: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await syncPhotoUsage(req, [doc?.photo])
  return doc
}
