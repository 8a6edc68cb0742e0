/** Reading back a phase's outcome: stories live, publish entries in the audit trail, jobs and their claims, as one process sees them. */
import type { Payload } from 'payload'

import type { OutcomeCounts, View } from './protocol'

import { ARTICLES_SLUG, JOB_CLAIMS_SLUG, WORKFLOW_EVENTS_SLUG } from '../../../collections/slugs'
import { JOBS_SLUG, progress, retryWhileLocked, sleep } from './lanePayload'

/** A phase is over when no story has gone live for this long after its last instant (jobs stuck, or failed for good). */
const STALLED_AFTER_MS = 60_000

export async function countPublished(payload: Payload, ids: string[]): Promise<number> {
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
 * Waits until every story is live and its job finished, or nothing is left to run, or the deadline
 * passes. Not at the last story going live: its job still writes after that (the audit entry, the
 * job's completion), in the same transaction where the database has them, but not on FerretDB
 * (no transactions): a look in between saw 20 stories live and 18 publish entries.
 * Checks once a second: the check is two count queries, little beside the runner's work.
 */
export async function waitForStories(payload: Payload, ids: string[], jobIds: string[], notBefore: number, deadline: number, label: string) {
  let lastReport = 0
  let lastCount = -1
  let lastProgress = Date.now()
  for (;;) {
    await sleep(1000)
    const published = await countPublished(payload, ids)
    const now = Date.now()
    if (published !== lastCount) {
      lastCount = published
      lastProgress = now
    }
    if ((published === ids.length || now >= notBefore) && (await countUnfinishedJobs(payload, jobIds)) === 0) return
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

export async function lookAt(payload: Payload, ids: string[]): Promise<View> {
  const { totalDocs: publishEntries } = await retryWhileLocked(() =>
    payload.count({ collection: WORKFLOW_EVENTS_SLUG, where: { and: [{ article: { in: ids } }, { action: { equals: 'publish' } }] }, overrideAccess: true }),
  )
  return { published: await countPublished(payload, ids), publishEntries, openTransaction: await probeOpenTransaction(payload) }
}

export interface Collected extends OutcomeCounts {
  /** First publish audit entry per story (ms since the epoch). */
  liveAt: Map<string, number>
  completedAt: Map<string, number>
}

/** Reads back the outcome: main documents, publish entries of the audit trail, jobs and their claims. */
export async function collectOutcome(payload: Payload, ids: string[], jobIds: string[]): Promise<Collected> {
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

export function countsOf(collected: Collected): OutcomeCounts {
  const { liveAt: _liveAt, completedAt: _completedAt, ...counts } = collected
  return counts
}
