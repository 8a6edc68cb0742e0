import type { Payload, TypedUser } from 'payload'

import type { performTransition, performTransitionAs, TransitionRequest } from '../performTransition'

import { ARTICLES_SLUG } from '../../../collections/slugs'

export interface PublishingService {
  performTransition: typeof performTransition
  performTransitionAs: typeof performTransitionAs
}

/**
 * The publishing service of this Payload instance, for code outside its request cycle: jobs,
 * scripts, tests and benchmarks. Taken from the instance (the articles collection's `custom`)
 * rather than imported, so a caller always uses the same module instance as the guard that checks
 * its grants — a test runner that reloads modules (vitest's resetModules) would otherwise hold a
 * second copy whose grants that guard does not recognise.
 */
export function getPublishingService(payload: Payload): PublishingService {
  const service = payload.collections[ARTICLES_SLUG]?.config.custom?.publishingService as PublishingService | undefined
  if (!service) throw new Error('The articles collection has no publishing service (custom.publishingService, added by src/workflow/workflowPlugin.ts)')
  return service
}

export function transitionAs(payload: Payload, user: TypedUser, articleId: string, request: TransitionRequest) {
  return getPublishingService(payload).performTransitionAs(payload, user, articleId, request)
}
