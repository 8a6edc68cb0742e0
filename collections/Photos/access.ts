import type { Access } from 'payload'

/**
 * Anonymous readers get a photo only when a published article uses it (as hero photo or
 * through a caption); the newsroom sees every photo.
 *
 * Why a flag on the photo rather than a query through articles and captions: anonymous reads
 * (article pages at depth 1, /api/photos/file/… downloads) ask this on every request, and a
 * constraint on the photo's own indexed field costs one lookup on every database, FerretDB
 * included, which has no $lookup. The flag is kept true to the articles by hooks
 * (see src/visibility/syncPhotoUsage.ts); the cost moves to the rare writes: publishing, unpublishing,
 * changing a hero photo, attaching a photo to a caption.
 */
export const usedByPublishedOrSignedIn: Access = ({ req: { user } }) => {
  if (user) return true
  return { usedByPublished: { equals: true } }
}
