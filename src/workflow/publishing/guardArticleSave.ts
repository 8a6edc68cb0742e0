import type { CollectionBeforeChangeHook } from 'payload'

import { PRE_PUBLICATION_STAGES, type Stage } from '../stages'

import { currentStage, explainRefusal } from '../transitions'
import { classifyArticleSave, type LiveChange } from './classifyArticleSave'
import { isLiveArticle } from './isLiveArticle'
import { decisionKey } from './decisionKey'
import { readSaveIntent, recordDecision, takeGrant, type PendingAudit, type PublishingGrant } from './operationState'
import { WorkflowError } from '../workflowError'
import { applyOverride, assertMayGoLive, publishGatesOf } from './publishGates'

/** A takedown scheduled (with its reason) through the transition endpoint, whose time has come. */
function isScheduledTakedownDue(scheduledUnpublishAt: unknown, now: number): boolean {
  if (typeof scheduledUnpublishAt !== 'string') return false
  return new Date(scheduledUnpublishAt).getTime() <= now + 1000
}

/** The live changes each transition may make; anything else is a defect, refused rather than done. */
function grantAllows(grant: PublishingGrant, change: LiveChange): boolean {
  if (grant.action === 'publish') return change === 'publish' || change === 'live-edit'
  if (grant.action === 'unpublish' && grant.to === 'unpublished') return change === 'unpublish'
  // Other transitions change only workflow fields; on a live story with no pending edits the save
  // rewrites the live document with itself (the service saves as a draft when edits are pending).
  return change === 'none' || change === 'live-edit'
}

/**
 * The one publishing decision, on every save of an article through every door Payload opens: REST
 * and GraphQL with or without `draft`/`autosave`, bulk updates by `where` (Payload runs this per
 * document), version restores, the Local API with or without a user, and Payload's schedulePublish
 * jobs (they save as the user who scheduled). Whether the save makes, changes or takes down live
 * content is decided from what will be written (classifyArticleSave), never from a flag a caller
 * could set. A change of live content needs either a grant from the publishing service (the
 * transition endpoint) or a user the workflow table lets publish; it is audited. A story does not go
 * live over unresolved serious importer warnings unless the chief editor overrides them through the
 * service (src/importWarnings/). Everything else
 * touching live content is refused with a WorkflowError naming why.
 */
export const guardArticleSave: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, operation, req, context }) => {
  const gates = publishGatesOf(collection)
  const intent = readSaveIntent(context)
  const restoring = intent?.operation === 'restore'
  const id = operation === 'create' ? undefined : originalDoc?.id
  const key = decisionKey(operation, id)
  const from: Stage = operation === 'create' ? 'draft' : currentStage(originalDoc)

  // The stage changes only by transitions; a restore brings back content, never the stage or schedule.
  // (The importer, saving without a user, files new stories straight into 待审: a stage before publication.)
  if (operation === 'create') {
    const systemStage = !req.user && PRE_PUBLICATION_STAGES.includes(data.workflowStage) ? (data.workflowStage as Stage) : undefined
    data = { ...data, workflowStage: systemStage ?? 'draft' }
  }
  if (restoring && originalDoc) {
    data = {
      ...data,
      workflowStage: originalDoc.workflowStage,
      scheduledPublishAt: originalDoc.scheduledPublishAt,
      scheduledUnpublishAt: originalDoc.scheduledUnpublishAt,
    }
  }

  const save = {
    operation: restoring ? ('restore' as const) : operation,
    draft: intent ? intent.draft : undefined,
    incomingStatus: data._status,
    latestStatus: originalDoc?._status,
  }
  // The live document is read only when this save may write it (draft saves and autosaves skip it).
  const mayWriteLive = classifyArticleSave({ ...save, wasLive: false }).writesLiveDocument
  const wasLive = operation === 'update' && mayWriteLive ? await isLiveArticle(req, id) : false
  const decision = classifyArticleSave({ ...save, wasLive })

  const grant = id === undefined ? undefined : takeGrant(context, String(id))
  if (grant) {
    if (!grantAllows(grant, decision.change)) {
      throw new WorkflowError('transition-mismatch', { action: grant.action, change: decision.change })
    }
    // The publish gates (importer warnings): an accepted override is applied (and audited); without one, no story goes live past them.
    const settled = applyOverride(gates, data, originalDoc, grant.overrideWarnings, grant.by)
    if (decision.change === 'publish' && !settled.overridden) assertMayGoLive(gates, originalDoc, settled.data)
    const audit: PendingAudit = { action: grant.action, from: grant.from, to: grant.to, by: grant.by, comment: grant.comment }
    recordDecision(context, key, { ...decision, audit, warningOverride: settled.overridden })
    return { ...settled.data, workflowStage: grant.to }
  }

  if (decision.change === 'none') {
    recordDecision(context, key, decision)
    return data
  }
  const user = req.user
  if (!user) throw new WorkflowError('live-change-without-user', { change: decision.change })

  if (decision.change === 'publish' || decision.change === 'live-edit') {
    const story = { ...originalDoc, workflowStage: from, createdBy: originalDoc?.createdBy ?? user.id }
    const refusal = explainRefusal(user as never, 'publish', story)
    if (refusal) throw new WorkflowError('publish-refused', { reason: refusal, reasonEn: explainRefusal(user as never, 'publish', story, 'en') ?? undefined })
    if (decision.change === 'publish') assertMayGoLive(gates, originalDoc, data)
    const comment = from === 'scheduled' ? '定时发布' : decision.change === 'live-edit' ? '修改已发布稿件' : undefined
    recordDecision(context, key, { ...decision, audit: { action: 'publish', from, to: 'published', by: String(user.id), comment } })
    return { ...data, workflowStage: 'published', scheduledPublishAt: null }
  }

  // An unpublish: through the transition endpoint (with a reason), or Payload's job at the takedown time set there.
  const refusal = explainRefusal(user as never, 'unpublish', { ...originalDoc, workflowStage: from })
  if (refusal) throw new WorkflowError('unpublish-refused', { reason: refusal, reasonEn: explainRefusal(user as never, 'unpublish', { ...originalDoc, workflowStage: from }, 'en') ?? undefined })
  if (!isScheduledTakedownDue(originalDoc?.scheduledUnpublishAt, Date.now())) throw new WorkflowError('unpublish-needs-transition')
  recordDecision(context, key, { ...decision, audit: { action: 'unpublish', from, to: 'unpublished', by: String(user.id), comment: '定时撤稿' } })
  return { ...data, workflowStage: 'unpublished', scheduledUnpublishAt: null }
}
