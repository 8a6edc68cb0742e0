import type { Payload, Where } from 'payload'

import { ValidationError } from 'payload'
import { randomBytes } from 'node:crypto'

import { JOB_CLAIMS_SLUG, JOBS_SLUG } from '../../../collections/slugs'
import type { JobQueued } from './jobEvents'

import { JOB_QUEUED, jobEvents } from './jobEvents'

/** Due jobs read per query while draining a burst. */
const DUE_JOBS_PER_QUERY = 100
const MAX_TIMER_MS = 2 ** 31 - 1

/** One claim per job and attempt: the unique key of job-claims. */
const claimKey = (job: PendingJob) => `${job.id}:${job.totalTried ?? 0}`

/** Lets timers and sockets run (see the class comment). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

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
 * late; this one keeps one timer armed for the earliest pending `waitUntil`, re-armed
 * after every run and whenever a job is queued or moved in this process (jobEvents),
 * and polls every few seconds only as a safety net for jobs queued by other processes.
 * Jobs of every queue run (payloadcms/payload#16764). Each attempt is claimed
 * through a unique row in job-claims, so two runners never run the same job twice.
 * On start, and at every poll, it releases jobs left `processing` by a runner that
 * died mid-run (#17645), and it runs everything that came due while it was down.
 * It yields to the event loop between the steps of every job: on SQLite every database
 * call is synchronous, so a burst drained in one go would stall the HTTP server for seconds.
 */
export class ScheduleRunner {
  readonly name: string
  private readonly pollIntervalMs: number
  private readonly leaseMs: number
  private readonly concurrency: number
  private pollTimer?: NodeJS.Timeout
  private wakeTimer?: NodeJS.Timeout
  /** The instant the wake timer is armed for (ms since the epoch), while it is armed. */
  private wakeAt: number | null = null
  private running: Promise<void> | null = null
  private rerun = false
  /** The last pass found due jobs that other runners had claimed: the poll looks at them again, not the timer. */
  private leftToOthers = false
  private stopped = true
  private readonly onQueued = (queued?: JobQueued) => this.jobQueued(queued)

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
    this.disarm()
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

  /**
   * A job was queued or moved in this process. One due later than the armed timer changes
   * nothing, one due earlier re-arms the timer without a query; one due now, or a move of
   * many (no instant given), runs what is due and re-arms from the database.
   */
  private jobQueued(queued?: JobQueued): void {
    const at = queued?.waitUntil?.getTime()
    if (at === undefined || Number.isNaN(at) || at <= Date.now()) {
      void this.wake()
      return
    }
    // A run in progress re-arms from the database when it ends, and sees this job then.
    if (this.running) return
    if (this.wakeAt === null || at < this.wakeAt) this.armAt(at)
  }

  /** Runs what is due now, then sleeps until the next job's time. Overlapping calls coalesce. */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve()
    if (this.running) {
      this.rerun = true
      return this.running
    }
    this.disarm()
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

