import type { CollectionAfterChangeHook } from 'payload'

import type { WorkflowContext } from '../../../src/workflow/context'

import { WORKFLOW_EVENTS_SLUG } from '../../slugs'

/** Writes the audit entry for a transition saved in this operation, in the same transaction. */
export const recordWorkflowEvent: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  const workflow = context as WorkflowContext
  const audit = workflow.workflowTransition ?? workflow.workflowAudit
  if (!audit) return doc
  // One entry per operation, even if Payload saves the document more than once.
  delete workflow.workflowTransition
  delete workflow.workflowAudit
  await req.payload.create({
    collection: WORKFLOW_EVENTS_SLUG,
    data: {
      article: doc.id,
      action: audit.action,
      fromStage: audit.from,
      toStage: audit.to,
      by: audit.by !== undefined ? String(audit.by) : req.user?.id,
      at: new Date().toISOString(),
      comment: audit.comment,
    },
    overrideAccess: true,
    req,
  })
  return doc
}
