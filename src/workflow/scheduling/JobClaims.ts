import type { CollectionConfig } from 'payload'

import { JOB_CLAIMS_SLUG } from '../../../collections/slugs'

export { JOB_CLAIMS_SLUG }

/**
 * One row per attempt to run a job. The unique `key` (job id + attempt number) is
 * what lets only one of several runners carry out a job: inserting it is atomic
 * on SQLite and MongoDB alike, where Payload's own claim (an update of
 * `processing`) is a read-then-write that two runners can both win.
 */
export const JobClaims: CollectionConfig = {
  slug: JOB_CLAIMS_SLUG,
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'job', type: 'text', required: true, index: true },
    { name: 'runner', type: 'text' },
    { name: 'claimedAt', type: 'date', required: true },
  ],
}
