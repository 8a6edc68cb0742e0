/**
 * npm run bench:api -- [--seconds S] [--connections N]
 *
 * The delivery API's benchmark (issue 6). For SQLite (a fresh file), and for MongoDB when
 * BENCH_MONGODB_URI is set (MONGODB_COMPAT from BENCH_MONGODB_COMPAT), a child process
 * (bench/support/apiServer.ts) starts the server in production mode without the admin
 * (rate limit off, the seeds published plus copies); this process drives anonymous load with
 * keep-alive connections against
 *   - list by district: /api/articles?where[districts.slug][equals]=anyuan&limit=10&depth=1
 *   - one article by slug: /api/articles?where[slug][equals]=…&limit=1&depth=1
 * and, as the ceiling, the same reads from a bare Express handler over the database driver.
 * Before measuring, each case's two answers are compared: a bare handler that answered less than
 * the API would make the ratio meaningless, so a difference stops the lane.
 * Prints requests/s and p50/p99 beside the targets, and the lane server's CPU time per request
 * (both servers run in that process; a database server of its own is not counted), which stays
 * comparable when other work shares the machine. Not a test: no target missed fails it.
 * BENCH_COPIES (8) sets the copies per seed: 200 gives about a thousand stories.
 */
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { runLoad, type LoadResult } from './support/apiLoad'
import { listJsonDifferences } from './support/listJsonDifferences'

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' } } })
const SECONDS = Number(values.seconds)
const CONNECTIONS = Number(values.connections)
const WARM_UP_SECONDS = 2
const THROUGHPUT_TARGET = 0.8
const P99_TARGET_MS = 50

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
  bareUrl: string
  slug: string
  anyuanTotal: number
}

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
    execArgv: ['--import', 'tsx', '--conditions=production', '--no-deprecation'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URI: databaseUri,
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
  /** The lane server's CPU time so far, in ms. */
  const serverCpuMs = () =>
    new Promise<number>((resolve) => {
      const onMessage = (message: { type: string; usage?: NodeJS.CpuUsage }) => {
        if (message.type !== 'cpu') return
        child.off('message', onMessage)
        resolve((message.usage!.user + message.usage!.system) / 1000)
      }
      child.on('message', onMessage)
      child.send({ type: 'cpu' })
    })
  const measure = async (url: string) => {
    const before = await serverCpuMs()
    const result = await runLoad(url, { connections: CONNECTIONS, seconds: SECONDS, warmUpSeconds: WARM_UP_SECONDS })
    return { ...result, cpuMsPerRequest: ((await serverCpuMs()) - before) / (result.requests + result.warmUpRequests) }
  }
  const slug = encodeURIComponent(ready.slug)
  const cases = [
    { name: 'list by district (limit 10, depth 1)', api: `${ready.url}/api/articles?where[districts.slug][equals]=anyuan&limit=10&depth=1`, bare: `${ready.bareUrl}/bare/articles/by-district/anyuan` },
    { name: 'one article by slug (depth 1)', api: `${ready.url}/api/articles?where[slug][equals]=${slug}&limit=1&depth=1`, bare: `${ready.bareUrl}/bare/articles/by-slug/${slug}` },
  ]
  const rows: { name: string; api: Measured; bare: Measured }[] = []
  for (const testCase of cases) {
    const [apiJson, bareJson] = await Promise.all([fetch(testCase.api).then((r) => r.json()), fetch(testCase.bare).then((r) => r.json())])
    const differences = listJsonDifferences(apiJson, bareJson).filter((difference) => !isKnownDifference(compat, difference))
    if (differences.length > 0) {
      child.send({ type: 'stop' })
      throw new Error(`[${ready.lane}] ${testCase.name}: the bare handler's JSON differs from the API's (left: API, right: bare):\n  ${differences.join('\n  ')}`)
    }
    const api = await measure(testCase.api)
    const bare = await measure(testCase.bare)
    rows.push({ name: testCase.name, api, bare })
  }
  child.send({ type: 'stop' })
  await new Promise((resolve) => child.once('exit', resolve))
  return { lane: ready.lane, anyuanTotal: ready.anyuanTotal, rows }
}

const fmt = (r: Measured) =>
  `${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  ` +
  `server CPU ${r.cpuMsPerRequest.toFixed(2).padStart(6)} ms/req  ${(r.bytes / r.requests / 1024).toFixed(1)} KiB/resp  errors ${r.errors}`

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
    console.log(`\n[${result.lane}${compat !== 'none' ? ` (${compat})` : ''}] ${result.anyuanTotal} published stories in anyuan`)
    for (const row of result.rows) {
      const ratio = row.api.requestsPerSecond / row.bare.requestsPerSecond
      console.log(`  ${row.name}`)
      console.log(`    payload API : ${fmt(row.api)}`)
      console.log(`    bare handler: ${fmt(row.bare)}`)
      console.log(
        `    API/bare ${(ratio * 100).toFixed(0)}% (target ≥ ${THROUGHPUT_TARGET * 100}%: ${ratio >= THROUGHPUT_TARGET ? 'met' : 'MISSED'}), ` +
          `p99 ${row.api.p99.toFixed(1)} ms (target < ${P99_TARGET_MS} ms: ${row.api.p99 < P99_TARGET_MS ? 'met' : 'MISSED'}); ` +
          `bare/API server CPU per request ${((row.bare.cpuMsPerRequest / row.api.cpuMsPerRequest) * 100).toFixed(0)}%`,
      )
    }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
