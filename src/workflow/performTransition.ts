import type { Payload, PayloadRequest, TypedUser } from 'payload'

import { createLocalReq } from 'payload'

import type { Stage } from './stages'

import { ARTICLES_SLUG } from '../../collections/slugs'
import { isLiveArticle } from './publishing/isLiveArticle'
import { contextWithGrant } from './publishing/operationState'
import { cancelScheduledChanges, queueScheduledChange } from './scheduling/scheduledChanges'
import { currentStage, explainRefusal, findTransition, type Action } from './transitions'
import { WorkflowError } from './workflowError'
import { acceptOverride, assertMayGoLive, publishGatesIn } from './publishing/publishGates'

export interface TransitionRequest {
  action: string
  comment?: string
  /** schedule: when the story goes live. */
  publishAt?: string
  /** schedule / unpublish: when it comes down (embargo end, takedown). */
  unpublishAt?: string
  /** publish / schedule: the chief editor goes ahead over unresolved importer warnings, saying why (audited). */
  overrideWarnings?: { reason?: string }
}

function parseFutureTime(value: string | undefined, field: string, now: Date): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const time = new Date(value)
  if (Number.isNaN(time.getTime())) throw new WorkflowError('invalid-time', { field })
  if (time.getTime() <= now.getTime()) throw new WorkflowError('time-not-future', { field })
  return time
}

/**
 * The publishing service: the one way to move an article from one workflow stage to another, and
 * so the one way (with Payload's schedulePublish jobs, which save as the chief editor who scheduled
 * and pass the same guard) to put content live or take it down. The transition endpoint, tests and
 * benchmarks all call it. It checks the table, then saves with a grant only it can make, which the
 * guard (publishing/guardArticleSave.ts) honours for this article and this save only, and turns
 * into the audit entry. Throws a WorkflowError (403 not allowed, 400 bad request) naming the reason.
 */
export async function performTransition(payload: Payload, req: PayloadRequest, articleId: string, request: TransitionRequest) {
  const user = req.user
  if (!user) throw new WorkflowError('sign-in-required')
  const transition = findTransition(request.action)
  if (!transition) throw new WorkflowError('unknown-action', { action: request.action })

  // Checked before the table, so an editor asking to override hears that only the chief editor may.
  const gates = publishGatesIn(payload)
  const overrideWarnings = acceptOverride(gates, user, request.overrideWarnings)

  const article = await payload.findByID({ collection: ARTICLES_SLUG, id: articleId, depth: 0, draft: true, overrideAccess: true, req })
  const refusal = explainRefusal(user as never, transition.action, article as never)
  if (refusal) throw new WorkflowError('transition-refused', { reason: refusal, reasonEn: explainRefusal(user as never, transition.action, article as never, 'en') ?? undefined })
  const comment = request.comment?.trim() || undefined
  if (transition.commentRequired && !comment) throw new WorkflowError('comment-required', { action: transition.action })

  const now = new Date()
  const publishAt = parseFutureTime(request.publishAt, 'publishAt', now)
  const unpublishAt = parseFutureTime(request.unpublishAt, 'unpublishAt', now)
  if (transition.action === 'schedule' && !publishAt) throw new WorkflowError('publish-time-required')
  if (publishAt && unpublishAt && unpublishAt <= publishAt) throw new WorkflowError('unpublish-before-publish')

  // The guard refuses the publish itself; refused here too, before any job is queued or cancelled.
  const isLive = await isLiveArticle(req, articleId)
  const putsLive = (transition.action === 'publish' && !isLive) || transition.action === 'schedule'
  if (putsLive && !overrideWarnings) assertMayGoLive(gates, article)

  const from: Stage = currentStage(article as never)
  // A takedown at a later time leaves the story live until then.
  const to: Stage = transition.action === 'unpublish' && unpublishAt ? 'published' : transition.to
  const data: Record<string, unknown> = { workflowStage: to }
  const action = transition.action as Action

  if (action === 'publish') Object.assign(data, { _status: 'published', scheduledPublishAt: null })
  if (action === 'unpublish' && !unpublishAt) Object.assign(data, { _status: 'draft', scheduledUnpublishAt: null })
  if (action === 'schedule') Object.assign(data, { scheduledPublishAt: publishAt!.toISOString(), scheduledUnpublishAt: unpublishAt?.toISOString() ?? null })
  if (action === 'unpublish' && unpublishAt) Object.assign(data, { scheduledUnpublishAt: unpublishAt.toISOString() })
  if (action === 'unschedule') Object.assign(data, { scheduledPublishAt: null, scheduledUnpublishAt: null })

  if (action === 'unschedule' || action === 'publish') await cancelScheduledChanges(payload, { articleId, type: 'publish', req })
  if (action === 'schedule') {
    await cancelScheduledChanges(payload, { articleId, req })
    await queueScheduledChange(payload, { articleId, type: 'publish', at: publishAt!, userId: user.id, req })
  }
  if (unpublishAt) await queueScheduledChange(payload, { articleId, type: 'unpublish', at: unpublishAt, userId: user.id, req })

  // A transition that neither publishes nor takes down now is saved as a draft version when the
  // story is live with pending edits: a plain save would write those edits (the latest version)
  // over the live document. The guard refuses any other live change under this grant.
  const changesLive = action === 'publish' || (action === 'unpublish' && !unpublishAt)
  const pendingEditsOfLiveStory = isLive && article._status !== 'published'
  const context = contextWithGrant(req.context, {
    articleId: String(article.id),
    action,
    from,
    to,
    by: String(user.id),
    comment: [comment, unpublishAt ? `定时撤稿：${unpublishAt.toISOString()}` : undefined].filter(Boolean).join('；') || undefined,
    overrideWarnings: putsLive ? overrideWarnings : undefined,
  })
  return payload.update({
    collection: ARTICLES_SLUG,
    id: articleId,
    data: data as never,
    depth: 0,
    draft: pendingEditsOfLiveStory && !changesLive,
    overrideAccess: true,
    context,
    req,
  })
}

/** The publishing service for callers that hold a user rather than a request: jobs, scripts, tests, benchmarks. */
export async function performTransitionAs(payload: Payload, user: TypedUser, articleId: string, request: TransitionRequest) {
  const req = await createLocalReq({ user }, payload)
  return performTransition(payload, req as PayloadRequest, articleId, request)
}
