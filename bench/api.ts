/**
 * npm run bench:api -- [--seconds S] [--day-seconds S] [--connections N] [--stories N]
 *                      [--only cached,editing,uncached,bare,newsroom] [--cpu-prof DIR] [--skip-sqlite]
 *
 * The delivery API's benchmark. For SQLite (a fresh file), and for MongoDB when BENCH_MONGODB_URI
 * is set (MONGODB_COMPAT from BENCH_MONGODB_COMPAT, e.g. ferretdb; --skip-sqlite for that lane alone), a child process
 * (bench/support/apiServer.ts) starts the server in production mode without the admin (rate limit
 * off; the seeds published plus copies up to --stories, spread over the districts; a newsroom of
 * editors and a chief editor); this process drives anonymous load with keep-alive connections:
 *   - list by district: /api/articles?where[districts.slug][equals]=<each district>&limit=10&depth=1
 *   - one article by slug: /api/articles?where[slug][equals]=<each story>&limit=1&depth=1
 *   - feeds: /feeds/rss.xml, /feeds/atom.xml and each district's (src/syndication), and /sitemap.xml
 *     (no bare counterpart: cached, editing and uncached only)
 * Four measurements per case, in the same run, each row with what it includes:
 *   - "API, response cache": the whole delivery edge (src/http/mountDeliveryApi.ts: CORS, rate limit,
 *     parameter checks, the credential check, the change log read, the cache lookup); a miss is
 *     computed like a read with the cache off;
 *   - "API, cache, a live edit every second": the same while the chief editor edits a live story
 *     (PATCH through the REST API, signed in);
 *   - "API, cache off": the same edge without the response cache (a second Express app over the same
 *     Payload): every read computed, by Payload's REST handler, or on SQLite for the article pages
 *     front ends send (list by district, one by slug) by the API's fast path (src/delivery/fastReads/);
 *   - "bare handler", the ceiling: the same reads from a bare Express handler over the database
 *     driver (bench/support/apiBareHandlers.ts; on SQLite the fast path's own reader), none of the edge.
 * Then the "newsroom day" (bench/support/newsroomDay.ts): readers ask for stories, district list
 * pages and latest-story pages by Zipf rank while ten editors autosave drafts every 5 s and the
 * chief editor publishes or edits a live story every 30 s, all through the REST API as signed-in
 * users; the same reads and writes against the bare handler beside it.
 * Before measuring, answers are compared: a bare handler that answered less than the API would make
 * the ratio meaningless, and the cached and uncached API must agree; a difference stops the lane.
 * Figures: requests/s, p50/p99, the share of cache hits (X-Cache: hit), the lane server's CPU time
 * per request (all servers run in that process; a database server of its own is not counted) and
 * the load average after each measurement. "% of bare" is the bare handler's server CPU per request
 * over the API's: it stays comparable when other work shares the machine, where requests/s do not.
 * --cpu-prof DIR writes a V8 CPU profile of the lane server for each measurement (read it with
 * bench/support/summariseCpuProfile.ts). BENCH_REPORT=markdown prints Markdown tables. Not a test:
 * no target missed fails it.
 */
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { runLoad, type LoadResult } from './support/apiLoad'
import { createRandom } from './support/createRandom'
import { listJsonDifferences } from './support/listJsonDifferences'
import { buildNewsroomReads, startNewsroomWriters, type NewsroomAccounts, type ReadPath, type WriterTally } from './support/newsroomDay'
import { type Figure, describeCommit, describeMachine, formatFigures, formatTable, percentile } from './support/report'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    'day-seconds': { type: 'string', default: '60' },
    connections: { type: 'string', default: '32' },
    stories: { type: 'string', default: '500' },
    'cpu-prof': { type: 'string' },
    only: { type: 'string' },
    'skip-sqlite': { type: 'boolean', default: false },
  },
})
const CPU_PROF_DIR = values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined
/** Measure only these rows: cached, editing, uncached, bare, newsroom (comma-separated); all when unset. */
const ONLY = values.only ? new Set(values.only.split(',')) : undefined
const SECONDS = Number(values.seconds)
/** The newsroom day runs longer: the chief editor acts every 30 s. */
const DAY_SECONDS = Number(values['day-seconds'])
const CONNECTIONS = Number(values.connections)
const STORIES = Number(values.stories)
const WARM_UP_SECONDS = 2
const SHARE_OF_BARE_TARGET = 0.8
const P99_TARGET_MS = 50
const HIT_RATE_TARGET = 0.95
/** Request pairs per case whose API and bare answers are compared before measuring. */
const COMPARED_PER_CASE = 12
/** During the "editing" measurement, the chief editor edits a live story this often. */
const EDIT_EVERY_MS = 1000
/** The newsroom day's pace. */
const AUTOSAVE_EVERY_MS = 5000
const CHIEF_EVERY_MS = 30_000
/** Reads generated for the newsroom day (sent in turn, round and round). */
const NEWSROOM_READS = 50_000

