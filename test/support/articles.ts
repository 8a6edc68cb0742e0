import type { Payload } from 'payload'

import type { Stage } from '../../src/workflow/stages'

/**
 * An article put straight into a workflow stage (Local API, as the server itself
 * would after a transition), created by the given user. For tests that start mid-workflow.
 */
export async function createArticleAt(
  payload: Payload,
  stage: Stage,
  options: { title?: string; createdBy?: string } = {},
): Promise<{ id: string; title: string }> {
  const title = options.title ?? `${stage}稿件${Math.random().toString(36).slice(2, 8)}`
  const created = await payload.create({
    collection: 'articles',
    data: { title, _status: 'draft' } as never,
    draft: true,
    overrideAccess: true,
  })
  const live = stage === 'published'
  if (options.createdBy) {
    await payload.update({ collection: 'articles', id: created.id, data: { createdBy: options.createdBy } as never, overrideAccess: true })
  }
  if (stage === 'draft') return { id: String(created.id), title }
  // Set up as the server would record it: an audit entry with no user ("by" empty).
  await payload.update({
    collection: 'articles',
    id: created.id,
    data: {
      ...(live ? { _status: 'published' } : {}),
      ...(stage === 'scheduled' ? { scheduledPublishAt: new Date(Date.now() + 3_600_000).toISOString() } : {}),
    } as never,
    overrideAccess: true,
    context: { workflowTransition: { action: 'submit', from: 'draft', to: stage } },
  })
  if (stage === 'unpublished') {
    await payload.update({ collection: 'articles', id: created.id, data: { _status: 'published' } as never, overrideAccess: true, context: { workflowTransition: { action: 'publish', from: 'draft', to: 'published' } } })
    await payload.update({ collection: 'articles', id: created.id, data: { _status: 'draft' } as never, overrideAccess: true, context: { workflowTransition: { action: 'unpublish', from: 'published', to: 'unpublished' } } })
  }
  return { id: String(created.id), title }
}
