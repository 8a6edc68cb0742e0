import type { PayloadRequest } from 'payload'

import { ARTICLES_SLUG } from '../../collections/slugs'
import { getCaptionIdsInLocalizedBody } from '../photos/captionBlocks'

/** What the live (published) document of an article shows of its captions. */
export interface LiveCaptionUse {
  published: boolean
  /** Whether a caption of this article is shown: placed by a photo block in the live body (either script). */
  shows: (captionId: string | number | undefined) => boolean
}

const NOTHING: LiveCaptionUse = { published: false, shows: () => false }

/**
 * Which captions the article's live document shows. A caption is used by a published story while
 * its photo block stands in the published body. A published body with no photo block at all is a
 * story stored before photo blocks existed: its captions are all used, as the reader site prints
 * them after its body (until the body places them).
 */
export async function findCaptionsInLiveBody(req: PayloadRequest, articleId: string | number): Promise<LiveCaptionUse> {
  // The adapter's own read: the main (live) document, both scripts' bodies as stored, no hooks; and unlike
  // a Local API call with `locale: 'all'`, it leaves the caller's req.locale alone (the caption being saved needs it).
  const live = (await req.payload.db.findOne({
    collection: ARTICLES_SLUG,
    where: { id: { equals: String(articleId) } },
    locale: 'all',
    req,
  })) as { body?: unknown; _status?: string } | null
  if (live?._status !== 'published') return NOTHING
  const placed = getCaptionIdsInLocalizedBody(live.body)
  if (placed.size === 0) return { published: true, shows: () => true }
  return { published: true, shows: (captionId) => captionId !== undefined && placed.has(String(captionId)) }
}
