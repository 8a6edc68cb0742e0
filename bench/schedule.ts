/**
 * npm run bench:schedule -- [--stories N] [--spread-seconds S] [--lead-seconds S] [--burst N]
 *                           [--concurrency N] [--poll-ms MS] [--seed S] [--profile] [--timeout S]
 *                           [--second-runner process|inline] [--sqlite-pragma P]…
 *                           [--lanes sqlite,mongodb] [--keep]
 *
 * Scheduled publishing's benchmark. On a fresh SQLite file, and on MongoDB as
 * well when BENCH_MONGODB_URI is set (MONGODB_COMPAT from BENCH_MONGODB_COMPAT), each in
 * a child process (bench/support/schedule/lane.ts) with Payload started in-process and
 * the app's ScheduleRunner running Payload's schedulePublish jobs as a chief editor:
 *   (a) 100 stories scheduled at distinct instants over 30 s: lateness of each going live
 *       (its publish audit entry's `at`) after its scheduled instant, p50 / p99 / max;
 *   (b) 1,000 stories scheduled for one instant: time until the last is live and the drain
 *       rate, beside a plain loop of the same Local API publishes (a fresh 1,000 stories, in
 *       two halves run before and after the burst, so that a change in load weighs on both);
 *       then the burst again with a second runner on the same database, in a process of its
 *       own by default (as `npm run worker` beside a server; `--second-runner inline` puts it
 *       in the same process, where on SQLite it cannot run while the first one drains).
 * `--sqlite-pragma synchronous=NORMAL`
 * (repeatable) tries a SQLite setting on every process's connection that src/db.ts does not make.
 * Counts published / missed / published twice for each. Prints figures with the issue's
 * targets beside them. Not a test: nothing fails.
 */
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { parseArgs } from 'node:util'

import type { BurstResult, ChildMessage, LaneRequest, LaneResult, OutcomeCounts, TimingRow } from './support/schedule/protocol'
import type { Figure } from './support/report'

import { exitWithUsageOnHelp, positiveOptionReader } from './support/benchOptions'
import { describeCommit, describeMachine, formatFigures, formatLoadAverage, formatTable, percentile } from './support/report'

const USAGE =
  'usage: npm run bench:schedule -- [--stories N] [--spread-seconds S] [--lead-seconds S] [--burst N] [--concurrency N] [--poll-ms MS] [--seed S] [--profile] [--timeout S] [--second-runner process|inline] [--sqlite-pragma P]… [--lanes sqlite,mongodb] [--keep]'
const ROOT = path.resolve(import.meta.dirname, '..')
const LATENESS_TARGET_MS = 100
const STALL_TARGET_MS = 200
const DRAIN_TARGET = 0.8

interface Options {
  stories: number
  spreadSeconds: number
  leadSeconds: number
  burst: number
  concurrency?: number
  pollMs?: number
  seed: number
  profile: boolean
  timeoutSeconds: number
  secondRunner: 'process' | 'inline'
  sqlitePragmas: string[]
  lanes: Set<string>
  keep: boolean
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      stories: { type: 'string', default: '100' },
      'spread-seconds': { type: 'string', default: '30' },
      'lead-seconds': { type: 'string', default: '5' },
      burst: { type: 'string', default: '1000' },
      concurrency: { type: 'string' },
      'poll-ms': { type: 'string' },
      seed: { type: 'string', default: '20240601' },
      profile: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '600' },
      'second-runner': { type: 'string', default: 'process' },
      'sqlite-pragma': { type: 'string', multiple: true, default: [] },
      lanes: { type: 'string', default: 'sqlite,mongodb' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  exitWithUsageOnHelp(values.help, USAGE)
  const positive = positiveOptionReader(USAGE)
  const secondRunner = values['second-runner']
  if (secondRunner !== 'process' && secondRunner !== 'inline') throw new Error(`--second-runner expects process or inline (got "${secondRunner}")\n${USAGE}`)
  return {
    lanes: new Set(values.lanes.split(',').map((lane) => lane.trim())),
    sqlitePragmas: values['sqlite-pragma'],
    secondRunner,
    stories: positive('stories', values.stories),
    spreadSeconds: positive('spread-seconds', values['spread-seconds']),
    leadSeconds: positive('lead-seconds', values['lead-seconds']),
    burst: positive('burst', values.burst),
    concurrency: values.concurrency === undefined ? undefined : positive('concurrency', values.concurrency),
    pollMs: values['poll-ms'] === undefined ? undefined : positive('poll-ms', values['poll-ms']),
    seed: positive('seed', values.seed),
    profile: values.profile,
    timeoutSeconds: positive('timeout', values.timeout),
    keep: values.keep,
  }
}