  /** Pending jobs earliest first: those due by `due.by` (and those without a time), or those with a time after `due.after` (any time if not given). */
  private async findJobs(due: { by: Date } | { after?: Date }, limit: number): Promise<PendingJob[]> {
    const when: Where =
      'by' in due
        ? { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than_equal: due.by.toISOString() } }] }
        : due.after
          ? { waitUntil: { greater_than: due.after.toISOString() } }
          : { waitUntil: { exists: true } }
    const { docs } = await this.payload.find({
      collection: JOBS_SLUG,
      where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }, { processing: { equals: false } }, when] },
      sort: 'waitUntil',
      limit,
      depth: 0,
      overrideAccess: true,
      select: { totalTried: true, waitUntil: true },
    })
    return docs as unknown as PendingJob[]
  }

  private async runDueJobs(): Promise<void> {
    this.leftToOthers = false
    for (;;) {
      if (this.stopped) return
      const due = await this.findJobs({ by: new Date() }, DUE_JOBS_PER_QUERY)
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
        await yieldToEventLoop()
        if (this.stopped) return
      }
      // Every due job was claimed by another runner: leave the rest to it.
      if (ran === 0) {
        this.leftToOthers = true
        return
      }
    }
  }

  /** Inserts this attempt's claim; only the runner whose insert succeeds runs the job. */
  private async claim(job: PendingJob): Promise<boolean> {
    // One INSERT through the adapter: the claim is internal bookkeeping with no hooks or access
    // rules, and the Local API's validation and read-back would add a third to every job's cost.
    try {
      await this.payload.db.create({
        collection: JOB_CLAIMS_SLUG,
        data: { key: claimKey(job), job: String(job.id), runner: this.name, claimedAt: new Date().toISOString() },
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
    try {
      await yieldToEventLoop()
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
      await yieldToEventLoop()
      await this.payload.jobs.runByID({ id: job.id as never, overrideAccess: true, silent: true })
      return true
    } catch (error) {
      // A database error (SQLite: locked by another process) before Payload recorded the attempt: free the
      // claim, or no runner could ever take this attempt again and the story would never go live. A job
      // that got as far as `processing` stays out of the due list until the lease releases it.
      await this.payload.db.deleteMany({ collection: JOB_CLAIMS_SLUG, where: { key: { equals: claimKey(job) } } }).catch(() => undefined)
      throw error
    }
  }

  /** Arms the one wake timer for the earliest pending job (queued here or by another process). */
  private async armForNextJob(): Promise<void> {
    if (this.stopped) return
    // A job already due came due after the last pass looked: the timer fires at once. Unless the pass
    // left due jobs to other runners: then only later ones arm it (the poll looks at those again).
    const [next] = await this.findJobs(this.leftToOthers ? { after: new Date() } : {}, 1)
    if (this.stopped) return
    if (next?.waitUntil) this.armAt(new Date(next.waitUntil).getTime())
    else this.disarm()
  }

  private armAt(at: number): void {
    this.disarm()
    if (this.stopped) return
    // setTimeout takes at most 2^31 - 1 ms (about 24 days); a later job is re-armed on the way.
    const delay = Math.min(Math.max(0, at - Date.now()), MAX_TIMER_MS)
    this.wakeAt = at
    this.wakeTimer = setTimeout(() => {
      this.wakeAt = null
      void this.wake()
    }, delay)
    this.wakeTimer.unref()
  }

  private disarm(): void {
    clearTimeout(this.wakeTimer)
    this.wakeTimer = undefined
    this.wakeAt = null
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
    await this.releaseStaleClaims(staleBefore)
  }

  /**
   * A claim older than the lease whose job is not `processing` is either spent (the job ran, failed
   * for good or was deleted) or orphaned: its runner could not free it after a database error (the
   * free is itself a write, and fails the same way under another process's lock). An orphaned claim
   * would bar every runner from that attempt for good, so the story would never go live: remove both
   * kinds. A job still `processing` keeps its claim; the lease rule above handles it.
   */
  private async releaseStaleClaims(staleBefore: string): Promise<void> {
    const { docs: claims } = await this.payload.db.find<{ id: string | number; key: string; job: string }>({
      collection: JOB_CLAIMS_SLUG,
      where: { claimedAt: { less_than: staleBefore } },
      limit: 500,
      pagination: false,
    })
    if (claims.length === 0) return
    const { docs: processing } = await this.payload.find({
      collection: JOBS_SLUG,
      where: { and: [{ id: { in: [...new Set(claims.map((claim) => claim.job))] } }, { processing: { equals: true } }] },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { processing: true },
    })
    const stillRunning = new Set(processing.map((job) => String(job.id)))
    const stale = claims.filter((claim) => !stillRunning.has(claim.job))
    if (stale.length === 0) return
    await this.payload.db.deleteMany({ collection: JOB_CLAIMS_SLUG, where: { id: { in: stale.map((claim) => claim.id) } } })
  }
}
