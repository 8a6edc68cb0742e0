import type { Payload, PayloadRequest, Where } from 'payload'

import { CAPTIONS_SLUG } from '../../collections/slugs'
import { isLiveArticle } from '../workflow/publishing/isLiveArticle'

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

/** Whether the article's live document (not a newer draft revision) is published; false when it does not exist. */
export async function isArticlePublished(req: PayloadRequest, articleId: string | number): Promise<boolean> {
  return isLiveArticle(req, articleId)
}

/**
 * Brings `articlePublished` of one article's captions in step with the article's live document.
 * Idempotent, so any hook after which the article's status may have changed just calls it.
 */
export async function syncCaptionPublication(req: PayloadRequest, articleId: string | number): Promise<void> {
  await writeArticlePublished(req.payload, { article: { equals: articleId } }, await isArticlePublished(req, articleId), req)
}