/**
 * Differences that are Payload's, not the bare handler's. With MONGODB_COMPAT=ferretdb (no $lookup),
 * Payload 3.90 resolves join fields with one query for all listed articles (db-mongodb's
 * resolveJoins) and sets each article's `captions.hasNextPage` from the captions of all of them.
 */
function isKnownDifference(compat: string, difference: string): boolean {
  return compat === 'ferretdb' && /^docs\[\d+\]\.captions\.hasNextPage: true ≠ false$/.test(difference)
}

type Measured = LoadResult & { cpuMsPerRequest: number; loadAverage: number }
type WhileWriting = Measured & { writes: WriterTally }

interface Ready {
  type: 'ready'
  lane: string
  url: string
  uncachedUrl: string
  bareUrl: string
  slugs: string[]
  districts: { slug: string; totalDocs: number }[]
  publishedTotal: number
  newsroom: NewsroomAccounts
}

interface Row {
  name: string
  cached?: Measured
  editing?: WhileWriting
  uncached?: Measured
  bare?: Measured
}

interface NewsroomDay {
  api: WhileWriting
  bare?: WhileWriting
}

const wanted = (row: string) => !ONLY || ONLY.has(row)

async function runLane(databaseUri: string, compat: string) {
  const mediaDir = path.join(os.tmpdir(), `bench-api-media-${Date.now()}`)
  try {
    return await measureLane(databaseUri, compat, mediaDir)
  } finally {
    // The lane's SQLite file and photo files (a MongoDB lane drops its database itself).
    fs.rmSync(mediaDir, { recursive: true, force: true })
    // The database file and everything named after it (its journal, and the search index's files beside it).
    if (databaseUri.startsWith('file:')) {
      const file = databaseUri.slice('file:'.length)
      for (const name of fs.readdirSync(path.dirname(file))) if (name.startsWith(path.basename(file))) fs.rmSync(path.join(path.dirname(file), name), { recursive: true, force: true })
    }
  }
}

