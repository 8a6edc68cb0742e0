import type { Access } from 'payload'

/** Anonymous readers see a caption only when its article is published. */
export const captionOfPublishedOrSignedIn: Access = ({ req: { user } }) => {
  if (user) return true
  return { 'article._status': { equals: 'published' } }
}
