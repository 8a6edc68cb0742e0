import type { CollectionAfterChangeHook } from 'payload'

import { decisionKey } from '../publishing/decisionKey'
import { takeAudit } from '../publishing/operationState'
import { WORKFLOW_EVENTS_SLUG } from '../../../collections/slugs'

/** Writes the audit entry the publishing decision made for this save, in the same transaction. */
export const recordWorkflowEvent: CollectionAfterChangeHook = async ({ doc, operation, req, context }) => {
  // Taken once: one entry per operation, even if Payload saves the document more than once.
  const audit = takeAudit(context, decisionKey(operation, doc.id))
  if (!audit) return doc
  await req.payload.create({
    collection: WORKFLOW_EVENTS_SLUG,
    data: {
      article: doc.id,
      action: audit.action,
      fromStage: audit.from,
      toStage: audit.to,
      by: audit.by ?? (req.user?.id !== undefined ? String(req.user.id) : undefined),
      at: new Date().toISOString(),
      comment: audit.comment,
    },
    overrideAccess: true,
    req,
  })
  return doc
}
