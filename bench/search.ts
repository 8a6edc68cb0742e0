/**
 * npm run bench:search [-- --stories 100000 --seconds 10]: the word search on a large archive.
 * In one run, on one database (a fresh SQLite file; with BENCH_MONGODB_URI, MongoDB as well; `--lanes`
 * picks them, e.g. `--lanes mongodb` for the MongoDB lane alone):
 * - the index build rate: `reindexAll` over every generated story (published, both scripts);
 * - GET /api/search at 8 concurrent keep-alive connections, per query class (QUERY_CLASSES:
 *   common words, places, topics, names, two words, phrases, traditional script, rare words):
 *   p50/p99 and requests/s, the API's response cache off (every answer is a real search);
 * - what a user would get instead on the same data: the same queries as Payload's
 *   `where[title][like]` and `where[body][contains]` through the same API.
 * Targets (SQLite, 100,000 stories): p99 < 50 ms, ≥ 20× faster than the scan, ≥ 1,000 stories/s indexed.
 */
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { runLoad, type LoadResult } from './support/apiLoad'
import { exitWithUsageOnHelp, positiveOptionReader } from './support/benchOptions'
import { STORY_PLACES, STORY_TOPICS } from './support/generateSearchStories'
import { describeCommit, describeMachine, formatFigures, formatLoadAverage, formatTable } from './support/report'

const USAGE =
  'usage: npm run bench:search -- [--stories N (100000)] [--seconds S (10)] [--scan-seconds S (10)] [--reuse FILE (a SQLite database kept by BENCH_KEEP_DB=1)] [--keep-index (with --reuse: measure the queries on the index as it stands, no rebuild)] [--lanes sqlite,mongodb (both; mongodb needs BENCH_MONGODB_URI)]'
const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    'scan-seconds': { type: 'string', default: '10' },
    reuse: { type: 'string' },
    'keep-index': { type: 'boolean' },
    lanes: { type: 'string', default: 'sqlite,mongodb' },
    help: { type: 'boolean' },
  },
})
exitWithUsageOnHelp(values.help, USAGE)
const readPositive = positiveOptionReader(USAGE)
const STORIES = readPositive('stories', values.stories)
const SECONDS = readPositive('seconds', values.seconds)
const SCAN_SECONDS = readPositive('scan-seconds', values['scan-seconds'])
const CONNECTIONS = 8
const LANES = new Set(values.lanes.split(',').map((lane) => lane.trim()))
if (LANES.size === 0 || [...LANES].some((lane) => lane !== 'sqlite' && lane !== 'mongodb')) {
  console.error(`--lanes takes sqlite, mongodb or both, comma-separated\n${USAGE}`)
  process.exit(2)
}
if (LANES.has('mongodb') && !LANES.has('sqlite') && !process.env.BENCH_MONGODB_URI) {
  console.error(`--lanes mongodb needs BENCH_MONGODB_URI\n${USAGE}`)
  process.exit(2)
}

/**
 * What readers and the desk type, by class, the way they search: common words (in most stories:
 * the worst case for a ranked search), places and topics (Zipf-distributed in the stories),
 * reporters' names, two words, phrases, traditional script, and rare words (drawn by jieba's
 * dictionary frequency as the stories' vocabulary is). p50/p99 are reported per class.
 */
const QUERY_CLASSES: Record<string, string[]> = {
  'common words': ['萍乡', '发展', '工作', '中国', '文化', '企业', '建设', '旅游'],
  places: STORY_PLACES,
  topics: STORY_TOPICS,
  names: ['李佳敏', '郁羽晨', '欧阳海燕', '周建国', '陈志强', '王嘉怡', '彭子涵', '尚健'],
  'two words': STORY_PLACES.slice(0, 8).map((place, index) => `${place} ${STORY_TOPICS[index]}`),
  phrases: ['安源煤矿', '上栗烟花', '武功山民宿', '高质量发展', '乡村振兴', '安源路矿', '秋收起义', '工人运动'],
  'traditional script': ['湘東', '蘆溪', '煤礦', '花炮產業', '萍鄉', '發展', '工業輝煌', '安源路礦'],
  'rare words': ['盛行', '纠纷', '国共合作', '故宫', '新加坡', '咳嗽', '骑马', '射线'],
}
const QUERIES = Object.values(QUERY_CLASSES).flat()

