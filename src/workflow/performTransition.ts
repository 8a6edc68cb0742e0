import type { Payload, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { WorkflowContext } from './context'
import type { Stage } from './stages'

import { ARTICLES_SLUG } from '../../collections/slugs'
import { cancelScheduledChanges, queueScheduledChange } from './scheduling'
import { currentStage, explainRefusal, findTransition, type Action } from './transitions'

export interface TransitionRequest {
  action: string
  comment?: string
  /** schedule: when the story goes live. */
  publishAt?: string
  /** schedule / unpublish: when it comes down (embargo end, takedown). */
  unpublishAt?: string
}

function parseFutureTime(value: string | undefined, field: string, now: Date): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const time = new Date(value)
  if (Number.isNaN(time.getTime())) throw new APIError(`${field}: 不是有效的时间（ISO 8601，如 2026-12-01T08:00:00+08:00）`, 400, null, true)
  if (time.getTime() <= now.getTime()) throw new APIError(`${field}: 时间须在将来`, 400, null, true)
  return time
}

/**
 * Moves an article from one workflow stage to another, as the table allows.
 * Throws an APIError (403 not allowed, 400 bad request) naming the reason.
 */
export async function performTransition(payload: Payload, req: PayloadRequest, articleId: string, request: TransitionRequest) {
  const user = req.user
  if (!user) throw new APIError('请先登录', 401, null, true)
  const transition = findTransition(request.action)
  if (!transition) throw new APIError(`action: 未知的操作“${request.action}”`, 400, null, true)

  const article = await payload.findByID({ collection: ARTICLES_SLUG, id: articleId, depth: 0, draft: true, overrideAccess: true, req })
  const refusal = explainRefusal(user as never, transition.action, article as never)
  if (refusal) throw new APIError(refusal, 403, null, true)
  const comment = request.comment?.trim() || undefined
  if (transition.commentRequired && !comment) throw new APIError(`comment: ${transition.label.zh}须填写原因`, 400, null, true)

  const now = new Date()
  const publishAt = parseFutureTime(request.publishAt, 'publishAt', now)
  const unpublishAt = parseFutureTime(request.unpublishAt, 'unpublishAt', now)
  if (transition.action === 'schedule' && !publishAt) throw new APIError('publishAt: 定时发布须指定发布时间', 400, null, true)
  if (publishAt && unpublishAt && unpublishAt <= publishAt) throw new APIError('unpublishAt: 撤稿时间须晚于发布时间', 400, null, true)

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

  const context: WorkflowContext = {
    ...(req.context as WorkflowContext),
    workflowTransition: {
      action,
      from,
      to,
      by: user.id,
      comment: [comment, unpublishAt ? `定时撤稿：${unpublishAt.toISOString()}` : undefined].filter(Boolean).join('；') || undefined,
    },
  }
  return payload.update({
    collection: ARTICLES_SLUG,
    id: articleId,
    data: data as never,
    depth: 0,
    overrideAccess: true,
    context: context as Record<string, unknown>,
    req,
  })
}
