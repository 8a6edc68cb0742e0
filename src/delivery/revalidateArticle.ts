import type { CollectionAfterChangeHook } from 'payload'

import { configuredEnv } from '../configuredEnv'
import { mayChangeLiveStatus } from '../workflow/mayChangeLiveStatus'
import { postRevalidationWebhooks, type RevalidationEvent } from './postRevalidationWebhooks'

/** What a save did to what readers see: went live, came down, changed while live, or nothing public. */
export function getRevalidationEvent(wasLive: boolean, isLive: boolean, draftSave: boolean): RevalidationEvent | undefined {
  if (draftSave) return undefined // a draft of a live story: readers still get the published version
  if (isLive && !wasLive) return 'publish'
  if (wasLive && !isLive) return 'unpublish'
  if (wasLive && isLive) return 'update'
  return undefined
}

/**
 * Tells front ends (REVALIDATE_WEBHOOK_URLS) which slugs to rebuild after a publish, an
 * unpublish or an edit of a live story. Never blocks the save; skipped for the importer
 * (`context.importing`) and when `context.skipRevalidate` is set.
 */
export const revalidateArticle: CollectionAfterChangeHook = ({ doc, previousDoc, operation, req, context }) => {
  const urls = configuredEnv(req.payload).REVALIDATE_WEBHOOK_URLS
  const switches = context as { importing?: boolean; skipRevalidate?: boolean }
  if (urls.length === 0 || switches.importing || switches.skipRevalidate) return doc
  // previousDoc is the latest version, which may be a pending draft of a live story: its workflow
  // stage (kept on drafts too) says whether readers had the story before this save.
  const wasLive = previousDoc?.workflowStage === 'published' || previousDoc?._status === 'published'
  const event = getRevalidationEvent(wasLive, doc?._status === 'published', !mayChangeLiveStatus({ doc, previousDoc, operation, context }))
  if (!event) return doc
  const slugs = [...new Set([doc.slug, previousDoc?.slug].filter((slug): slug is string => typeof slug === 'string' && slug !== ''))]
  void postRevalidationWebhooks(req.payload, urls, { slugs, event })
  return doc
}
