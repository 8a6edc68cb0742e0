import type { Payload } from 'payload'

import { createLocalReq } from 'payload'

import { relatedId, type Related } from '../../collections/relatedId'
import { CAPTIONS_SLUG } from '../../collections/slugs'
import { syncCaptionPublication, writeArticlePublished } from './syncCaptionPublication'

/**
 * Brings captions' `articlePublished` flags in step with their articles at start-up: sets it on
 * captions written before the flag existed, and repairs any that a write that was not atomic left
 * behind (FerretDB has no multi-document transactions). Captions of unpublished stories in one
 * update; the published stories of captions whose flag is not true get their captions recomputed
 * from their live body (a caption flagged true that the body no longer shows is not looked for:
 * that would read every published body at every start).
 */
export async function syncCaptionPublicationOnStart(payload: Payload): Promise<void> {
  await writeArticlePublished(payload, { 'article._status': { not_equals: 'published' } }, false)
  const { docs } = await payload.find({
    collection: CAPTIONS_SLUG,
    where: { and: [{ 'article._status': { equals: 'published' } }, { articlePublished: { not_equals: true } }] },
    select: { article: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const articleIds = new Set(docs.map((caption) => relatedId(caption.article as Related)).filter((id): id is string => id !== null))
  if (articleIds.size === 0) return
  const req = await createLocalReq({}, payload)
  for (const articleId of articleIds) await syncCaptionPublication(req, articleId)
}