interface Lane {
  request: LaneRequest
  /** Shown in the report (no credentials). */
  where: string
}

function planLanes(options: Options, workDir: string): Lane[] {
  const common = {
    spreadCount: options.stories,
    spreadSeconds: options.spreadSeconds,
    leadSeconds: options.leadSeconds,
    burstCount: options.burst,
    concurrency: options.concurrency,
    pollIntervalMs: options.pollMs,
    seed: options.seed,
    profile: options.profile,
    timeoutSeconds: options.timeoutSeconds,
    secondRunner: options.secondRunner,
    sqlitePragmas: options.sqlitePragmas,
  }
  const sqliteFile = path.join(workDir, 'newsroom.db')
  const lanes: Lane[] = []
  if (options.lanes.has('sqlite')) lanes.push({ request: { ...common, lane: 'sqlite', databaseUri: `file:${sqliteFile}`, mongodbCompat: 'none' }, where: sqliteFile })
  const mongoUri = process.env.BENCH_MONGODB_URI
  if (options.lanes.has('mongodb') && !mongoUri) process.stderr.write('mongodb: skipped (set BENCH_MONGODB_URI, and BENCH_MONGODB_COMPAT=ferretdb for FerretDB)\n')
  if (options.lanes.has('mongodb') && mongoUri) {
    const compat = process.env.BENCH_MONGODB_COMPAT === 'ferretdb' ? 'ferretdb' : 'none'
    const url = new URL(mongoUri)
    url.pathname = `/newsroom_bench_schedule_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
    lanes.push({
      request: { ...common, lane: 'mongodb', databaseUri: url.toString(), mongodbCompat: compat },
      where: `${url.host}${url.pathname} (MONGODB_COMPAT=${compat}; dropped afterwards)`,
    })
  }
  return lanes
}

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' }
const anonymise = (text: string) =>
  text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{24}\b/g, '…')

/** One line per kind of log entry the lane's processes wrote: "error bench-runner-1: job run failed (database is locked)". */
function describeLogEntry(line: string): string | null {
  let entry: { level?: number; msg?: string; err?: { message?: string } }
  try {
    entry = JSON.parse(line)
  } catch {
    return null
  }
  if (typeof entry.level !== 'number' || typeof entry.msg !== 'string') return null
  const error = entry.err?.message ?? ''
  const cause = /database is locked/.test(error) ? 'database is locked' : anonymise(error.split('\n')[0]!.slice(0, 100))
  return `${LEVELS[entry.level] ?? entry.level} ${anonymise(entry.msg).slice(0, 120)}${cause ? ` (${cause})` : ''}`
}

interface LaneRun {
  result: LaneResult
  /** Log entries by kind, with counts; the full log is in `logFile`. */
  logSummary: [string, number][]
  logFile: string
}

/** Runs one lane in a fresh Node process and waits for its result; its log goes to a file, summarised. */
function runLane(lane: Lane, workDir: string): Promise<LaneRun> {
  process.stderr.write(`${lane.request.lane}: ${lane.where}\n`)
  const started = performance.now()
  const logFile = path.join(workDir, `${lane.request.lane}.log`)
  const log = fs.createWriteStream(logFile)
  const kinds = new Map<string, number>()
  return new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, 'support/schedule/lane.ts'), [], {
      cwd: ROOT,
      execArgv: ['--conditions=production', '--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    })
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      log.write(`${line}\n`)
      const kind = describeLogEntry(line)
      if (kind) kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
      else process.stderr.write(`${line}\n`)
    })
    let result: LaneResult | undefined
    child.on('message', (message) => (result = message as LaneResult))
    child.on('error', reject)
    child.on('exit', (code) => {
      log.end()
      if (!result) return reject(new Error(`${lane.request.lane}: the child process exited with ${code} (log: ${logFile})`))
      process.stderr.write(`${lane.request.lane}: done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`)
      resolve({ result, logSummary: [...kinds].sort((a, b) => b[1] - a[1]), logFile })
    })
    child.send({ kind: 'lane', request: lane.request } satisfies ChildMessage)
  })
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value).toLocaleString('en-US')} ms` : '—')
const seconds = (value: number) => (Number.isFinite(value) ? `${(value / 1000).toFixed(1)} s` : '—')
const perSecond = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)}/s` : '—')

const triple = (values: number[]) => `${ms(percentile(values, 0.5))} / ${ms(percentile(values, 0.99))} / ${ms(Math.max(...values))}`
/** Clean by every view: none missed or twice, and no connection left holding uncommitted writes. */
const isTrustworthy = (counts: OutcomeCounts) =>
  !counts.laneView.openTransaction &&
  (!counts.otherView || (!counts.otherView.openTransaction && counts.otherView.published === counts.stories && counts.otherView.publishEntries === counts.stories))
/** Claim rows held by the runners in the lane process (the second too, when it runs in the same process). */
const lanesClaims = (counts: OutcomeCounts) => (counts.claimsByRunner['bench-runner-1'] ?? 0) + (counts.claimsByRunner['bench-runner-2'] ?? 0)
const outcome = (counts: OutcomeCounts) => `${counts.published} / ${counts.missed} / ${counts.publishedTwice}`
const isClean = (counts: OutcomeCounts) => counts.missed === 0 && counts.publishedTwice === 0 && counts.jobsClaimedTwice === 0 && isTrustworthy(counts)
const claims = (counts: OutcomeCounts) =>
  Object.entries(counts.claimsByRunner)
    .map(([runner, count]) => `${runner} ${count}`)
    .join(', ')

function formatTimings(label: string, rows: TimingRow[] | undefined, stories: number, wallMs: number): string[] {
  if (!rows?.length) return []
  const table = [['call', 'calls', 'total', 'per story']]
  for (const row of rows) table.push([row.call, String(row.calls), ms(row.ms), `${(row.ms / stories).toFixed(1)} ms`])
  return ['', `${label}: time per call (nested calls counted in their callers too; wall clock ${seconds(wallMs)}, ${(wallMs / stories).toFixed(1)} ms per story)`, formatTable(table)]
}

function formatLane(lane: Lane, { result, logSummary, logFile }: LaneRun, keep: boolean): string {
  const { spread, burstOneRunner: one, plain } = result
  const twoFailed = 'error' in result.burstTwoRunners ? result.burstTwoRunners.error : null
  const two = 'error' in result.burstTwoRunners ? null : result.burstTwoRunners
  const p99 = percentile(spread.latenessMs, 0.99)
  const plainTarget = DRAIN_TARGET * plain.rate
  const burstFigures = (label: string, burst: BurstResult): Figure[] => [
    { name: `${label}: last live after the instant`, value: burst.lastLiveMs / 1000, unit: 's', digits: 1 },
    {
      name: `${label}: longest event-loop stall in the lane process (began, from the instant)`,
      value: `${ms(burst.longestStallMs)} (${(burst.longestStallFromInstantMs / 1000).toFixed(1)} s)`,
      // The issue's target is for the burst with one runner; with two, this process also waits for the other's writes.
      ...(burst.runners.length === 1 ? { target: `≤ ${STALL_TARGET_MS} ms`, met: burst.longestStallMs <= STALL_TARGET_MS } : {}),
    },
    { name: `${label}: the lane process's own CPU time within one stall (load-independent)`, value: burst.longestBusyStallMs, unit: 'ms' },
    {
      name: `${label}: drain rate`,
      value: `${perSecond(burst.drainRate)} (${((burst.drainRate / plain.rate) * 100).toFixed(0)}% of plain)`,
      target: `≥ 80% of plain = ${perSecond(plainTarget)}`,
      met: burst.drainRate >= plainTarget,
    },
    {
      name: `${label}: CPU per story (lane process)`,
      value: `${burst.cpuMsPerStory.toFixed(1)} ms (plain: ${plain.cpuMsPerStory.toFixed(1)} ms, ${((plain.cpuMsPerStory / burst.cpuMsPerStory) * 100).toFixed(0)}%)`,
    },
    { name: `${label}: published / missed / twice`, value: outcome(burst), target: `${burst.stories} / 0 / 0`, met: isClean(burst) },
    { name: `${label}: jobs claimed twice; claims by runner`, value: `${burst.jobsClaimedTwice}; ${claims(burst)}`, target: '0', met: burst.jobsClaimedTwice === 0 },
    ...(burst.publishesInLane !== undefined && burst.publishesInLane > lanesClaims(burst)
      ? [
          {
            name: `${label}: publishes done in the lane process; claim rows it holds`,
            value: `${burst.publishesInLane}; ${lanesClaims(burst)}`,
            target: 'no more publishes than claims',
            met: false,
          },
        ]
      : []),
    ...(burst.otherView
      ? [
          {
            name: `${label}: seen from the second runner's process`,
            value: `${burst.otherView.published} live, ${burst.otherView.publishEntries} publish entries`,
            target: `${burst.stories}, ${burst.stories}`,
            met: burst.otherView.published === burst.stories && burst.otherView.publishEntries === burst.stories,
          },
        ]
      : []),
  ]
  const figures: Figure[] = [
    {
      name: '(a) lateness p50 / p99 / max (audit entry)',
      value: triple(spread.latenessMs),
      target: `p99 ≤ ${ms(LATENESS_TARGET_MS)}`,
      met: spread.latenessMs.length > 0 && p99 <= LATENESS_TARGET_MS,
    },
    { name: "(a) the same by the article's updatedAt (lower bound)", value: triple(spread.updatedLatenessMs) },
    { name: "(a) the same by the job's completedAt (later)", value: triple(spread.completedLatenessMs) },
    { name: '(a) longest event-loop stall in the lane process', value: spread.longestStallMs, unit: 'ms' },
    { name: "(a) the lane process's own CPU time within one stall", value: spread.longestBusyStallMs, unit: 'ms' },
    { name: '(a) published / missed / twice', value: outcome(spread), target: `${spread.stories} / 0 / 0`, met: isClean(spread) },
    { name: '(a) jobs claimed twice', value: spread.jobsClaimedTwice, target: '0', met: spread.jobsClaimedTwice === 0 },
    ...burstFigures('(b) 1 runner', one),
    { name: '(b) plain Local API loop', value: `${perSecond(plain.rate)} (${plain.published}/${plain.stories} live in ${seconds(plain.seconds * 1000)})`, target: 'baseline' },
    { name: '(b) plain loop: longest event-loop stall', value: plain.longestStallMs, unit: 'ms' },
    { name: "(b) plain loop: the lane process's own CPU time within one stall", value: plain.longestBusyStallMs, unit: 'ms' },
    { name: '(b) plain loop: CPU per story', value: plain.cpuMsPerStory, unit: 'ms', digits: 1 },
    ...(two ? burstFigures('(b) 2 runners', two) : [{ name: '(b) 2 runners', value: `failed: ${twoFailed}`, target: 'none missed, none twice', met: false }]),
  ]
  const retries = [spread, one, two].map((counts) => (counts ? counts.jobsRetried + counts.jobsFailed : 0))
  const lines = [
    '',
    `lane ${result.lane} (${result.adapter}): ${lane.where}`,
    'ScheduleRunner (src/workflow/scheduling)' +
      `${lane.request.sqlitePragmas.length && result.adapter === 'sqlite' ? ` with PRAGMA ${lane.request.sqlitePragmas.join(', ')}` : ''}: concurrency ${result.runnerConcurrency}, poll ${result.runnerPollMs} ms; start-up and users ${result.setupSeconds.toFixed(1)} s; ` +
      `load average ${formatLoadAverage(result.loadAverage.start)} → ${formatLoadAverage(result.loadAverage.end)}`,
    `(a) the first instant ${seconds(spread.queueMarginMs)} after queueing ended (${spread.queueMsPerJob.toFixed(1)} ms per job queued); ` +
      `(b) jobs queued a day ahead, then moved to the instant ${seconds(one.queueMarginMs)}${two ? ` / ${seconds(two.queueMarginMs)}` : ''} before it`,
    '',
    formatFigures(figures),
  ]
  const stuck = (
    [
      ['(a)', spread],
      ['(b) 1 runner', one],
      ['(b) 2 runners', two],
    ] as const
  ).flatMap(([label, counts]) => counts === null ? [] : [
    ...(counts.laneView.openTransaction ? [`${label}: this lane process's SQLite connection was left inside a transaction nobody committed: what it saw (above) is not in the file, and is lost when it closes`] : []),
    ...(counts.otherView?.openTransaction ? [`${label}: the second runner's SQLite connection was left inside a transaction nobody committed`] : []),
  ])
  if (stuck.length) lines.push('', ...stuck)
  if (retries.some(Boolean)) {
    lines.push('', `jobs retried or failed: (a) ${retries[0]}, (b) 1 runner ${retries[1]}, (b) 2 runners ${retries[2]}`)
  }
  if (logSummary.length) {
    lines.push('', `log entries from the lane's processes (warn and above${keep ? `; all in ${logFile}` : ''}):`)
    for (const [kind, count] of logSummary) lines.push(`  ${String(count).padStart(5)} × ${kind}`)
  }
  lines.push(
    ...formatTimings('(b) 1 runner', one.timings, one.stories, one.lastLiveMs),
    ...formatTimings('(b) plain loop', plain.timings, plain.stories, plain.seconds * 1000),
    ...(two ? formatTimings('(b) 2 runners', two.timings, two.stories, two.lastLiveMs) : []),
  )
  return lines.join('\n')
}

