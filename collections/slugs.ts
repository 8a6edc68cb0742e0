/** Collection slugs, in one place so collections can refer to each other without import cycles. */
export const USERS_SLUG = 'users'
export const DISTRICTS_SLUG = 'districts'
export const ARTICLES_SLUG = 'articles'
export const PHOTOS_SLUG = 'photos'
export const CAPTIONS_SLUG = 'captions'
export const WORKFLOW_EVENTS_SLUG = 'workflow-events'
export const JOB_CLAIMS_SLUG = 'job-claims'
/** Payload's own jobs collection (scheduled publishes among its jobs); Payload does not export its slug. */
export const JOBS_SLUG = 'payload-jobs'
