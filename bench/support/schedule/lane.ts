/**
 * One database lane of `npm run bench:schedule`, run in a child process of
 * bench/schedule.ts (the config reads DATABASE_URI once per process). Receives a
 * LaneRequest over IPC, starts Payload in-process on that database, measures,
 * answers with a LaneResult and exits. Jobs run through the app's ScheduleRunner
 * (src/jobs/ScheduleRunner.ts)
 * and Payload's own schedulePublish task. Also the entry of the second runner's process.
 */
import type { Payload, TypedUser } from 'payload'

import { fork } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { ScheduleRunner as ScheduleRunnerClass } from '../../src/jobs/ScheduleRunner'

import { ARTICLES_SLUG, JOB_CLAIMS_SLUG, USERS_SLUG, WORKFLOW_EVENTS_SLUG } from '../../collections/slugs'
import { JOB_QUEUED, jobEvents } from '../../src/jobs/jobEvents'
import { createArticleAt } from '../../test/support/articles'
import { createRandom } from './createRandom'

const JOBS_SLUG = 'payload-jobs'
/** Publishes carried out so far in this process (set up when the lane starts). */
let publishesSoFar: () => number = () => 0
/** A phase is over when no story has gone live for this long after its last instant (jobs stuck, or failed for good). */
const STALLED_AFTER_MS = 60_000

export interface LaneRequest {
  lane: 'sqlite' | 'mongodb'
  databaseUri: string
  mongodbCompat: 'none' | 'ferretdb'
  /** (a): stories at distinct instants, spread over `spreadSeconds`, the first `leadSeconds` from now. */
  spreadCount: number
  spreadSeconds: number
  leadSeconds: number
  /** (b): stories scheduled for one instant. */
  burstCount: number
  /** ScheduleRunner options; undefined keeps the runner's defaults (as the Express server uses them). */
  concurrency?: number
  pollIntervalMs?: number
  seed: number
  /** Time each Local API / adapter call by collection during the drains and the plain loop. */
  profile: boolean
  /** Give up waiting for a phase this long after its last scheduled instant. */
  timeoutSeconds: number
  /**
   * Where the second runner of the two-runner burst runs: in its own process on the same
   * database (as `npm run worker` beside a server), or in this process beside the first.
   */
  secondRunner: 'process' | 'inline'
  /** SQLite: PRAGMAs run on each process's connection after start-up (e.g. busy_timeout=5000), to try settings src/db.ts does not make. */
  sqlitePragmas: string[]
}

/** What bench/schedule.ts (or a lane process, for its second runner) sends a child. */
export type ChildMessage =
  | { kind: 'lane'; request: LaneRequest }
  | { kind: 'runner'; request: LaneRequest; name: string }
  | { kind: 'look'; ids: string[] }
  | { kind: 'stop' }

/** The outcome as one process's database connection sees it. */
export interface View {
  published: number
  publishEntries: number
  /** SQLite: this connection is inside a transaction nobody committed (its writes are invisible to others, and lost when it closes). */
  openTransaction?: boolean
}

export interface TimingRow {
  call: string
  calls: number
  ms: number
}

export interface OutcomeCounts {
  stories: number
  /** Main document `_status: 'published'` at the end. */
  published: number
  /** Not published when the phase ended. */
  missed: number
  /** Articles with more than one publish entry in the audit trail. */
  publishedTwice: number
  /** Jobs with more than one job-claims row (an attempt run twice would need two rows with the same key: impossible). */
  jobsClaimedTwice: number
  /** Jobs that needed a retry (totalTried > 1) or were left failed. */
  jobsRetried: number
  jobsFailed: number
  claimsByRunner: Record<string, number>
  /** As the lane process sees it (SQLite: with the open-transaction probe). */
  laneView: View
  /** Two-runner burst with the second runner in its own process: as that process sees it. */
  otherView?: View
  /** Publishes the lane process's runner(s) carried out while the phase ran: more than the claim rows they hold means work repeated, or lost. */
  publishesInLane?: number
}

