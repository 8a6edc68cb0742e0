import type { SanitizedConfig } from 'payload'

import { SCHEDULE_TASK } from './scheduledChanges'

/** Attempts for a scheduled publish or unpublish before it is left failed (visible to editors under 后台任务). */
export const SCHEDULED_PUBLISH_ATTEMPTS = 4

/**
 * Payload adds its schedulePublish task itself, without retries: one failure (a
 * database blip at the scheduled minute) would leave a story unpublished. Give it
 * retries with backoff (1 s, 2 s, 4 s …). Payload offers no option for this, so the
 * sanitized task is amended.
 */
export function withScheduledPublishRetries(config: SanitizedConfig): SanitizedConfig {
  const task = config.jobs?.tasks?.find((candidate) => candidate.slug === SCHEDULE_TASK)
  if (task) task.retries = { attempts: SCHEDULED_PUBLISH_ATTEMPTS, backoff: { type: 'exponential', delay: 1000 } }
  return config
}