interface Ready {
  type: 'ready'
  lane: string
  url: string
  stories: number
  writeSeconds: number
  indexSeconds: number | null
  indexCpuSeconds: number
  entries: number
}

const ms = (value: number) => `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms`
const LOAD_COLUMNS = ['req/s', 'p50', 'p99', 'server CPU per request', 'requests', 'errors']
const row = (label: string, result: LoadResult & { cpuMsPerRequest: number }) => [
  label,
  result.requestsPerSecond.toFixed(1),
  ms(result.p50),
  ms(result.p99),
  ms(result.cpuMsPerRequest),
  String(result.requests),
  String(result.errors),
]

async function measureLane(databaseUri: string, compat: string) {
  const child = fork(path.join(import.meta.dirname, 'support/searchServer.ts'), {
    execArgv: [
      '--import',
      'tsx',
      '--conditions=production',
      '--no-deprecation',
      '--max-old-space-size=4096',
      // BENCH_CPU_PROF=dir: a V8 CPU profile of the server (build and queries), for bench/support/summariseCpuProfile.ts.
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URI: databaseUri,
      MONGODB_COMPAT: compat,
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      SEED_ON_START: 'false',
      JOBS_AUTORUN: 'false',
      LOG_LEVEL: 'warn',
      BENCH_STORIES: String(STORIES),
      BENCH_KEEP_INDEX: values['keep-index'] && values.reuse ? '1' : '',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      REVALIDATE_WEBHOOK_URLS: '',
    },
  })
  const started = performance.now()
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.on('message', (message: { type: string; phase?: string; done?: number; total?: number }) => {
      if (message.type === 'progress' && process.stderr.isTTY) process.stderr.write(`\r\x1b[K${message.phase} ${message.done}/${message.total}`)
      // Not on a terminal (a log): one line per progress report, with the time since the start, to see where a phase slows down.
      else if (message.type === 'progress') process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s ${message.phase} ${message.done}/${message.total}\n`)
      if (message.type === 'ready') resolve(message as Ready)
    })
    child.once('exit', (code) => reject(new Error(`search bench server exited with ${code}`)))
  })
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K')
  try {
    const encode = (q: string) => encodeURIComponent(q)
    const searchUrls = QUERIES.map((q) => `${ready.url}/api/search?q=${encode(q)}&limit=10`)
    // The scan takes one word (Payload's like ANDs the words of the value, contains takes it whole).
    const titleUrls = QUERIES.map((q) => `${ready.url}/api/articles?where[title][like]=${encode(q)}&limit=10&depth=0`)
    const bodyUrls = QUERIES.map((q) => `${ready.url}/api/articles?where[body][contains]=${encode(q)}&limit=10&depth=0`)
    // Each URL once before measuring: answers are checked (a search that errs is no figure).
    for (const url of [...searchUrls, titleUrls[0]!, bodyUrls[0]!]) {
      const response = await fetch(url)
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`)
    }
    // The stories are really there for Payload: a scan finds what the search finds.
    const scanned = (await (await fetch(`${ready.url}/api/articles?where[title][like]=${encode(STORY_PLACES[0]!)}&limit=1&depth=0`)).json()) as { totalDocs: number }
    if (scanned.totalDocs === 0) throw new Error(`the title scan for ${STORY_PLACES[0]} found nothing: the generated stories are not readable through Payload`)
    // The server's CPU time per request: what a search costs whatever else the (shared) machine runs.
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
    const measure = async (urls: string[], seconds: number, warmUpSeconds: number) => {
      const before = await serverCpuMs()
      const result = await runLoad(urls, { connections: CONNECTIONS, seconds, warmUpSeconds })
      return { ...result, cpuMsPerRequest: ((await serverCpuMs()) - before) / (result.requests + result.warmUpRequests) }
    }
    const totalOf = async (q: string) => ((await (await fetch(`${ready.url}/api/search?q=${encode(q)}`)).json()) as { totalDocs: number }).totalDocs
    const loadBefore = formatLoadAverage()
    const classRows: string[][] = []
    const classResults: LoadResult[] = []
    for (const [name, queries] of Object.entries(QUERY_CLASSES)) {
      const totals: number[] = []
      for (const q of queries) totals.push(await totalOf(q))
      const result = await measure(
        queries.map((q) => `${ready.url}/api/search?q=${encode(q)}&limit=10`),
        SECONDS,
        1,
      )
      const share = (total: number) => `${((100 * total) / ready.stories).toFixed(total * 1000 < ready.stories ? 2 : 0)}%`
      classResults.push(result)
      classRows.push([...row(`${name} (${queries.length})`, result), `${share(Math.min(...totals))}–${share(Math.max(...totals))}`])
    }
    const search = await measure(searchUrls, SECONDS, 2)
    const title = await measure(titleUrls, SCAN_SECONDS, 1)
    const body = await measure(bodyUrls, SCAN_SECONDS, 1)
    // null: the kept index was measured as it stands (--keep-index; NaN crosses IPC as null).
    const keptIndex = ready.indexSeconds === null
    const indexRate = ready.stories / (ready.indexSeconds ?? Number.NaN)
    const worstP99 = Math.max(search.p99, ...classResults.map((result) => result.p99))
    const lines = [
      `${ready.lane}: ${ready.stories.toLocaleString('en')} published stories (${ready.entries.toLocaleString('en')} index entries) · commit ${describeCommit()} · ${describeMachine()} · load before the queries ${loadBefore}`,
      keptIndex
        ? `writing the stories: reused; index build: the kept index, not rebuilt (--keep-index)`
        : `writing the stories (adapter, no hooks): ${ready.writeSeconds.toFixed(1)} s; index build (reindexAll): ${ready.indexSeconds!.toFixed(1)} s, ${((ready.indexCpuSeconds * 1000) / ready.stories).toFixed(2)} ms CPU per story (${Math.round(ready.stories / ready.indexCpuSeconds).toLocaleString('en')} stories per CPU-second)`,
      '',
      formatTable([[`GET /api/search, ${CONNECTIONS} connections, cache off, by query class`, ...LOAD_COLUMNS, 'stories matched'], ...classRows]),
      '',
      formatTable([[`all queries, ${CONNECTIONS} connections, cache off`, ...LOAD_COLUMNS], row('GET /api/search', search), row('where[title][like] (scan)', title), row('where[body][contains] (scan)', body)]),
      '',
      formatFigures([
        { name: 'search p99 (all queries; worst query class)', value: `${ms(search.p99)}; ${ms(worstP99)}`, target: '< 50 ms', met: worstP99 < 50 },
        { name: 'vs the title scan: throughput; CPU per request', value: `${(search.requestsPerSecond / title.requestsPerSecond).toFixed(1)}×; ${(title.cpuMsPerRequest / search.cpuMsPerRequest).toFixed(1)}× less`, target: '≥ 20× faster', met: search.requestsPerSecond / title.requestsPerSecond >= 20 },
        { name: 'vs the body scan: throughput; CPU per request', value: `${(search.requestsPerSecond / body.requestsPerSecond).toFixed(1)}×; ${(body.cpuMsPerRequest / search.cpuMsPerRequest).toFixed(1)}× less`, target: '≥ 20× faster', met: search.requestsPerSecond / body.requestsPerSecond >= 20 },
        ...(keptIndex ? [] : [{ name: 'index build', value: indexRate, unit: 'stories/s', target: '≥ 1,000 stories/s', met: indexRate >= 1000 }]),
      ]),
    ]
    console.log(lines.join('\n'))
  } finally {
    child.send({ type: 'stop' })
    await new Promise((resolve) => child.once('exit', resolve))
  }
}

async function main() {
  // --reuse: the stories of a kept database are not written again (writing 100,000 takes minutes); the index is rebuilt and measured all the same.
  const file = values.reuse ? path.resolve(values.reuse) : path.join(os.tmpdir(), `newsroom-bench-search-${Date.now()}.db`)
  if (LANES.has('sqlite')) {
    try {
      await measureLane(`file:${file}`, 'none')
    } finally {
      // BENCH_KEEP_DB=1 leaves the database for a closer look (its path is printed).
      if (process.env.BENCH_KEEP_DB || values.reuse) console.error(`kept ${file}`)
      else for (const suffix of ['', '-wal', '-shm', '-journal', '-search', '-search-wal', '-search-shm']) fs.rmSync(`${file}${suffix}`, { force: true })
    }
  }
  const mongoUri = process.env.BENCH_MONGODB_URI
  if (mongoUri && LANES.has('mongodb')) {
    const url = new URL(mongoUri)
    url.pathname = `/newsroom_bench_search_${Date.now()}`
    await measureLane(url.toString(), process.env.BENCH_MONGODB_COMPAT ?? 'none')
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
