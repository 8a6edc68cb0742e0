import type { CollectionAfterOperationHook } from 'payload'

import { currentStage } from '../transitions'
import { WORKFLOW_EVENTS_SLUG } from '../../../collections/slugs'

/** Restoring an earlier version is recorded in the audit trail, like a transition. */
export const recordRestore: CollectionAfterOperationHook = async ({ args, operation, req, result }) => {
  if (operation !== 'restoreVersion' || !result) return result
  const doc = result as { id: string | number; workflowStage?: string }
  const stage = currentStage(doc)
  await req.payload.create({
    collection: WORKFLOW_EVENTS_SLUG,
    data: {
      article: String(doc.id),
      action: 'restore',
      fromStage: stage,
      toStage: stage,
      by: req.user?.id ? String(req.user.id) : undefined,
      at: new Date().toISOString(),
      comment: `恢复到版本 ${String((args as { id?: unknown }).id ?? '')}`,
    },
    overrideAccess: true,
    req,
  })
  return result
}
