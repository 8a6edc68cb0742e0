import type { Payload } from 'payload'

import { writeArticlePublished } from './syncCaptionPublication'

/**
 * Brings every caption's `articlePublished` flag in step with its article at start-up: sets it on
 * captions written before the flag existed, and repairs any that a write that was not atomic left
 * behind (FerretDB has no multi-document transactions). Two updates that touch only captions whose
 * flag is wrong.
 */
export async function syncCaptionPublicationOnStart(payload: Payload): Promise<void> {
  await writeArticlePublished(payload, { 'article._status': { equals: 'published' } }, true)
  await writeArticlePublished(payload, { 'article._status': { not_equals: 'published' } }, false)
}