async function measureLane(databaseUri: string, compat: string, mediaDir: string) {
  const child = fork(path.join(import.meta.dirname, 'support/apiServer.ts'), {
    execArgv: ['--import', 'tsx', '--conditions=production', '--no-deprecation'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URI: databaseUri,
      DATABASE_INIT: 'true',
      MONGODB_COMPAT: compat,
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      HOST: '127.0.0.1',
      PORT: '0',
      SEED_ON_START: 'true',
      JOBS_AUTORUN: 'false',
      API_RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      MEDIA_DIR: mediaDir,
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      REVALIDATE_WEBHOOK_URLS: '',
      BENCH_STORIES: String(STORIES),
    },
  })
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready))
    child.once('exit', (code) => reject(new Error(`lane server exited with ${code}`)))
  })
  /** Sends the lane server a message and waits for its reply of the given type. */
  const ask = <Reply>(message: { type: string; file?: string }, replyType: string) =>
    new Promise<Reply>((resolve) => {
      const onMessage = (reply: { type: string }) => {
        if (reply.type !== replyType) return
        child.off('message', onMessage)
        resolve(reply as Reply)
      }
      child.on('message', onMessage)
      child.send(message)
    })
  /** The lane server's CPU time so far, in ms. */
  const serverCpuMs = async () => {
    const { usage } = await ask<{ usage: NodeJS.CpuUsage }>({ type: 'cpu' }, 'cpu')
    return (usage.user + usage.system) / 1000
  }
  const measure = async (urls: string[], profileName: string, seconds = SECONDS): Promise<Measured> => {
    if (CPU_PROF_DIR) await ask({ type: 'profile-start' }, 'profiling')
    const before = await serverCpuMs()
    const result = await runLoad(urls, { connections: CONNECTIONS, seconds, warmUpSeconds: WARM_UP_SECONDS })
    const cpuMsPerRequest = ((await serverCpuMs()) - before) / (result.requests + result.warmUpRequests)
    if (CPU_PROF_DIR) await ask({ type: 'profile-stop', file: path.join(CPU_PROF_DIR, `${ready.lane}-${profileName}.cpuprofile`) }, 'profiled')
    return { ...result, cpuMsPerRequest, loadAverage: os.loadavg()[0]! }
  }
  /** Measures while the newsroom writes through `baseUrl` (the cached API's server, where its writes land). */
  const measureWhileWriting = async (urls: string[], profileName: string, writers: { accounts: NewsroomAccounts; autosaveEveryMs: number; chiefEveryMs: number }, seconds = SECONDS) => {
    const stop = await startNewsroomWriters(ready.url, writers.accounts, writers)
    const result = await measure(urls, profileName, seconds)
    return { ...result, writes: await stop() }
  }
  const slugCase = (slug: string) => ({ api: `/api/articles?where[slug][equals]=${slug}&limit=1&depth=1`, bare: `/bare/articles/by-slug/${slug}` as string | undefined })
  const cases = [
    {
      key: 'list',
      name: `list by district (limit 10, depth 1), ${ready.districts.length} districts in turn`,
      paths: ready.districts.map(({ slug }) => ({ api: `/api/articles?where[districts.slug][equals]=${slug}&limit=10&depth=1`, bare: `/bare/articles/by-district/${slug}` as string | undefined })),
    },
    { key: 'slug', name: `one article by slug (depth 1), ${ready.slugs.length} stories in turn`, paths: ready.slugs.map((slug) => slugCase(encodeURIComponent(slug))) },
    // Feeds and sitemaps (src/syndication) have no bare counterpart: cached, editing and uncached only.
    {
      key: 'feeds',
      name: `feeds: RSS and Atom of the site and of ${ready.districts.length} districts in turn (latest 50)`,
      paths: ['', ...ready.districts.map(({ slug }) => `${slug}/`)].flatMap((prefix) => [`/feeds/${prefix}rss.xml`, `/feeds/${prefix}atom.xml`]).map((api) => ({ api, bare: undefined })),
    },
    { key: 'sitemap', name: 'sitemap.xml (every published story)', paths: [{ api: '/sitemap.xml', bare: undefined as string | undefined }] },
  ]
  const stopLane = () => child.send({ type: 'stop' })
  /** Stops the lane when the API's answers differ from the bare handler's or from each other. */
  const compareAnswers = async (caseName: string, paths: { api: string; bare: string | undefined }[]) => {
    for (const { api, bare } of paths.slice(0, COMPARED_PER_CASE)) {
      if (bare === undefined) {
        // XML: the cached and uncached servers must send the same document.
        const [cachedXml, uncachedXml] = await Promise.all([ready.url + api, ready.uncachedUrl + api].map((url) => fetch(url).then((r) => r.text())))
        if (cachedXml === uncachedXml) continue
        stopLane()
        throw new Error(`[${ready.lane}] ${api}: the cached and uncached answers differ`)
      }
      const [apiJson, uncachedJson, bareJson] = await Promise.all([ready.url + api, ready.uncachedUrl + api, ready.bareUrl + bare].map((url) => fetch(url).then((r) => r.json())))
      const differences = [
        ...listJsonDifferences(apiJson, bareJson).filter((difference) => !isKnownDifference(compat, difference)),
        ...listJsonDifferences(apiJson, uncachedJson).map((difference) => `(cache off) ${difference}`),
      ]
      if (differences.length === 0) continue
      stopLane()
      throw new Error(`[${ready.lane}] ${caseName}, ${api}: the answers differ (left: API):\n  ${differences.slice(0, 20).join('\n  ')}`)
    }
  }
  /** The "editing" row's writer: the chief editor's live edits alone. */
  const liveEditsOnly = { accounts: { ...ready.newsroom, editors: [], approvedIds: [] }, autosaveEveryMs: AUTOSAVE_EVERY_MS, chiefEveryMs: EDIT_EVERY_MS }
  const rows: Row[] = []
  const measuresAny = ['cached', 'editing', 'uncached', 'bare'].some(wanted)
  for (const testCase of measuresAny ? cases : []) {
    await compareAnswers(testCase.name, testCase.paths)
    const apiUrls = testCase.paths.map(({ api }) => ready.url + api)
    const hasBare = testCase.paths.every(({ bare }) => bare !== undefined)
    rows.push({
      name: testCase.name,
      cached: wanted('cached') ? await measure(apiUrls, `${testCase.key}-cached`) : undefined,
      editing: wanted('editing') ? await measureWhileWriting(apiUrls, `${testCase.key}-editing`, liveEditsOnly) : undefined,
      uncached: wanted('uncached') ? await measure(testCase.paths.map(({ api }) => ready.uncachedUrl + api), `${testCase.key}-uncached`) : undefined,
      bare: wanted('bare') && hasBare ? await measure(testCase.paths.map(({ bare }) => ready.bareUrl + bare), `${testCase.key}-bare`) : undefined,
    })
  }
  let newsroomDay: NewsroomDay | undefined
  if (wanted('newsroom')) {
    const reads: ReadPath[] = buildNewsroomReads(ready, createRandom(2026), NEWSROOM_READS)
    await compareAnswers('newsroom day', reads)
    // The API's run and the bare handler's each publish their own half of the approved stories.
    const half = Math.ceil(ready.newsroom.approvedIds.length / 2)
    const day = (approvedIds: string[]) => ({ accounts: { ...ready.newsroom, approvedIds }, autosaveEveryMs: AUTOSAVE_EVERY_MS, chiefEveryMs: CHIEF_EVERY_MS })
    newsroomDay = {
      api: await measureWhileWriting(
        reads.map(({ api }) => ready.url + api),
        'newsroom-day',
        day(ready.newsroom.approvedIds.slice(0, half)),
        DAY_SECONDS,
      ),
      bare: wanted('bare') ? await measureWhileWriting(reads.map(({ bare }) => ready.bareUrl + bare), 'newsroom-day-bare', day(ready.newsroom.approvedIds.slice(half)), DAY_SECONDS) : undefined,
    }
  }
  stopLane()
  await new Promise((resolve) => child.once('exit', resolve))
  return { lane: ready.lane, publishedTotal: ready.publishedTotal, districts: ready.districts, rows, newsroomDay }
}

