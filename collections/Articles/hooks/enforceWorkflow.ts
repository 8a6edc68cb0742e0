import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { WorkflowContext } from '../../../src/workflow/context'

import { currentStage, explainRefusal } from '../../../src/workflow/transitions'
import { ARTICLES_SLUG } from '../../slugs'

/** A takedown scheduled (with its reason) through the transition endpoint, whose time has come. */
function isScheduledTakedownDue(scheduledUnpublishAt: unknown, now: number): boolean {
  if (typeof scheduledUnpublishAt !== 'string') return false
  return new Date(scheduledUnpublishAt).getTime() <= now + 1000
}

/**
 * The workflow's server-side guard, on every path that saves an article (REST,
 * GraphQL, the Local API with a user, Payload's own Publish/Unpublish buttons and
 * its schedulePublish jobs): going live or coming down is a transition, and the
 * table in src/workflow/transitions.ts decides who may. A refusal is a 403 that says why.
 */
/**
 * Whether the live (main) document is published. originalDoc is the latest version, which for a
 * live story with pending edits is a draft: it cannot tell whether this save would take the story down.
 */
async function isLive(req: PayloadRequest, id: unknown): Promise<boolean> {
  if (id === undefined || id === null) return false
  const live = await req.payload.db.findOne({ collection: ARTICLES_SLUG, where: { id: { equals: id as string } }, req })
  return (live as { _status?: string } | null)?._status === 'published'
}

export const enforceWorkflow: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  const workflow = context as WorkflowContext
  if (workflow.workflowTransition) return { ...data, workflowStage: workflow.workflowTransition.to }
  if (operation === 'create') {
    if (!req.user) return { ...data, workflowStage: data.workflowStage ?? 'draft' }
    data = { ...data, workflowStage: 'draft' }
  }
  if (workflow.restoring && originalDoc) {
    // A restored version brings back content; the story stays where the workflow has it.
    data = {
      ...data,
      workflowStage: originalDoc.workflowStage,
      scheduledPublishAt: originalDoc.scheduledPublishAt,
      scheduledUnpublishAt: originalDoc.scheduledUnpublishAt,
    }
  }
  if (!req.user) return data // the importer and start-up tasks, which run without a user

  const from = currentStage(originalDoc)
  const wantsPublish = data._status === 'published' && !workflow.draftSave
  // A save that is not a draft replaces the live document: if that leaves it unpublished, it is an unpublish.
  const liveBefore = operation === 'update' && !workflow.draftSave && !wantsPublish && (await isLive(req, originalDoc?.id))
  const wantsUnpublish = liveBefore && (data._status ?? originalDoc?._status) !== 'published'

  if (wantsPublish) {
    const refusal = explainRefusal(req.user as never, 'publish', { ...originalDoc, workflowStage: from, createdBy: originalDoc?.createdBy ?? req.user.id })
    if (refusal) throw new APIError(`不能发布：${refusal}`, 403, null, true)
    workflow.workflowAudit = { action: 'publish', from, to: 'published', by: req.user.id, comment: from === 'scheduled' ? '定时发布' : undefined }
    return { ...data, workflowStage: 'published', scheduledPublishAt: null }
  }
  if (wantsUnpublish) {
    const refusal = explainRefusal(req.user as never, 'unpublish', { ...originalDoc, workflowStage: from })
    if (refusal) throw new APIError(`不能撤稿：${refusal}`, 403, null, true)
    if (!isScheduledTakedownDue(originalDoc?.scheduledUnpublishAt, Date.now())) {
      // Also what a plain (non-draft) save of a live story with pending edits would do: Payload bases it
      // on the latest draft, so it would silently take the story down.
      throw new APIError(
        '撤稿须填写原因：请使用稿件页的“撤稿”操作（POST /api/articles/:id/transition）；若只是修改已发布的稿件，请保存为草稿（draft=true）或发布修改（_status: published）',
        400,
        null,
        true,
      )
    }
    workflow.workflowAudit = { action: 'unpublish', from, to: 'unpublished', by: req.user.id, comment: '定时撤稿' }
    return { ...data, workflowStage: 'unpublished', scheduledUnpublishAt: null }
  }
  return data
}
