import type { Access } from 'payload'

/**
 * Anonymous readers see published documents only; newsroom users see drafts too.
 * Returning a query (not `false`) lets list endpoints answer with the public subset.
 */
export const publishedOrSignedIn: Access = ({ req: { user } }) => {
  if (user) return true
  return { _status: { equals: 'published' } }
}