export interface SpreadResult extends OutcomeCounts {
  /** Per story: audit entry `at` minus the scheduled instant, ms (published stories only). */
  latenessMs: number[]
  /** Per story: the job's `completedAt` minus the scheduled instant, ms. */
  completedLatenessMs: number[]
  /** Per story: the article's `updatedAt` (set just before its row is written) minus the scheduled instant, ms. */
  updatedLatenessMs: number[]
  queueMsPerJob: number
  /** Scheduled instant of the first story minus the end of queueing (ms; negative: queueing ran late). */
  queueMarginMs: number
  longestStallMs: number
}

export interface BurstResult extends OutcomeCounts {
  runners: string[]
  /** From the instant to the first and to the last story live (audit `at`), ms. */
  firstLiveMs: number
  lastLiveMs: number
  /** Stories live per second, counted from the scheduled instant to the last one live. */
  drainRate: number
  queueMarginMs: number
  /** Longest the lane process's event loop could not turn during the drain (ms). */
  longestStallMs: number
  /** The lane process's CPU time from just before the instant until the wait ended, per story (the second runner's process not included). */
  cpuMsPerStory: number
  timings?: TimingRow[]
}

export interface PlainResult {
  stories: number
  published: number
  seconds: number
  rate: number
  longestStallMs: number
  cpuMsPerStory: number
  timings?: TimingRow[]
}

export interface LaneResult {
  lane: LaneRequest['lane']
  adapter: string
  runnerConcurrency: number
  runnerPollMs: number
  setupSeconds: number
  spread: SpreadResult
  burstOneRunner: BurstResult
  plain: PlainResult
  burstTwoRunners: BurstResult | { error: string }
  loadAverage: { start: number[]; end: number[] }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function isDatabaseLocked(error: unknown): boolean {
  const messages = [error, (error as { cause?: unknown } | null)?.cause].map((item) => (item instanceof Error ? item.message : ''))
  return messages.some((message) => /database is locked|SQLITE_BUSY/.test(message))
}

/**
 * The benchmark's own reads and writes, retried while another process holds the SQLite
 * file's lock (Payload's SQLite adapter sets no busy timeout: a locked file fails at once).
 */
async function retryWhileLocked<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (attempt >= 1200 || !isDatabaseLocked(error)) throw error // a minute of refusals
      await sleep(50)
    }
  }
}

function progress(message: string) {
  process.stderr.write(`  ${message}\n`)
}

async function startPayload(request: LaneRequest): Promise<Payload> {
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-schedule-media-'))
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATABASE_URI: request.databaseUri,
    MONGODB_COMPAT: request.mongodbCompat,
    PAYLOAD_SECRET: 'bench-secret-bench-secret-bench-secret-01',
    MEDIA_DIR: mediaDir,
    LOG_LEVEL: 'warn',
    PAYLOAD_FORCE_DRIZZLE_PUSH: 'true',
    SEED_ON_START: 'false',
    // No runner of the app's own: the benchmark starts the ones it measures.
    JOBS_AUTORUN: 'false',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
  })
  const { loadEnv } = await import('../../src/env')
  loadEnv()
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../src/payload.config')
  const payload = await getPayload({ config })
  const client = (payload.db as unknown as { client?: { execute(sql: string): Promise<unknown> } }).client
  if (payload.db.name === 'sqlite' && client) for (const pragma of request.sqlitePragmas) await client.execute(`PRAGMA ${pragma}`)
  return payload
}

/** Counts the publishes and unpublishes this process carries out (article updates that set `_status` and return). */
function countPublishes(payload: Payload): () => number {
  let publishes = 0
  const update = payload.update.bind(payload) as (args: { collection?: string; data?: { _status?: string } }) => Promise<unknown>
  ;(payload as unknown as { update: typeof update }).update = async (args) => {
    const result = await update(args)
    if (args.collection === ARTICLES_SLUG && args.data?._status) publishes++
    return result
  }
  return () => publishes
}

