import { EventEmitter } from 'node:events'

/** In-process signal that a job was queued or moved, so a runner in this process re-arms at once instead of waiting for its poll. */
export const jobEvents = new EventEmitter()
jobEvents.setMaxListeners(50)
export const JOB_QUEUED = 'queued'

/** What JOB_QUEUED carries: the job's instant, or nothing when several jobs moved (the runner then reads the earliest itself). */
export interface JobQueued {
  waitUntil?: Date
}
