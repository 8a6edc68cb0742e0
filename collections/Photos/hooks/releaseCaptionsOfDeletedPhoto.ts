import type { CollectionAfterDeleteHook } from 'payload'

import { CAPTIONS_SLUG } from '../../slugs'

/**
 * A deleted photo leaves its captions waiting for a photo again (back in the 待配图 queue)
 * instead of pointing at a document that no longer exists.
 */
export const releaseCaptionsOfDeletedPhoto: CollectionAfterDeleteHook = async ({ id, doc, req }) => {
  await req.payload.update({
    collection: CAPTIONS_SLUG,
    where: { photo: { equals: id } },
    data: { photo: null },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return doc
}
