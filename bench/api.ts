/**
 * npm run bench:api -- [--seconds S] [--connections N] [--only cached,editing,uncached,bare] [--cpu-prof DIR]
 *
 * The delivery API's benchmark (issue 6). For SQLite (a fresh file), and for MongoDB when
 * BENCH_MONGODB_URI is set (MONGODB_COMPAT from BENCH_MONGODB_COMPAT), a child process
 * (bench/support/apiServer.ts) starts the server in production mode without the admin
 * (rate limit off, the seeds published plus copies); this process drives anonymous load with
 * keep-alive connections, each request to the next URL in turn:
 *   - list by district: /api/articles?where[districts.slug][equals]=<each district>&limit=10&depth=1
 *   - one article by slug: /api/articles?where[slug][equals]=<each story>&limit=1&depth=1
 *   - feeds: /feeds/rss.xml, /feeds/atom.xml and each district's (src/syndication), and /sitemap.xml
 *     (no bare counterpart: cached, editing and uncached only)
 * Four measurements per case, in the same run: the API with its response cache; the same while a
 * live story is edited every second (each edit a new content generation); the same API with the
 * cache off (a second Express app over the same Payload); and, as the ceiling, the same reads from
 * a bare Express handler over the database driver.
 * Before measuring, answers are compared: a bare handler that answered less than the API would make
 * the ratio meaningless, and the cached and uncached API must agree; a difference stops the lane.
 * Prints requests/s, p50/p99 and the share of cache hits beside the targets, and the lane server's
 * CPU time per request (all servers run in that process; a database server of its own is not
 * counted), which stays comparable when other work shares the machine. Not a test: no target
 * missed fails it. BENCH_COPIES (8) sets the copies per seed: 200 gives about a thousand stories.
 */
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { runLoad, type LoadResult } from './support/apiLoad'
import { listJsonDifferences } from './support/listJsonDifferences'

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' }, 'cpu-prof': { type: 'string' }, only: { type: 'string' } },
})
/** Writes a V8 CPU profile of each lane server into this folder (read it with bench/support/summariseCpuProfile.ts). */
const CPU_PROF_DIR = values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined
/** Measure only these rows: cached, editing, uncached, bare (comma-separated); all when unset. */
const ONLY = values.only ? new Set(values.only.split(',')) : undefined
const SECONDS = Number(values.seconds)
const CONNECTIONS = Number(values.connections)
const WARM_UP_SECONDS = 2
const THROUGHPUT_TARGET = 0.8
const P99_TARGET_MS = 50
/** Request pairs per case whose API and bare answers are compared before measuring. */
const COMPARED_PER_CASE = 12
/** During the "editor at work" measurement, a live story is edited this often. */
const EDIT_EVERY_MS = 1000

/**
 * Differences that are Payload's, not the bare handler's. With MONGODB_COMPAT=ferretdb (no $lookup),
 * Payload 3.90 resolves join fields with one query for all listed articles (db-mongodb's
 * resolveJoins) and sets each article's `captions.hasNextPage` from the captions of all of them.
 */
function isKnownDifference(compat: string, difference: string): boolean {
  return compat === 'ferretdb' && /^docs\[\d+\]\.captions\.hasNextPage: true ≠ false$/.test(difference)
}

type Measured = LoadResult & { cpuMsPerRequest: number }

interface Ready {
  type: 'ready'
  lane: string
  url: string
  uncachedUrl: string
  bareUrl: string
  slugs: string[]
  districtSlugs: string[]
  publishedTotal: number
  anyuanTotal: number
}

interface Row {
  name: string
  cached?: Measured
  editing?: Measured & { edits: number }
  uncached?: Measured
  bare?: Measured
}

const wanted = (row: keyof Omit<Row, 'name'>) => !ONLY || ONLY.has(row)

