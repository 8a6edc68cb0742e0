import { decisionKey } from './publishing/decisionKey'
import { readDecision } from './publishing/operationState'

interface SaveOfArticle {
  doc?: { id?: unknown; _status?: unknown } | null
  previousDoc?: { _status?: unknown } | null
  operation: 'create' | 'update'
  context: unknown
}

/**
 * Whether a save of an article may have changed whether its live document is published: what the
 * publishing decision found (guardArticleSave), or, where none was recorded, a change of `_status`
 * between the versions or any save of the document. `previousDoc` alone cannot tell: it is the
 * latest version, which may be a pending draft of a live story.
 */
export function mayChangeLiveStatus({ doc, previousDoc, operation, context }: SaveOfArticle): boolean {
  const decision = readDecision(context as Record<string, unknown>, decisionKey(operation, doc?.id))
  if (decision) return decision.writesLiveDocument
  return doc?._status !== previousDoc?._status || operation === 'update'
}
