import type { WorkflowContext } from './context'

interface SaveOfArticle {
  doc?: { _status?: unknown } | null
  previousDoc?: { _status?: unknown } | null
  operation: 'create' | 'update'
  context: unknown
}

/**
 * Whether a save of an article may have changed whether its live document is published: a
 * change of `_status` between the versions, or any save of the live document itself (not a draft
 * version). `previousDoc` alone cannot tell: it is the latest version, which may be a pending
 * draft of a live story, so unpublishing after a draft save looks like draft → draft.
 */
export function mayChangeLiveStatus({ doc, previousDoc, operation, context }: SaveOfArticle): boolean {
  if (doc?._status !== previousDoc?._status) return true
  return operation === 'update' && !(context as WorkflowContext).draftSave
}
