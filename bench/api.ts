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
 * Prints requests/s and p50/p99 beside the targets. Not a test: nothing fails.
 */
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { runLoad, type LoadResult } from './support/apiLoad'

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' } } })
const SECONDS = Number(values.seconds)
const CONNECTIONS = Number(values.connections)
const THROUGHPUT_TARGET = 0.8
const P99_TARGET_MS = 50

interface Ready {
  type: 'ready'
  lane: string
  url: string
  bareUrl: string
  slug: string
  anyuanTotal: number
}

async function runLane(databaseUri: string, compat: string) {
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
      MEDIA_DIR: path.join(os.tmpdir(), `bench-api-media-${Date.now()}`),
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      REVALIDATE_WEBHOOK_URLS: '',
    },
  })
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready))
    child.once('exit', (code) => reject(new Error(`lane server exited with ${code}`)))
  })
  const slug = encodeURIComponent(ready.slug)
  const cases = [
    { name: 'list by district (limit 10, depth 1)', api: `${ready.url}/api/articles?where[districts.slug][equals]=anyuan&limit=10&depth=1`, bare: `${ready.bareUrl}/bare/articles/by-district/anyuan` },
    { name: 'one article by slug (depth 1)', api: `${ready.url}/api/articles?where[slug][equals]=${slug}&limit=1&depth=1`, bare: `${ready.bareUrl}/bare/articles/by-slug/${slug}` },
  ]
  const rows: { name: string; api: LoadResult; bare: LoadResult }[] = []
  for (const testCase of cases) {
    await runLoad(testCase.api, { connections: CONNECTIONS, seconds: 1 }) // warm-up
    await runLoad(testCase.bare, { connections: CONNECTIONS, seconds: 1 })
    const api = await runLoad(testCase.api, { connections: CONNECTIONS, seconds: SECONDS })
    const bare = await runLoad(testCase.bare, { connections: CONNECTIONS, seconds: SECONDS })
    rows.push({ name: testCase.name, api, bare })
  }
  child.send({ type: 'stop' })
  await new Promise((resolve) => child.once('exit', resolve))
  return { lane: ready.lane, anyuanTotal: ready.anyuanTotal, rows }
}

const fmt = (r: LoadResult) =>
  `${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  ${(r.bytes / r.requests / 1024).toFixed(1)} KiB/resp  errors ${r.errors}`

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
          `p99 ${row.api.p99.toFixed(1)} ms (target < ${P99_TARGET_MS} ms: ${row.api.p99 < P99_TARGET_MS ? 'met' : 'MISSED'})`,
      )
    }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
