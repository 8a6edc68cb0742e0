import type { Payload } from 'payload'

import type { Stage } from '../../src/workflow/stages'

import { moveToStage } from './publishing'

/**
 * An article brought to a workflow stage through the publishing service (as the test admin),
 * created by the given user. For tests that start mid-workflow.
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
  if (options.createdBy) {
    await payload.update({ collection: 'articles', id: created.id, data: { createdBy: options.createdBy } as never, overrideAccess: true })
  }
  // Through the publishing service, as an admin: the stages' audit entries are those a real story gets.
  await moveToStage(payload, String(created.id), stage)
  return { id: String(created.id), title }
}
