/** The lane's measurements: (a) stories at distinct instants, (b) a burst at one instant, and the plain loop it is held to. */
import type { Payload, TypedUser } from 'payload'

import type { BurstResult, LaneRequest, PlainResult, SpreadResult, TimingRow, View } from './protocol'
import type { Instrument } from './instrument'

import { ARTICLES_SLUG } from '../../../collections/slugs'
import { JOB_QUEUED, jobEvents } from '../../../src/workflow/scheduling/jobEvents'
import { createRandom } from '../createRandom'
import { settleEventLoop, watchEventLoop } from './instrument'
import { JOBS_SLUG, createScheduledStories, progress, queueJobs, retryWhileLocked, sleep } from './lanePayload'
import { collectOutcome, countPublished, countsOf, waitForStories } from './outcome'

/** What every measurement of a lane works with. */
export interface LaneSetting {
  payload: Payload
  request: LaneRequest
  /** The chief editor who schedules, and publishes in the plain loop. */
  chief: TypedUser
  /** Times calls during the drains and the plain loop (`--profile`). */
  instrument: Instrument | null
  /** Publishes carried out so far in the lane process (counted from its start). */
  publishesSoFar: () => number
}

export async function measureSpread({ payload, request, chief, publishesSoFar }: LaneSetting): Promise<SpreadResult> {
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
  const { longestStallMs, longestBusyStallMs } = await watchEventLoop(() => waitForStories(payload, ids, jobIds, last, last + request.timeoutSeconds * 1000, '(a)'))
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
  return { ...countsOf(outcome), latenessMs, completedLatenessMs, updatedLatenessMs, queueMsPerJob: ms / ids.length, queueMarginMs, longestStallMs, longestBusyStallMs }
}

export async function measureBurst(
  { payload, request, chief, instrument, publishesSoFar }: LaneSetting,
  runnerNames: string[],
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
  progress(`${label}: the set-up's leftovers took ${Math.round(await settleEventLoop())} ms to clear before the instant was set`)
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
  const { longestStallMs, longestStallAt, longestBusyStallMs, cpuMs } = await watchEventLoop(async () => {
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
    longestStallFromInstantMs: longestStallAt - instant,
    longestBusyStallMs,
    cpuMsPerStory: cpuMs / ids.length,
    timings,
  }
}

/** The same publishes as the jobs make, minus the queue: one Local API update per story, as the chief editor. */
export async function publishOneByOne({ payload, chief, instrument }: LaneSetting, ids: string[]): Promise<PlainResult> {
  instrument?.start()
  const started = performance.now()
  const { longestStallMs, longestBusyStallMs, cpuMs } = await watchEventLoop(async () => {
    for (const id of ids) {
      await payload.update({ collection: ARTICLES_SLUG, id, data: { _status: 'published' }, user: chief, overrideAccess: false, depth: 0 })
    }
  })
  const seconds = (performance.now() - started) / 1000
  const timings = instrument?.stop() ?? []
  return { stories: ids.length, published: await countPublished(payload, ids), seconds, rate: ids.length / seconds, longestStallMs, longestBusyStallMs, cpuMsPerStory: cpuMs / ids.length, timings }
}

/** Two halves of a plain loop, taken as one (the halves run before and after the one-runner burst). */
export function combinePlain(first: PlainResult, second: PlainResult): PlainResult {
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
    longestBusyStallMs: Math.max(first.longestBusyStallMs, second.longestBusyStallMs),
    cpuMsPerStory: (first.cpuMsPerStory * first.stories + second.cpuMsPerStory * second.stories) / stories,
    timings: timings.size ? [...timings.values()].sort((a, b) => b.ms - a.ms) : undefined,
  }
}
