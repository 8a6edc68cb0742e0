import type { Payload } from 'payload'

import { ValidationError } from 'payload'
import { randomBytes } from 'node:crypto'

import { JOB_CLAIMS_SLUG, JOBS_SLUG } from '../../../collections/slugs'
import { JOB_QUEUED, jobEvents } from './jobEvents'

export interface ScheduleRunnerOptions {
  /** How often to look for jobs queued by other processes (ms). */
  pollIntervalMs?: number
  /** A job still `processing` after this long lost its runner (a crash) and is released (ms). */
  leaseMs?: number
  /** Jobs run at once while draining a burst. */
  concurrency?: number
  name?: string
}

interface PendingJob {
  id: string | number
  totalTried?: number | null
  waitUntil?: string | null
}

/**
 * Runs Payload's queued jobs (scheduled publish and unpublish among them) on time.
 * Payload's stock runner polls once a minute, so a story could go live up to 60 s
 * late; this one arms a timer for the next job's `waitUntil`, re-arms when a job is
 * queued in this process, and polls every few seconds for jobs queued elsewhere.
 * Jobs of every queue run (payloadcms/payload#16764). Each attempt is claimed
 * through a unique row in job-claims, so two runners never run the same job twice.
 * On start, and at every poll, it releases jobs left `processing` by a runner that
 * died mid-run (#17645), and it runs everything that came due while it was down.
 * It yields to the event loop between jobs: on SQLite every database call is
 * synchronous, so a burst drained in one go would stall the HTTP server for seconds.
 */
export class ScheduleRunner {
  readonly name: string
  private readonly pollIntervalMs: number
  private readonly leaseMs: number
  private readonly concurrency: number
  private pollTimer?: NodeJS.Timeout
  private wakeTimer?: NodeJS.Timeout
  private running: Promise<void> | null = null
  private rerun = false
  private stopped = true
  private readonly onQueued = () => this.wake()

  constructor(
    private readonly payload: Payload,
    options: ScheduleRunnerOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 5000
    this.leaseMs = options.leaseMs ?? 2 * 60 * 1000
    // SQLite has one writer: parallel job runs there only collide and retry. MongoDB takes them in parallel.
    this.concurrency = options.concurrency ?? (payload.db.name === 'mongoose' ? 4 : 1)
    this.name = options.name ?? `runner-${process.pid}-${randomBytes(3).toString('hex')}`
  }

  async start(): Promise<void> {
    this.stopped = false
    await this.releaseAbandonedJobs()
    jobEvents.on(JOB_QUEUED, this.onQueued)
    this.pollTimer = setInterval(() => void this.poll(), this.pollIntervalMs)
    this.pollTimer.unref()
    await this.wake()
  }

  async stop(): Promise<void> {
    this.stopped = true
    jobEvents.off(JOB_QUEUED, this.onQueued)
    clearInterval(this.pollTimer)
    clearTimeout(this.wakeTimer)
    await this.running
  }

  /** A runner can lose a job mid-run without crashing (a thrown database error): release such jobs while running. */
  private async poll(): Promise<void> {
    try {
      await this.releaseAbandonedJobs()
    } catch (error) {
      this.payload.logger.error({ err: error }, `${this.name}: could not release abandoned jobs`)
    }
    await this.wake()
  }

