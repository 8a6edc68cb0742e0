import type { Access } from 'payload'

/**
 * Anonymous readers see a caption only when its article is published.
 *
 * Why a flag on the caption rather than a query through its article (`article._status`): every
 * anonymous article read at depth 1 asks this twice (its captions join, then their population),
 * and a constraint across the relationship costs a join per caption, a `$lookup` on MongoDB, and
 * on FerretDB (no `$lookup`) a scan of every article for the ids of all published ones. A
 * constraint on the caption's own field costs nothing more on any database. Hooks keep the flag
 * true to the article (see src/visibility/); the cost moves to the rare writes.
 */
export const captionOfPublishedOrSignedIn: Access = ({ req: { user } }) => {
  if (user) return true
  return { articlePublished: { equals: true } }
}