/** The admin first (the first account is always made admin), then the chief editor who schedules. */
async function createChiefEditor(payload: Payload): Promise<TypedUser> {
  const password = 'bench-password-correct-horse'
  await payload.create({
    collection: USERS_SLUG,
    data: { email: 'admin@bench.test', password, name: '管理员', roles: ['admin'] },
    overrideAccess: true,
  })
  const chief = await payload.create({
    collection: USERS_SLUG,
    data: { email: 'chief@bench.test', password, name: '总编辑', roles: ['chief-editor'] },
    overrideAccess: true,
  })
  if (!chief.roles?.includes('chief-editor') || chief.roles.includes('admin')) {
    throw new Error(`the chief editor got roles ${JSON.stringify(chief.roles)}`)
  }
  // As Payload's schedulePublish task loads the scheduling user.
  return { ...chief, collection: USERS_SLUG } as TypedUser
}

/** Stories in the 'scheduled' stage, set up as the tests do (untimed). MongoDB takes a few at once; SQLite has one writer. */
async function createScheduledStories(payload: Payload, count: number, label: string): Promise<string[]> {
  const parallel = payload.db.name === 'mongoose' ? 8 : 1
  const ids: string[] = []
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, (_, offset) =>
      createArticleAt(payload, 'scheduled', { title: `定时稿件 ${label} ${start + offset + 1}` }),
    )
    ids.push(...(await Promise.all(batch)).map((article) => article.id))
    if (ids.length % 250 === 0 && ids.length < count) progress(`${label}: ${ids.length}/${count} stories set up`)
  }
  return ids
}

/** Queues one publish job per story at its instant, as a chief editor's schedule does; returns the job ids. */
async function queueJobs(payload: Payload, ids: string[], instants: number[], userId: string | number): Promise<{ jobIds: string[]; ms: number }> {
  const { queueScheduledChange } = await import('../../src/workflow/scheduling')
  const started = performance.now()
  const jobIds: string[] = []
  for (const [index, articleId] of ids.entries()) {
    const job = await queueScheduledChange(payload, { articleId, type: 'publish', at: new Date(instants[index]!), userId })
    jobIds.push(String(job.id))
  }
  return { jobIds, ms: performance.now() - started }
}

async function countPublished(payload: Payload, ids: string[]): Promise<number> {
  const { totalDocs } = await retryWhileLocked(() =>
    payload.count({
      collection: ARTICLES_SLUG,
      where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
      overrideAccess: true,
    }),
  )
  return totalDocs
}

