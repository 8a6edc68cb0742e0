import type { Payload, PayloadRequest } from 'payload'

import { ARTICLES_SLUG, JOBS_SLUG, USERS_SLUG } from '../../../collections/slugs'
import type { JobQueued } from './jobEvents'

import { JOB_QUEUED, jobEvents } from './jobEvents'

export const SCHEDULE_TASK = 'schedulePublish'

/**
 * Queues Payload's own schedulePublish job for an article. It runs as the
 * scheduling user, so the workflow rules apply to the scheduled publish too.
 * Times are stored in UTC to the millisecond; the runner compares `waitUntil <= now`
 * itself, so a job cannot miss "its tick" (payloadcms/payload#12566), and an
 * embargo is never lifted early by rounding.
 */
export async function queueScheduledChange(
  payload: Payload,
  args: { articleId: string; type: 'publish' | 'unpublish'; at: Date; userId: string | number; req?: PayloadRequest },
) {
  const at = args.at
  const job = await payload.jobs.queue({
    task: SCHEDULE_TASK,
    input: {
      type: args.type,
      doc: { relationTo: ARTICLES_SLUG, value: String(args.articleId) },
      user: { relationTo: USERS_SLUG, value: args.userId },
    } as never,
    waitUntil: at,
    req: args.req,
  })
  // A runner in this process re-arms for it now rather than at its next poll.
  jobEvents.emit(JOB_QUEUED, { waitUntil: at } satisfies JobQueued)
  return job
}

/** Removes an article's scheduled changes that have not started yet. */
export async function cancelScheduledChanges(
  payload: Payload,
  args: { articleId: string; type?: 'publish' | 'unpublish'; req?: PayloadRequest },
) {
  await payload.db.deleteMany({
    collection: JOBS_SLUG,
    req: args.req,
    where: {
      and: [
        { completedAt: { exists: false } },
        { processing: { equals: false } },
        { taskSlug: { equals: SCHEDULE_TASK } },
        { 'input.doc.relationTo': { equals: ARTICLES_SLUG } },
        { 'input.doc.value': { equals: String(args.articleId) } },
        ...(args.type ? [{ 'input.type': { equals: args.type } }] : []),
      ],
    },
  })
}