async function runLane(databaseUri: string, compat: string) {
  const mediaDir = path.join(os.tmpdir(), `bench-api-media-${Date.now()}`)
  try {
    return await measureLane(databaseUri, compat, mediaDir)
  } finally {
    // The lane's SQLite file and photo files (a MongoDB lane drops its database itself).
    fs.rmSync(mediaDir, { recursive: true, force: true })
    if (databaseUri.startsWith('file:')) for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${databaseUri.slice('file:'.length)}${suffix}`, { force: true })
  }
}

async function measureLane(databaseUri: string, compat: string, mediaDir: string) {
  const child = fork(path.join(import.meta.dirname, 'support/apiServer.ts'), {
    execArgv: ['--import', 'tsx', '--conditions=production', '--no-deprecation', ...(CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [])],
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
    },
  })
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready))
    child.once('exit', (code) => reject(new Error(`lane server exited with ${code}`)))
  })
  /** Sends the lane server a message and waits for its reply of the given type. */
  const ask = <Reply>(message: { type: string; everyMs?: number }, replyType: string) =>
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
  const measure = async (urls: string[]) => {
    const before = await serverCpuMs()
    const result = await runLoad(urls, { connections: CONNECTIONS, seconds: SECONDS, warmUpSeconds: WARM_UP_SECONDS })
    return { ...result, cpuMsPerRequest: ((await serverCpuMs()) - before) / (result.requests + result.warmUpRequests) }
  }
  /** Measures with an editor at work: a live story edited every `everyMs` (each edit a new content generation). */
  const measureWhileEditing = async (urls: string[], everyMs: number) => {
    child.send({ type: 'edit-start', everyMs })
    const result = await measure(urls)
    const { edits } = await ask<{ edits: number }>({ type: 'edit-stop' }, 'edits')
    return { ...result, edits }
  }
  const cases = [
    {
      name: `list by district (limit 10, depth 1), ${ready.districtSlugs.length} districts in turn`,
      paths: ready.districtSlugs.map((slug) => ({
        api: `/api/articles?where[districts.slug][equals]=${slug}&limit=10&depth=1`,
        bare: `/bare/articles/by-district/${slug}`,
      })),
    },
    {
      name: `one article by slug (depth 1), ${ready.slugs.length} stories in turn`,
      paths: ready.slugs.map((slug) => encodeURIComponent(slug)).map((slug) => ({
        api: `/api/articles?where[slug][equals]=${slug}&limit=1&depth=1`,
        bare: `/bare/articles/by-slug/${slug}` as string | undefined,
      })),
    },
    // Feeds and sitemaps (src/syndication) have no bare counterpart: cached, editing and uncached only.
    {
      name: `feeds: RSS and Atom of the site and of ${ready.districtSlugs.length} districts in turn (latest 50)`,
      paths: ['', ...ready.districtSlugs.map((slug) => `${slug}/`)].flatMap((prefix) => [`/feeds/${prefix}rss.xml`, `/feeds/${prefix}atom.xml`]).map((api) => ({ api, bare: undefined })),
    },
    { name: 'sitemap.xml (every published story)', paths: [{ api: '/sitemap.xml', bare: undefined }] },
  ]
  const rows: Row[] = []
  for (const testCase of cases) {
    for (const { api, bare } of testCase.paths.slice(0, COMPARED_PER_CASE)) {
      if (bare === undefined) {
        // XML: the cached and uncached servers must send the same document.
        const [cachedXml, uncachedXml] = await Promise.all([ready.url + api, ready.uncachedUrl + api].map((url) => fetch(url).then((r) => r.text())))
        if (cachedXml !== uncachedXml) {
          child.send({ type: 'stop' })
          throw new Error(`[${ready.lane}] ${api}: the cached and uncached answers differ`)
        }
        continue
      }
      const [apiJson, uncachedJson, bareJson] = await Promise.all([ready.url + api, ready.uncachedUrl + api, ready.bareUrl + bare].map((url) => fetch(url).then((r) => r.json())))
      const differences = [
        ...listJsonDifferences(apiJson, bareJson).filter((difference) => !isKnownDifference(compat, difference)),
        ...listJsonDifferences(apiJson, uncachedJson).map((difference) => `(cache off) ${difference}`),
      ]
      if (differences.length > 0) {
        child.send({ type: 'stop' })
        throw new Error(`[${ready.lane}] ${testCase.name}, ${api}: the answers differ (left: API):\n  ${differences.join('\n  ')}`)
      }
    }
    const apiUrls = testCase.paths.map(({ api }) => ready.url + api)
    rows.push({
      name: testCase.name,
      cached: wanted('cached') ? await measure(apiUrls) : undefined,
      editing: wanted('editing') ? await measureWhileEditing(apiUrls, EDIT_EVERY_MS) : undefined,
      uncached: wanted('uncached') ? await measure(testCase.paths.map(({ api }) => ready.uncachedUrl + api)) : undefined,
      bare: wanted('bare') && testCase.paths.every(({ bare }) => bare !== undefined) ? await measure(testCase.paths.map(({ bare }) => ready.bareUrl + bare)) : undefined,
    })
  }
  child.send({ type: 'stop' })
  await new Promise((resolve) => child.once('exit', resolve))
  return { lane: ready.lane, publishedTotal: ready.publishedTotal, anyuanTotal: ready.anyuanTotal, rows }
}

const fmt = (r: Measured) =>
  `${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  ` +
  `server CPU ${r.cpuMsPerRequest.toFixed(2).padStart(6)} ms/req  ${(r.bytes / r.requests / 1024).toFixed(1)} KiB/resp  errors ${r.errors}` +
  (r.cacheHits > 0 ? `  cache hits ${((r.cacheHits / r.requests) * 100).toFixed(1)}%` : '')

const verdict = (api: Measured, bare: Measured) => {
  const ratio = api.requestsPerSecond / bare.requestsPerSecond
  return (
    `API/bare ${(ratio * 100).toFixed(0)}% (target ≥ ${THROUGHPUT_TARGET * 100}%: ${ratio >= THROUGHPUT_TARGET ? 'met' : 'MISSED'}), ` +
    `p99 ${api.p99.toFixed(1)} ms (target < ${P99_TARGET_MS} ms: ${api.p99 < P99_TARGET_MS ? 'met' : 'MISSED'})`
  )
}

async function main() {
  console.log(`bench:api — ${CONNECTIONS} keep-alive connections, ${SECONDS} s per measurement, ${os.cpus().length} CPUs, Node ${process.version}`)
  const lanes: [string, string][] = [[`file:${path.join(os.tmpdir(), `bench-api-${Date.now()}.db`)}`, 'none']]
  if (process.env.BENCH_MONGODB_URI) {
    const url = new URL(process.env.BENCH_MONGODB_URI)
    url.pathname = `/bench_api_${Date.now()}`
    lanes.push([url.toString(), process.env.BENCH_MONGODB_COMPAT ?? 'none'])
  }
  for (const [uri, compat] of lanes) {
    const result = await runLane(uri, compat)
    console.log(`\n[${result.lane}${compat !== 'none' ? ` (${compat})` : ''}] ${result.publishedTotal} published stories, ${result.anyuanTotal} in anyuan`)
    for (const row of result.rows) {
      console.log(`  ${row.name}`)
      const { cached, editing, uncached, bare } = row
      if (cached) console.log(`    API, response cache      : ${fmt(cached)}`)
      if (editing) console.log(`    API, cache, 1 edit/${EDIT_EVERY_MS / 1000} s   : ${fmt(editing)}  (${editing.edits} edits)`)
      if (uncached) console.log(`    API, response cache off  : ${fmt(uncached)}`)
      if (bare) console.log(`    bare handler             : ${fmt(bare)}`)
      if (!bare) continue
      if (cached) console.log(`    with the cache:     ${verdict(cached, bare)}`)
      if (editing) console.log(`    editor at work:     ${verdict(editing, bare)}`)
      if (uncached) {
        const cpuShare = ((bare.cpuMsPerRequest / uncached.cpuMsPerRequest) * 100).toFixed(0)
        console.log(`    without the cache:  ${verdict(uncached, bare)}; bare/API server CPU per request ${cpuShare}%`)
      }
    }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