async function countUnfinishedJobs(payload: Payload, jobIds: string[]): Promise<number> {
  const { totalDocs } = await retryWhileLocked(() =>
    payload.count({
      collection: JOBS_SLUG,
      where: { and: [{ id: { in: jobIds } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
      overrideAccess: true,
    }),
  )
  return totalDocs
}

/**
 * Waits until every story is live, or nothing is left to run, or the deadline passes.
 * Checks once a second: the check is two count queries, little beside the runner's work.
 */
async function waitForStories(payload: Payload, ids: string[], jobIds: string[], notBefore: number, deadline: number, label: string) {
  let lastReport = 0
  let lastCount = -1
  let lastProgress = Date.now()
  for (;;) {
    await sleep(1000)
    const published = await countPublished(payload, ids)
    if (published === ids.length) return
    const now = Date.now()
    if (published !== lastCount) {
      lastCount = published
      lastProgress = now
    }
    if (now >= notBefore && (await countUnfinishedJobs(payload, jobIds)) === 0) return
    if (now >= deadline || (now >= notBefore && now - lastProgress >= STALLED_AFTER_MS)) {
      progress(`${label}: gave up waiting with ${published}/${ids.length} live (${now >= deadline ? 'time is up' : `none went live for ${STALLED_AFTER_MS / 1000} s`})`)
      return
    }
    if (now - lastReport >= 10_000) {
      progress(`${label}: ${published}/${ids.length} live`)
      lastReport = now
    }
  }
}

/**
 * SQLite: whether this process's connection is inside a transaction that was never committed.
 * Payload runs SQLite without transactions, so a BEGIN that fails here means one was left open.
 */
async function probeOpenTransaction(payload: Payload): Promise<boolean | undefined> {
  const client = (payload.db as unknown as { client?: { execute(sql: string): Promise<unknown> } }).client
  if (payload.db.name !== 'sqlite' || !client) return undefined
  try {
    await client.execute('BEGIN')
  } catch (error) {
    if (error instanceof Error && /within a transaction/.test(`${error.message} ${String(error.cause ?? '')}`)) return true
    throw error
  }
  await client.execute('ROLLBACK')
  return false
}

async function lookAt(payload: Payload, ids: string[]): Promise<View> {
  const { totalDocs: publishEntries } = await retryWhileLocked(() =>
    payload.count({ collection: WORKFLOW_EVENTS_SLUG, where: { and: [{ article: { in: ids } }, { action: { equals: 'publish' } }] }, overrideAccess: true }),
  )
  return { published: await countPublished(payload, ids), publishEntries, openTransaction: await probeOpenTransaction(payload) }
}

interface Collected extends OutcomeCounts {
  /** First publish audit entry per story (ms since the epoch). */
  liveAt: Map<string, number>
  completedAt: Map<string, number>
}

/** Reads back the outcome: main documents, publish entries of the audit trail, jobs and their claims. */
async function collectOutcome(payload: Payload, ids: string[], jobIds: string[]): Promise<Collected> {
  const published = await countPublished(payload, ids)
  const { docs: events } = await retryWhileLocked(() =>
    payload.find({
      collection: WORKFLOW_EVENTS_SLUG,
      where: { and: [{ article: { in: ids } }, { action: { equals: 'publish' } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { article: true, at: true },
    }),
  )
  const liveAt = new Map<string, number>()
  const publishes = new Map<string, number>()
  for (const event of events) {
    const article = String(typeof event.article === 'object' ? event.article.id : event.article)
    publishes.set(article, (publishes.get(article) ?? 0) + 1)
    const at = Date.parse(event.at)
    if (!liveAt.has(article) || at < liveAt.get(article)!) liveAt.set(article, at)
  }
  const { docs: jobs } = await retryWhileLocked(() =>
    payload.find({
      collection: JOBS_SLUG,
      where: { id: { in: jobIds } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { input: true, completedAt: true, totalTried: true, hasError: true },
    }),
  )
  const completedAt = new Map<string, number>()
  let jobsRetried = 0
  let jobsFailed = 0
  for (const job of jobs) {
    const input = job.input as { doc?: { value?: string } } | undefined
    if (job.completedAt && input?.doc?.value) completedAt.set(String(input.doc.value), Date.parse(job.completedAt))
    if ((job.totalTried ?? 0) > 1) jobsRetried++
    if (job.hasError) jobsFailed++
  }
  const { docs: claims } = await retryWhileLocked(() =>
    payload.find({
      collection: JOB_CLAIMS_SLUG,
      where: { job: { in: jobIds } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
  )
  const claimsPerJob = new Map<string, number>()
  const claimsByRunner: Record<string, number> = {}
  for (const claim of claims) {
    claimsPerJob.set(claim.job, (claimsPerJob.get(claim.job) ?? 0) + 1)
    const runner = claim.runner ?? '(none)'
    claimsByRunner[runner] = (claimsByRunner[runner] ?? 0) + 1
  }
  return {
    stories: ids.length,
    published,
    missed: ids.length - published,
    publishedTwice: [...publishes.values()].filter((count) => count > 1).length,
    jobsClaimedTwice: [...claimsPerJob.values()].filter((count) => count > 1).length,
    jobsRetried,
    jobsFailed,
    claimsByRunner,
    laneView: await lookAt(payload, ids),
    liveAt,
    completedAt,
  }
}

function countsOf(collected: Collected): OutcomeCounts {
  const { liveAt: _liveAt, completedAt: _completedAt, ...counts } = collected
  return counts
}

/**
 * Times every Local API call by collection, and the adapter's updateJobs (Payload's job
 * updates bypass the Local API when the jobs have no hooks), while `active`. Nested calls
 * (the audit entry written inside the article update) are counted in both.
 */
function instrumentPayload(payload: Payload) {
  const timings = new Map<string, TimingRow>()
  let active = false
  const record = (call: string, ms: number) => {
    if (!active) return
    const row = timings.get(call) ?? { call, calls: 0, ms: 0 }
    row.calls++
    row.ms += ms
    timings.set(call, row)
  }
  const wrap = (target: object, method: string, describe: (args: unknown[]) => string) => {
    const host = target as Record<string, (...args: unknown[]) => Promise<unknown>>
    const original = host[method]!.bind(target)
    host[method] = async (...args: unknown[]) => {
      const started = performance.now()
      try {
        const result = await original(...args)
        record(describe(args), performance.now() - started)
        return result
      } catch (error) {
        record(`${describe(args)} (threw)`, performance.now() - started)
        throw error
      }
    }
  }
  const byCollection = (operation: string) => (args: unknown[]) => `${operation} ${(args[0] as { collection?: string }).collection}`
  for (const operation of ['create', 'find', 'findByID', 'update', 'delete']) wrap(payload, operation, byCollection(operation))
  wrap(payload.db, 'updateJobs', () => 'db.updateJobs payload-jobs')
  wrap(payload.jobs, 'runByID', () => 'jobs.runByID')
  return {
    start() {
      timings.clear()
      active = true
    },
    stop(): TimingRow[] {
      active = false
      return [...timings.values()].sort((a, b) => b.ms - a.ms)
    },
  }
}

type Instrument = ReturnType<typeof instrumentPayload>

async function measureSpread(payload: Payload, request: LaneRequest, chief: TypedUser): Promise<SpreadResult> {
  const ids = await createScheduledStories(payload, request.spreadCount, '(a)')
  const random = createRandom(request.seed)
  const step = (request.spreadSeconds * 1000) / request.spreadCount
  const first = Date.now() + request.leadSeconds * 1000
  // Distinct instants: one per step, at a random point in its first three quarters (not on whole seconds).
  const instants = ids.map((_, index) => first + Math.round(index * step + random.next() * step * 0.75))
  const runsBefore = publishesSoFar()
  const { jobIds, ms } = await queueJobs(payload, ids, instants, chief.id)
  const queueMarginMs = first - Date.now()
  progress(`(a): ${ids.length} jobs queued in ${(ms / 1000).toFixed(1)} s; the first is due in ${(queueMarginMs / 1000).toFixed(1)} s`)
  const last = instants[instants.length - 1]!
  const { longestStallMs } = await watchEventLoop(() => waitForStories(payload, ids, jobIds, last, last + request.timeoutSeconds * 1000, '(a)'))
  const outcome = await collectOutcome(payload, ids, jobIds)
  outcome.publishesInLane = publishesSoFar() - runsBefore
  const { docs: articles } = await retryWhileLocked(() =>
    payload.find({ collection: ARTICLES_SLUG, where: { id: { in: ids } }, pagination: false, depth: 0, overrideAccess: true, select: { updatedAt: true } }),
  )
  const updatedAt = new Map(articles.map((article) => [String(article.id), Date.parse(article.updatedAt)]))
  const latenessMs: number[] = []
  const completedLatenessMs: number[] = []
  const updatedLatenessMs: number[] = []
  ids.forEach((id, index) => {
    const live = outcome.liveAt.get(id)
    if (live === undefined) return
    latenessMs.push(live - instants[index]!)
    updatedLatenessMs.push(updatedAt.get(id)! - instants[index]!)
    const completed = outcome.completedAt.get(id)
    if (completed !== undefined) completedLatenessMs.push(completed - instants[index]!)
  })
  return { ...countsOf(outcome), latenessMs, completedLatenessMs, updatedLatenessMs, queueMsPerJob: ms / ids.length, queueMarginMs, longestStallMs }
}

/**
 * Watches the event loop while `run` runs: the longest it could not turn (no timer, no
 * socket served), and the process's CPU time. A 10 ms ticker; the gap still open when
 * `run` ends counts too (monitorEventLoopDelay reports 0 when the loop never turned at all).
 */
async function watchEventLoop<T>(run: () => Promise<T>): Promise<{ value: T; longestStallMs: number; cpuMs: number }> {
  const tick = 10
  let last = performance.now()
  let longest = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last - tick)
    last = now
  }, tick)
  const cpu = process.cpuUsage()
  try {
    const value = await run()
    const used = process.cpuUsage(cpu)
    return { value, longestStallMs: Math.max(longest, performance.now() - last - tick, 0), cpuMs: (used.user + used.system) / 1000 }
  } finally {
    clearInterval(timer)
  }
}

async function measureBurst(
  payload: Payload,
  request: LaneRequest,
  chief: TypedUser,
  runnerNames: string[],
  instrument: Instrument | null,
  label: string,
  /** Called once the stories and their jobs are in the database, before the instant is set. */
  beforeInstant: () => Promise<void> = async () => undefined,
  /** The outcome as another process sees it, if there is one. */
  lookElsewhere?: (ids: string[]) => Promise<View>,
): Promise<BurstResult> {
  const ids = await createScheduledStories(payload, request.burstCount, label)
  // Queued a day ahead, then all moved to one instant in one update: queueing 1,000 jobs
  // takes longer than any fixed lead, and the drain must not start while it runs.
  const { jobIds } = await queueJobs(payload, ids, ids.map(() => Date.now() + 86_400_000), chief.id)
  await beforeInstant()
  const moveTo = (at: number) =>
    retryWhileLocked(() =>
      payload.db.updateMany({ collection: JOBS_SLUG, where: { id: { in: jobIds } }, data: { waitUntil: new Date(at).toISOString() }, returning: false }),
    )
  // The move itself takes a while (one row at a time): time it on a move to an hour ahead, then set
  // the instant far enough ahead that the real move is over before it; another process's runner
  // learns of the instant by its poll, so give it two polls to arm.
  const moving = performance.now()
  await moveTo(Date.now() + 3_600_000)
  const lead = Math.max(2 * (performance.now() - moving) + 1000, runnerNames.length > 1 ? 2.5 * (request.pollIntervalMs ?? 5000) : 2000)
  const instant = Date.now() + lead
  await moveTo(instant)
  jobEvents.emit(JOB_QUEUED) // as queueScheduledChange does: the runner in this process re-arms now
  const queueMarginMs = instant - Date.now()
  progress(`${label}: ${ids.length} jobs moved to one instant, due in ${(queueMarginMs / 1000).toFixed(1)} s`)
  // Watched from before the instant: the app's runner may start the drain at the instant, ahead of
  // this process's own timer, and on SQLite not let it run until the drain is over.
  const runsBefore = publishesSoFar()
  instrument?.start()
  const { longestStallMs, cpuMs } = await watchEventLoop(async () => {
    await sleep(Math.max(0, instant - Date.now()))
    await waitForStories(payload, ids, jobIds, instant, instant + request.timeoutSeconds * 1000, label)
  })
  const timings = instrument?.stop()
  const outcome = await collectOutcome(payload, ids, jobIds)
  outcome.publishesInLane = publishesSoFar() - runsBefore
  if (lookElsewhere) outcome.otherView = await lookElsewhere(ids)
  const live = [...outcome.liveAt.values()]
  const lastLiveMs = live.length ? Math.max(...live) - instant : NaN
  return {
    ...countsOf(outcome),
    runners: runnerNames,
    firstLiveMs: live.length ? Math.min(...live) - instant : NaN,
    lastLiveMs,
    drainRate: outcome.liveAt.size / (lastLiveMs / 1000),
    queueMarginMs,
    longestStallMs,
    cpuMsPerStory: cpuMs / ids.length,
    timings,
  }
}

/** The same publishes as the jobs make, minus the queue: one Local API update per story, as the chief editor. */
async function publishOneByOne(payload: Payload, ids: string[], chief: TypedUser, instrument: Instrument | null): Promise<PlainResult> {
  instrument?.start()
  const started = performance.now()
  const { longestStallMs, cpuMs } = await watchEventLoop(async () => {
    for (const id of ids) {
      await payload.update({ collection: ARTICLES_SLUG, id, data: { _status: 'published' }, user: chief, overrideAccess: false, depth: 0 })
    }
  })
  const seconds = (performance.now() - started) / 1000
  const timings = instrument?.stop() ?? []
  return { stories: ids.length, published: await countPublished(payload, ids), seconds, rate: ids.length / seconds, longestStallMs, cpuMsPerStory: cpuMs / ids.length, timings }
}

/** Two halves of a plain loop, taken as one (the halves run before and after the one-runner burst). */
function combinePlain(first: PlainResult, second: PlainResult): PlainResult {
  const stories = first.stories + second.stories
  const seconds = first.seconds + second.seconds
  const timings = new Map<string, TimingRow>()
  for (const row of [...(first.timings ?? []), ...(second.timings ?? [])]) {
    const sum = timings.get(row.call) ?? { call: row.call, calls: 0, ms: 0 }
    timings.set(row.call, { call: row.call, calls: sum.calls + row.calls, ms: sum.ms + row.ms })
  }
  return {
    stories,
    published: first.published + second.published,
    seconds,
    rate: stories / seconds,
    longestStallMs: Math.max(first.longestStallMs, second.longestStallMs),
    cpuMsPerStory: (first.cpuMsPerStory * first.stories + second.cpuMsPerStory * second.stories) / stories,
    timings: timings.size ? [...timings.values()].sort((a, b) => b.ms - a.ms) : undefined,
  }
}

async function loadRunnerClass(request: LaneRequest): Promise<typeof ScheduleRunnerClass> {
  return (await import('../../src/jobs/ScheduleRunner')).ScheduleRunner
}

interface RunnerProcess {
  /** The outcome as the runner's process sees it. */
  look(ids: string[]): Promise<View>
  stop(): Promise<void>
}

/** A second ScheduleRunner in a process of its own on the same database; resolves once it runs. */
async function startRunnerProcess(request: LaneRequest, name: string): Promise<RunnerProcess> {
  const child = fork(import.meta.filename, [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const nextMessage = () =>
    new Promise<unknown>((resolve, reject) => {
      child.once('message', resolve)
      void exited.then((code) => reject(new Error(`${name}: the runner process exited with ${code}`)))
    })
  const ready = nextMessage()
  child.send({ kind: 'runner', request, name } satisfies ChildMessage)
  await ready
  return {
    async look(ids) {
      const reply = nextMessage()
      child.send({ kind: 'look', ids } satisfies ChildMessage)
      return (await reply) as View
    },
    async stop() {
      child.send({ kind: 'stop' } satisfies ChildMessage)
      const code = await exited
      if (code !== 0) throw new Error(`${name}: the runner process exited with ${code}`)
    },
  }
}

/** The second runner's process: starts Payload and a ScheduleRunner, answers looks, runs until told to stop. */
async function serveRunner(request: LaneRequest, name: string): Promise<void> {
  const payload = await startPayload(request)
  const ScheduleRunner = await loadRunnerClass(request)
  const runner = new ScheduleRunner(payload, { concurrency: request.concurrency, pollIntervalMs: request.pollIntervalMs, name })
  await runner.start()
  const stopped = new Promise<void>((resolve) =>
    process.on('message', (message: ChildMessage) => {
      if (message.kind === 'stop') resolve()
      if (message.kind === 'look') void lookAt(payload, message.ids).then((view) => process.send!(view), exitWithError)
    }),
  )
  process.send!({ kind: 'ready' })
  await stopped
  await runner.stop()
  await payload.destroy()
}

async function runLane(request: LaneRequest): Promise<LaneResult> {
  const loadStart = os.loadavg()
  const setupStarted = performance.now()
  const payload = await startPayload(request)
  try {
    const ScheduleRunner = await loadRunnerClass(request)
    const chief = await createChiefEditor(payload)
    const setupSeconds = (performance.now() - setupStarted) / 1000
    const options = { concurrency: request.concurrency, pollIntervalMs: request.pollIntervalMs }
    const runner = new ScheduleRunner(payload, { ...options, name: 'bench-runner-1' })
    const probe = runner as unknown as { concurrency: number; pollIntervalMs: number }
    publishesSoFar = countPublishes(payload)
    const instrument = request.profile ? instrumentPayload(payload) : null
    await runner.start()

    progress(`(a) ${request.spreadCount} stories at distinct instants over ${request.spreadSeconds} s`)
    const spread = await measureSpread(payload, request, chief)
    // The plain loop runs in two halves, before and after the one-runner burst, so that a change
    // in the machine's load during the run weighs on both alike.
    const plainIds = await createScheduledStories(payload, request.burstCount, 'plain loop')
    const half = Math.ceil(plainIds.length / 2)
    progress(`(b) plain loop, first ${half} Local API publishes`)
    const plainFirst = await publishOneByOne(payload, plainIds.slice(0, half), chief, instrument)
    progress(`(b) ${request.burstCount} stories at one instant, one runner`)
    const burstOneRunner = await measureBurst(payload, request, chief, [runner.name], instrument, '(b) one runner')
    progress(`(b) plain loop, other ${plainIds.length - half} Local API publishes`)
    const plain = combinePlain(plainFirst, await publishOneByOne(payload, plainIds.slice(half), chief, instrument))
    const inOwnProcess = request.secondRunner === 'process'
    progress(`(b) ${request.burstCount} stories at one instant, two runners (the second ${inOwnProcess ? 'in a process of its own' : 'in this process'})`)
    const secondName = inOwnProcess ? 'bench-runner-2 (own process)' : 'bench-runner-2'
    let stopSecond: () => Promise<void> = async () => undefined
    let secondProcess: RunnerProcess | undefined
    // Started once the stories are set up, so that the setup writes do not meet its polls on the SQLite lock.
    const startSecond = async () => {
      if (inOwnProcess) {
        secondProcess = await startRunnerProcess(request, secondName)
        stopSecond = () => secondProcess!.stop()
      } else {
        const second = new ScheduleRunner(payload, { ...options, name: secondName })
        await second.start()
        stopSecond = () => second.stop()
      }
    }
    const lookElsewhere = inOwnProcess ? (ids: string[]) => secondProcess!.look(ids) : undefined
    // A failure here (the two processes fighting over the SQLite file) is a result too: keep the others.
    const burstTwoRunners = await measureBurst(payload, request, chief, [runner.name, secondName], instrument, '(b) two runners', startSecond, lookElsewhere).catch(
      (error: unknown) => ({ error: (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300) }),
    )
    await Promise.all([runner.stop(), stopSecond()])
    return {
      lane: request.lane,
      adapter: payload.db.name,
      runnerConcurrency: probe.concurrency,
      runnerPollMs: probe.pollIntervalMs,
      setupSeconds,
      spread,
      burstOneRunner,
      plain,
      burstTwoRunners,
      loadAverage: { start: loadStart, end: os.loadavg() },
    }
  } finally {
    if (request.lane === 'mongodb') {
      const connection = (payload.db as unknown as { connection?: { dropDatabase(): Promise<unknown> } }).connection
      await connection?.dropDatabase().catch(() => undefined)
    }
    await payload.destroy()
  }
}

function exitWithError(error: unknown): never {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
}

if (process.send) {
  process.once('message', (message: ChildMessage) => {
    if (message.kind === 'lane') {
      runLane(message.request).then((result) => process.send!(result, () => process.exit(0)), exitWithError)
    } else if (message.kind === 'runner') {
      serveRunner(message.request, message.name).then(() => process.exit(0), exitWithError)
    }
  })
}
