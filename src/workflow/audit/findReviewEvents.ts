import type { Payload, TypedUser, Where } from 'payload'

import { ARTICLES_SLUG, WORKFLOW_EVENTS_SLUG } from '../../../collections/slugs'

export interface ReviewEvent {
  articleId: string
  action: 'request-changes' | 'approve'
  comment: string | null
  byName: string | null
  at: string
}

function toReviewEvent(doc: Record<string, unknown>): ReviewEvent {
  const article = doc.article && typeof doc.article === 'object' ? (doc.article as { id: unknown }).id : doc.article
  return {
    articleId: String(article),
    action: doc.action as ReviewEvent['action'],
    comment: typeof doc.comment === 'string' ? doc.comment : null,
    byName: typeof doc.byName === 'string' ? doc.byName : null,
    at: String(doc.at),
  }
}

/** The latest return (request-changes) of each of these stories, read as this user: why it came back, who said so and when. */
export async function findReturnReasons(payload: Payload, user: TypedUser, articleIds: readonly (string | number)[]): Promise<Map<string, ReviewEvent>> {
  const reasons = new Map<string, ReviewEvent>()
  if (articleIds.length === 0) return reasons
  const events = await payload.find({
    collection: WORKFLOW_EVENTS_SLUG,
    where: { and: [{ article: { in: articleIds.map(String) } }, { action: { equals: 'request-changes' } }] },
    sort: '-at',
    limit: 100,
    depth: 0,
    user,
    overrideAccess: false,
    select: { article: true, action: true, comment: true, byName: true, at: true },
  })
  for (const doc of events.docs) {
    const event = toReviewEvent(doc as never)
    if (!reasons.has(event.articleId)) reasons.set(event.articleId, event)
  }
  return reasons
}

export interface ReviewComparison {
  /** What the story was last measured against: its return or its approval. */
  event: ReviewEvent
  /** The version saved by that return or approval. */
  fromVersionId: string
  /** The story's latest version; equal to fromVersionId when nothing changed since. */
  toVersionId: string
}

/**
 * The versions to compare for "what changed since it was returned / last approved": the version the
 * return or approval saved (the latest one written at or before the audit entry, which is written
 * just after that save) and the story's latest version. Null when the story was never returned or approved.
 */
export async function findReviewComparison(payload: Payload, user: TypedUser, articleId: string | number): Promise<ReviewComparison | null> {
  const events = await payload.find({
    collection: WORKFLOW_EVENTS_SLUG,
    where: { and: [{ article: { equals: String(articleId) } }, { action: { in: ['request-changes', 'approve'] } }] },
    sort: '-at',
    limit: 1,
    depth: 0,
    user,
    overrideAccess: false,
  })
  const eventDoc = events.docs[0]
  if (!eventDoc) return null
  const event = toReviewEvent(eventDoc as never)
  const versionsOf = (extra: Where[]) =>
    payload.findVersions({
      collection: ARTICLES_SLUG,
      where: { and: [{ parent: { equals: String(articleId) } }, ...extra] },
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      user,
      overrideAccess: false,
      select: { updatedAt: true },
    })
  const [atEvent, latest] = await Promise.all([versionsOf([{ updatedAt: { less_than_equal: event.at } }]), versionsOf([])])
  const from = atEvent.docs[0]
  const to = latest.docs[0]
  if (!from || !to) return null
  return { event, fromVersionId: String(from.id), toVersionId: String(to.id) }
}
