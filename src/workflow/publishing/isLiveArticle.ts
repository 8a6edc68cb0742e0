import type { PayloadRequest } from 'payload'

import { ARTICLES_SLUG } from '../../../collections/slugs'

/**
 * Whether the article's live (main) document is published: what anonymous readers get. Not the
 * latest version, which for a live story with pending edits is a draft. False when it does not exist.
 */
export async function isLiveArticle(req: Pick<PayloadRequest, 'payload'> & Partial<PayloadRequest>, id: unknown): Promise<boolean> {
  if (id === undefined || id === null) return false
  const live = await req.payload.db.findOne({ collection: ARTICLES_SLUG, where: { id: { equals: String(id) } }, req })
  return (live as { _status?: string } | null)?._status === 'published'
}
