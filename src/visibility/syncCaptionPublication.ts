import type { Payload, PayloadRequest, Where } from 'payload'

import { CAPTIONS_SLUG } from '../../collections/slugs'
import { findCaptionsInLiveBody } from './findCaptionsInLiveBody'

/**
 * Sets `articlePublished` on the given captions, writing only those whose flag differs (or was
 * never set: captions from before the flag existed). A raw write of one system field: no hooks,
 * no updatedAt bump. Runs in the caller's transaction when given its req.
 */
export async function writeArticlePublished(payload: Payload, captions: Where, published: boolean, req?: PayloadRequest): Promise<void> {
  await payload.db.updateMany({
    collection: CAPTIONS_SLUG,
    where: { and: [captions, { or: [{ articlePublished: { not_equals: published } }, { articlePublished: { exists: false } }] }] },
    data: { articlePublished: published },
    req,
    returning: false,
  })
}

/**
 * Whether the article's live document (not a newer draft revision) is published and shows the
 * caption in its body (see findCaptionsInLiveBody); false when the article does not exist.
 */
export async function isShownByLiveArticle(req: PayloadRequest, articleId: string | number, captionId: string | number | undefined): Promise<boolean> {
  return (await findCaptionsInLiveBody(req, articleId)).shows(captionId)
}

/**
 * Brings `articlePublished` of one article's captions in step with the article's live document:
 * true for the captions its published body shows, false for the others. Idempotent, so any hook
 * after which the article's status or live body may have changed just calls it.
 */
export async function syncCaptionPublication(req: PayloadRequest, articleId: string | number): Promise<void> {
  const ofArticle: Where = { article: { equals: articleId } }
  const use = await findCaptionsInLiveBody(req, articleId)
  if (!use.published) return writeArticlePublished(req.payload, ofArticle, false, req)
  const { docs } = await req.payload.find({
    collection: CAPTIONS_SLUG,
    where: ofArticle,
    select: { article: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const shown = docs.filter((caption) => use.shows(caption.id)).map((caption) => caption.id)
  const hidden = docs.filter((caption) => !use.shows(caption.id)).map((caption) => caption.id)
  if (shown.length > 0) await writeArticlePublished(req.payload, { id: { in: shown } }, true, req)
  if (hidden.length > 0) await writeArticlePublished(req.payload, { id: { in: hidden } }, false, req)
}