const ms = (value: number) => `${value.toFixed(1)} ms`
const hitRate = (r: Measured) => r.cacheHits / r.requests

/** One line of the lane's table. */
function measuredCells(label: string, r: Measured, note = ''): string[] {
  return [
    label,
    r.requestsPerSecond.toFixed(0),
    ms(r.p50),
    ms(r.p99),
    `${r.cpuMsPerRequest.toFixed(2)} ms`,
    `${(r.bytes / Math.max(1, r.requests) / 1024).toFixed(1)} KiB`,
    r.cacheHits > 0 ? `${(hitRate(r) * 100).toFixed(1)}%` : '',
    String(r.errors),
    r.loadAverage.toFixed(1),
    note,
  ]
}

const describeWrites = (w: WriterTally) =>
  `${w.autosaves} autosaves, ${w.publishes} publishes, ${w.liveEdits} live edits, ${w.failed} refused${w.writeMs.length ? `, write p50 ${ms(percentile(w.writeMs, 0.5))}` : ''}` +
  (w.firstFailures.length ? ` (first: ${w.firstFailures[0]})` : '')

/** The bare handler's server CPU per request over the API's: the API's share of the ceiling. */
const shareOfBare = (api: Measured, bare: Measured) => bare.cpuMsPerRequest / api.cpuMsPerRequest

