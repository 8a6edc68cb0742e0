import { EventEmitter } from 'node:events'

/** In-process signal that a job was queued, so a runner in this process re-arms at once instead of waiting for its poll. */
export const jobEvents = new EventEmitter()
jobEvents.setMaxListeners(50)
export const JOB_QUEUED = 'queued'
