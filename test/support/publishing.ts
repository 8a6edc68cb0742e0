import type { Payload, TypedUser } from 'payload'

import type { Stage } from '../../src/workflow/stages'

import type { TransitionRequest } from '../../src/workflow/performTransition'

import { transitionAs as serviceTransitionAs } from '../../src/workflow/publishing/publishingService'

/** The user tests publish as: an admin of this database (the first one, or one made here). */
export async function workflowActor(payload: Payload): Promise<TypedUser> {
  const admins = await payload.find({ collection: 'users', where: { roles: { contains: 'admin' } }, limit: 1, depth: 0, overrideAccess: true })
  const existing = admins.docs[0]
  const user =
    existing ??
    (await payload.create({
      collection: 'users',
      data: { email: `workflow-actor-${Date.now()}@newsroom.test`, password: 'workflow-actor-password', name: '测试系统管理员', roles: ['admin'] } as never,
      overrideAccess: true,
    }))
  return { ...user, collection: 'users' } as TypedUser
}

/** Moves a story through the publishing service as this user (or the test admin): the path every real publish takes. */
export async function transitionAs(payload: Payload, articleId: string, request: TransitionRequest, user?: TypedUser) {
  return serviceTransitionAs(payload, user ?? (await workflowActor(payload)), articleId, request)
}

/** Publishes a story through the publishing service (an admin may publish from any stage). */
export async function publishAs(payload: Payload, articleId: string, user?: TypedUser) {
  return transitionAs(payload, articleId, { action: 'publish' }, user)
}

/**
 * Publishes a story whose importer warnings were checked and accepted (the chief editor's override, with
 * its reason, audited): for fixtures that keep a garbled seed as it came, to test what readers get.
 */
export async function publishOverWarningsAs(payload: Payload, articleId: string, reason: string, user?: TypedUser) {
  return transitionAs(payload, articleId, { action: 'publish', overrideWarnings: { reason } }, user)
}

/** The transitions that bring a new draft to each stage. */
export const PATH_TO_STAGE: Record<Stage, TransitionRequest[]> = {
  draft: [],
  'in-review': [{ action: 'submit' }],
  'changes-requested': [{ action: 'submit' }, { action: 'request-changes', comment: '请补充采访对象' }],
  approved: [{ action: 'submit' }, { action: 'approve' }],
  scheduled: [{ action: 'submit' }, { action: 'approve' }, { action: 'schedule', publishAt: new Date(Date.now() + 24 * 3_600_000).toISOString() }],
  published: [{ action: 'submit' }, { action: 'approve' }, { action: 'publish' }],
  unpublished: [{ action: 'submit' }, { action: 'approve' }, { action: 'publish' }, { action: 'unpublish', comment: '测试撤稿' }],
}

/** Walks a draft to the given stage through the publishing service, as an admin would. */
export async function moveToStage(payload: Payload, articleId: string, stage: Stage, user?: TypedUser) {
  const actor = user ?? (await workflowActor(payload))
  for (const step of PATH_TO_STAGE[stage]) {
    // A schedule's time is taken when it is used, so a long test run never schedules into the past.
    const request = step.action === 'schedule' ? { ...step, publishAt: new Date(Date.now() + 24 * 3_600_000).toISOString() } : step
    await serviceTransitionAs(payload, actor, articleId, request)
  }
}