function laneFigures(rows: Row[], newsroomDay: NewsroomDay | undefined): Figure[] {
  const figures: Figure[] = []
  for (const { name, cached, editing, uncached, bare } of rows) {
    const short = name.split(' (')[0]!.split(':')[0]!
    for (const [label, measured] of [
      ['cache', cached],
      ['cache, live edit each second', editing],
      ['cache off', uncached],
    ] as const) {
      if (!measured) continue
      if (bare) {
        const share = shareOfBare(measured, bare)
        figures.push({ name: `${short}, ${label}: % of bare (server CPU per request)`, value: share * 100, unit: '%', target: `≥ ${SHARE_OF_BARE_TARGET * 100}%`, met: share >= SHARE_OF_BARE_TARGET })
      }
      figures.push({ name: `${short}, ${label}: p99`, value: measured.p99, unit: 'ms', digits: 1, target: `< ${P99_TARGET_MS} ms`, met: measured.p99 < P99_TARGET_MS })
    }
  }
  if (newsroomDay) {
    const { api, bare } = newsroomDay
    figures.push({ name: 'newsroom day: cache hit rate', value: hitRate(api) * 100, unit: '%', digits: 1, target: `≥ ${HIT_RATE_TARGET * 100}%`, met: hitRate(api) >= HIT_RATE_TARGET })
    figures.push({ name: 'newsroom day: p99', value: api.p99, unit: 'ms', digits: 1, target: `< ${P99_TARGET_MS} ms`, met: api.p99 < P99_TARGET_MS })
    if (bare) figures.push({ name: 'newsroom day: % of bare (server CPU per request)', value: shareOfBare(api, bare) * 100, unit: '%' })
  }
  return figures
}

async function main() {
  const header = `delivery API benchmark · commit ${describeCommit()} (working tree as found) · ${describeMachine()}`
  console.log(`${header}\n${CONNECTIONS} keep-alive connections, ${SECONDS} s per measurement (newsroom day ${DAY_SECONDS} s) after ${WARM_UP_SECONDS} s of warm-up, ${STORIES} published stories`)
  if (CPU_PROF_DIR) fs.mkdirSync(CPU_PROF_DIR, { recursive: true })
  const lanes: [string, string][] = values['skip-sqlite'] ? [] : [[`file:${path.join(os.tmpdir(), `bench-api-${Date.now()}.db`)}`, 'none']]
  if (process.env.BENCH_MONGODB_URI) {
    const url = new URL(process.env.BENCH_MONGODB_URI)
    url.pathname = `/bench_api_${Date.now()}`
    lanes.push([url.toString(), process.env.BENCH_MONGODB_COMPAT ?? 'none'])
  }
  for (const [uri, compat] of lanes) {
    const result = await runLane(uri, compat)
    const districts = result.districts.map(({ slug, totalDocs }) => `${slug} ${totalDocs}`).join(', ')
    console.log(`\n[${result.lane}${compat !== 'none' ? ` (${compat}: the figures measure ${compat}, not MongoDB)` : ''}] ${result.publishedTotal} published stories (by district: ${districts})`)
    const table = [['measurement', 'req/s', 'p50', 'p99', 'server CPU/req', 'size/resp', 'cache hits', 'errors', 'load', 'writes meanwhile']]
    for (const { name, cached, editing, uncached, bare } of result.rows) {
      if (cached) table.push(measuredCells(`${name}: API, response cache`, cached))
      if (editing) table.push(measuredCells(`${name}: API, cache, a live edit every ${EDIT_EVERY_MS / 1000} s`, editing, describeWrites(editing.writes)))
      if (uncached) table.push(measuredCells(`${name}: API, cache off`, uncached))
      if (bare) table.push(measuredCells(`${name}: bare handler`, bare))
    }
    if (result.newsroomDay) {
      const { api, bare } = result.newsroomDay
      table.push(measuredCells('newsroom day: API, response cache', api, describeWrites(api.writes)))
      if (bare) table.push(measuredCells('newsroom day: bare handler', bare, describeWrites(bare.writes)))
    }
    console.log(formatTable(table))
    const failures = [...result.rows.flatMap(({ name, cached, editing, uncached, bare }) => [cached, editing, uncached, bare].flatMap((r) => (r?.firstErrors ?? []).map((e) => `${name}: ${e}`))), ...[result.newsroomDay?.api, result.newsroomDay?.bare].flatMap((r) => (r?.firstErrors ?? []).map((e) => `newsroom day: ${e}`))]
    if (failures.length > 0) console.log(`\nfirst failures:\n  ${failures.join('\n  ')}`)
    console.log(`\n${formatFigures(laneFigures(result.rows, result.newsroomDay))}`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
