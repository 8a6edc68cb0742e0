/** What bench/schedule.ts and the lane's processes tell each other over IPC, and the figures a lane answers with. */
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
  longestBusyStallMs: number
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
  /** When that stall began, from the scheduled instant (ms; negative: before it, while the runner waited). */
  longestStallFromInstantMs: number
  /** The most CPU time the lane process spent within one such gap (ms): its own synchronous stretch, whatever the load. */
  longestBusyStallMs: number
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
  longestBusyStallMs: number
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