async function main() {
  const options = readOptions()
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-schedule-'))
  try {
    const lanes = planLanes(options, workDir)
    console.log(
      [
        '',
        `scheduled publishing benchmark · commit ${describeCommit()} (working tree as found) · ${describeMachine()}`,
        `(a) ${options.stories} stories at distinct instants over ${options.spreadSeconds} s; (b) ${options.burst} stories at one instant, ` +
          `beside a plain loop of ${options.burst} Local API publishes (half before, half after the burst), then the burst again with two runners ` +
          `on the same database (the second ${options.secondRunner === 'process' ? 'in a process of its own' : 'in the same process'})`,
        'lateness: the publish audit entry\'s `at` minus the scheduled instant (written by the publish\'s afterChange hook, a few ms after the ' +
          'article\'s row went live: Payload runs SQLite without transactions; the article\'s updatedAt, set just before, is the lower bound); ' +
          'p99 by nearest rank; drain rate: stories live / (last live − instant); CPU per story: the lane process\'s CPU time / stories ' +
          '(less sensitive than wall-clock rates to other load on the machine)',
      ].join('\n'),
    )
    // Each lane's figures as soon as it ends: a later lane that fails or is stopped loses only its own.
    for (const lane of lanes) console.log(formatLane(lane, await runLane(lane, workDir), options.keep))
  } finally {
    if (options.keep) process.stderr.write(`kept ${workDir}\n`)
    else fs.rmSync(workDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
