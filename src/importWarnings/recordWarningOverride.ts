import type { CollectionAfterChangeHook } from 'payload'

import { WORKFLOW_EVENTS_SLUG } from '../../collections/slugs'
import { decisionKey } from '../workflow/publishing/decisionKey'
import { readDecision } from '../workflow/publishing/operationState'

/** Writes the audit entry for a chief editor's override of importer warnings, which the publishing guard decided for this save. */
export const recordWarningOverride: CollectionAfterChangeHook = async ({ doc, operation, req, context }) => {
  const decision = readDecision(context, decisionKey(operation, doc.id))
  const override = decision?.warningOverride
  if (!override) return doc
  // Taken once, like the workflow's own audit entry.
  delete decision.warningOverride
  await req.payload.create({
    collection: WORKFLOW_EVENTS_SLUG,
    data: {
      article: doc.id,
      action: 'override-import-warnings',
      fromStage: doc.workflowStage,
      toStage: doc.workflowStage,
      by: override.by,
      at: override.at,
      comment: override.comment,
    },
    overrideAccess: true,
    req,
  })
  return doc
}
