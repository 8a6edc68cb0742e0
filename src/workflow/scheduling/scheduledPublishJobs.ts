import type { JobsConfig } from 'payload'

import { userHasRole } from '../../access/hasRole'
import { isSignedIn } from '../../access/isSignedIn'

/** Payload's jobs queue, whose only jobs are scheduled publishes and takedowns. */
export const scheduledPublishJobs: JobsConfig = {
  // No autoRun: Payload's cron polls once a minute. The Express server (or `npm run worker`)
  // runs jobs on time with ScheduleRunner.ts.
  tasks: [],
  deleteJobOnComplete: false,
  access: {
    run: userHasRole('admin'),
    // Payload's own schedule-publish drawer queues jobs with this access: only those who may
    // schedule. The publish itself still passes the workflow guard when the job runs.
    queue: userHasRole('admin', 'chief-editor'),
    cancel: userHasRole('admin', 'chief-editor'),
  },
  jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
    ...defaultJobsCollection,
    labels: { singular: { zh: '后台任务', en: 'Job' }, plural: { zh: '后台任务', en: 'Jobs' } },
    // Editors see scheduled and failing jobs with their errors; only the server writes them.
    access: { ...defaultJobsCollection.access, read: isSignedIn },
    admin: {
      ...defaultJobsCollection.admin,
      hidden: false,
      group: { zh: '系统', en: 'System' },
      defaultColumns: ['taskSlug', 'input', 'waitUntil', 'processing', 'hasError', 'totalTried', 'completedAt'],
    },
  }),
}