  /** Runs what is due now, then sleeps until the next job's time. Overlapping calls coalesce. */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve()
    if (this.running) {
      this.rerun = true
      return this.running
    }
    this.running = (async () => {
      try {
        do {
          this.rerun = false
          await this.runDueJobs()
        } while (this.rerun && !this.stopped)
        await this.armForNextJob()
      } catch (error) {
        this.payload.logger.error({ err: error }, `${this.name}: job run failed`)
      } finally {
        this.running = null
      }
    })()
    return this.running
  }

  private async findJobs(dueBy: Date | null, limit: number): Promise<PendingJob[]> {
    const { docs } = await this.payload.find({
      collection: JOBS_SLUG,
      where: {
        and: [
          { completedAt: { exists: false } },
          { hasError: { not_equals: true } },
          { processing: { equals: false } },
          ...(dueBy
            ? [{ or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than_equal: dueBy.toISOString() } }] }]
            : [{ waitUntil: { greater_than: new Date().toISOString() } }]),
        ],
      },
      sort: 'waitUntil',
      limit,
      depth: 0,
      overrideAccess: true,
      select: { totalTried: true, waitUntil: true },
    })
    return docs as unknown as PendingJob[]
  }

  private async runDueJobs(): Promise<void> {
    for (;;) {
      if (this.stopped) return
      const due = await this.findJobs(new Date(), 100)
      if (due.length === 0) return
      let ran = 0
      for (let i = 0; i < due.length; i += this.concurrency) {
        const batch = due.slice(i, i + this.concurrency)
        // One job that throws is logged; the rest of the batch still runs.
        const results = await Promise.all(
          batch.map((job) =>
            this.claimAndRun(job).catch((error: unknown) => {
              this.payload.logger.error({ err: error }, `${this.name}: job ${job.id} failed to run`)
              return false
            }),
          ),
        )
        ran += results.filter(Boolean).length
        // Let timers and sockets run between jobs (see the class comment).
        await new Promise((resolve) => setImmediate(resolve))
        if (this.stopped) return
      }
      // Every due job was claimed by another runner: leave the rest to it.
      if (ran === 0) return
    }
  }

  /** Inserts this attempt's claim; only the runner whose insert succeeds runs the job. */
  private async claim(job: PendingJob): Promise<boolean> {
    // One INSERT through the adapter: the claim is internal bookkeeping with no hooks or access
    // rules, and the Local API's validation and read-back would add a third to every job's cost.
    try {
      await this.payload.db.create({
        collection: JOB_CLAIMS_SLUG,
        data: { key: `${job.id}:${job.totalTried ?? 0}`, job: String(job.id), runner: this.name, claimedAt: new Date().toISOString() },
      })
      return true
    } catch (error) {
      if (error instanceof ValidationError) return false // the unique key exists: another runner has this attempt
      this.payload.logger.warn(`${this.name}: could not claim job ${job.id} (${error instanceof Error ? error.message.split('\n').at(-1) : String(error)}); left for the next pass`)
      return false
    }
  }

  private async claimAndRun(job: PendingJob): Promise<boolean> {
    if (!(await this.claim(job))) return false
    // The list may be stale by now: run only if this attempt is still the job's next one and due.
    const current = await this.payload.findByID({ collection: JOBS_SLUG, id: job.id as never, depth: 0, overrideAccess: true, disableErrors: true })
    const stillDue =
      current &&
      !current.completedAt &&
      !current.hasError &&
      !current.processing &&
      (current.totalTried ?? 0) === (job.totalTried ?? 0) &&
      (!current.waitUntil || new Date(current.waitUntil).getTime() <= Date.now())
    if (!stillDue) return false
    await this.payload.jobs.runByID({ id: job.id as never, overrideAccess: true, silent: true })
    return true
  }

  private async armForNextJob(): Promise<void> {
    clearTimeout(this.wakeTimer)
    if (this.stopped) return
    const [next] = await this.findJobs(null, 1)
    if (!next?.waitUntil) return
    const delay = Math.max(0, new Date(next.waitUntil).getTime() - Date.now())
    // Beyond the poll interval the poll re-arms anyway; timers that long are not needed.
    if (delay > this.pollIntervalMs * 2) return
    this.wakeTimer = setTimeout(() => void this.wake(), delay)
    this.wakeTimer.unref()
  }

  /** Jobs left `processing` past the lease belong to a runner that died: release them and their claims. */
  private async releaseAbandonedJobs(): Promise<void> {
    const staleBefore = new Date(Date.now() - this.leaseMs).toISOString()
    const { docs } = await this.payload.find({
      collection: JOBS_SLUG,
      where: { and: [{ processing: { equals: true } }, { completedAt: { exists: false } }, { updatedAt: { less_than: staleBefore } }] },
      limit: 1000,
      depth: 0,
      overrideAccess: true,
      select: { processing: true },
    })
    for (const job of docs) {
      await this.payload.db.deleteMany({ collection: JOB_CLAIMS_SLUG, where: { job: { equals: String(job.id) } } })
      await this.payload.update({ collection: JOBS_SLUG, id: job.id, data: { processing: false }, overrideAccess: true })
      this.payload.logger.warn(`${this.name}: released job ${job.id}, abandoned by a runner that stopped while running it`)
    }
  }
}
