/**
 * npm run bench:import -- [--count N] [--store-count N] [--small N] [--seed S] [--batch-size B] [--chunk N]
 *                         [--only dry,import,reimport,plain] [--cpu-prof DIR] [--keep]
 *
 * The seed importer's benchmark. Generates N articles (default 10,000)
 * in the five source formats, then measures on SQLite, each in a fresh child
 * process (bench/support/runBenchPhase.ts):
 *   (a) a dry run (parsing only) of the corpus, and of its first `small` files (default 1,000)
 *       to show whether peak memory grows with the corpus;
 *   (b) the first import into a fresh database;
 *   (c) a re-import of the unchanged corpus into the same database;
 *   (d) a plain loop of the same Local API writes, without the pipeline, into a second fresh database.
 * (b) and (d) take turns, `--chunk` files at a time (default 250), so that both see the
 * same load on a shared machine; the CPU time per article is printed as well. (a) and (c)
 * are one runImport call each, as the CLI makes.
 * --store-count limits (b)–(d) to the corpus's first N files: the writes run at about
 * 10 articles/s on a 2-core machine, so 10,000 take over 15 minutes per measurement.
 * Prints figures with the issue's targets beside them. Not a test: nothing fails.
 */
import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { generateCorpus } from './support/generateCorpus'
import type { PhaseKind, PhaseMessage, PhaseReply, PhaseResult } from './support/runBenchPhase'
import { exitWithUsageOnHelp, positiveOptionReader } from './support/benchOptions'
import { describeCommit, formatFigures, formatTable, verdict } from './support/report'

const USAGE =
  'usage: npm run bench:import -- [--count N] [--store-count N] [--small N] [--seed S] [--batch-size B] [--chunk N] [--only dry,import,reimport,plain] [--cpu-prof DIR] [--keep]'
const ROOT = path.resolve(import.meta.dirname, '..')
const PHASES = ['dry', 'import', 'reimport', 'plain'] as const
type PhaseName = (typeof PHASES)[number]

interface Options {
  count: number
  storeCount: number
  small: number
  seed: number
  batchSize: number
  chunkSize: number
  only: Set<PhaseName>
  cpuProfDir: string | null
  keep: boolean
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      'store-count': { type: 'string' },
      small: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '20240601' },
      'batch-size': { type: 'string', default: '100' },
      chunk: { type: 'string', default: '250' },
      only: { type: 'string', default: PHASES.join(',') },
      'cpu-prof': { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  exitWithUsageOnHelp(values.help, USAGE)
  const positive = positiveOptionReader(USAGE)
  const only = values.only.split(',').map((name) => name.trim())
  const unknown = only.filter((name) => !(PHASES as readonly string[]).includes(name))
  if (unknown.length) throw new Error(`--only: unknown measurement ${unknown.join(', ')} (choose from ${PHASES.join(', ')})`)
  const count = positive('count', values.count)
  return {
    count,
    storeCount: Math.min(count, positive('store-count', values['store-count'] ?? values.count)),
    small: Math.min(count, positive('small', values.small)),
    seed: positive('seed', values.seed),
    batchSize: positive('batch-size', values['batch-size']),
    chunkSize: positive('chunk', values.chunk),
    only: new Set(only as PhaseName[]),
    cpuProfDir: values['cpu-prof'] ? path.resolve(values['cpu-prof']) : null,
    keep: values.keep,
  }
}

/** A measurement running in its own Node process (bench/support/runBenchPhase.ts), fed chunks of files. */
class PhaseWorker {
  private readonly child: ChildProcess
  private readonly waiting: { resolve: (reply: PhaseReply) => void; reject: (error: Error) => void }[] = []
  private done = 0

  private constructor(
    readonly label: string,
    private readonly total: number,
    cpuProfDir: string | null,
  ) {
    // A folder per measurement: tsx's loader thread writes a profile of its own beside the main thread's.
    const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(cpuProfDir, label)}`] : []
    this.child = fork(path.join(import.meta.dirname, 'support/runBenchPhase.ts'), [], {
      cwd: ROOT,
      // --expose-gc: the worker measures the heap its results retain after a full collection.
      execArgv: ['--conditions=production', '--expose-gc', '--import', 'tsx', ...profile],
      // The child's stdout (Payload's start-up chatter) goes to stderr: stdout is the report.
      stdio: ['ignore', 2, 'inherit', 'ipc'],
    })
    this.child.on('message', (message) => this.waiting.shift()?.resolve(message as PhaseReply))
    this.child.on('exit', (code) => {
      for (const waiter of this.waiting.splice(0)) waiter.reject(new Error(`${label}: the child process exited with ${code}`))
    })
  }

  static async start(label: string, message: Extract<PhaseMessage, { type: 'start' }>, total: number, cpuProfDir: string | null) {
    process.stderr.write(`${label}: starting (${message.kind}, ${total} files)\n`)
    const worker = new PhaseWorker(label, total, cpuProfDir)
    await worker.send(message)
    return worker
  }

  private send(message: PhaseMessage): Promise<PhaseReply> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject })
      this.child.send(message)
    })
  }

  async run(files: string[]): Promise<void> {
    await this.send({ type: 'run', files })
    this.done += files.length
    process.stderr.write(`${this.label}: ${this.done}/${this.total}\n`)
  }

  async finish(): Promise<PhaseResult> {
    const reply = await this.send({ type: 'finish' })
    if (reply.type !== 'result') throw new Error(`${this.label}: expected the result, got ${reply.type}`)
    return reply.result
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size))
  return chunks
}

/** Runs one measurement over all the files in one runImport call, as the CLI does (it keeps a summary row per file). */
async function measure(label: string, message: Extract<PhaseMessage, { type: 'start' }>, files: string[], options: Options) {
  const worker = await PhaseWorker.start(label, message, files.length, options.cpuProfDir)
  await worker.run(files)
  return worker.finish()
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const rate = (result: PhaseResult) => (result.articles - result.failed) / result.seconds
const formatRate = (value: number) => Math.round(value).toLocaleString('en-US')
const formatChange = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(0)}%`

type Results = Partial<Record<'drySmall' | 'dry' | 'import' | 'reimport' | 'plain', PhaseResult>>

/** The 1-minute load average: on a shared machine, figures mean little without it. */
const formatLoad = (load: number[]) => load[0]!.toFixed(2)

function formatReport(options: Options, files: readonly string[], corpusBytes: number, results: Results, load: { start: number[]; end: number[] }): string {
  const { drySmall, dry, import: first, reimport, plain } = results
  const rows: string[][] = [
    ['measurement', 'articles', 'failed', 'outcome', 'seconds', 'articles/s', 'CPU ms/article', 'peak RSS', 'peak heap', 'heap after GC', 'target', 'result'],
  ]
  const row = (label: string, result: PhaseResult | undefined, target: string, outcome: string) => {
    if (!result) return
    const actions = Object.entries(result.actions).map(([action, count]) => `${action} ${count}`)
    rows.push([
      label,
      String(result.articles),
      String(result.failed),
      actions.join(', '),
      result.seconds.toFixed(1),
      formatRate(rate(result)),
      ((result.cpuSeconds * 1000) / Math.max(1, result.articles)).toFixed(1),
      mb(result.memory.peakRss),
      mb(result.memory.peakHeapUsed),
      result.retainedHeapUsed === undefined ? '' : mb(result.retainedHeapUsed),
      target,
      outcome,
    ])
  }
  row('(a) dry run (memory check)', drySmall, '', '')
  row('(a) dry run', dry, '≥ 1,000/s', dry ? verdict(rate(dry) >= 1000) : '')
  row(
    '(b) first import',
    first,
    plain ? `≥ 70% of (d) = ${formatRate(0.7 * rate(plain))}/s` : '≥ 70% of (d)',
    first && plain ? `${verdict(rate(first) >= 0.7 * rate(plain))} (${((rate(first) / rate(plain)) * 100).toFixed(0)}% of d)` : '',
  )
  row(
    '(c) re-import, unchanged',
    reimport,
    first ? `≥ 10× (b) = ${formatRate(10 * rate(first))}/s` : '≥ 10× (b)',
    reimport && first ? `${verdict(rate(reimport) >= 10 * rate(first))} (${(rate(reimport) / rate(first)).toFixed(1)}× b)` : '',
  )
  row('(d) plain Local API loop', plain, 'baseline: writes only', '')

  const lines = [
    '',
    `seed importer benchmark · commit ${describeCommit()} (working tree as found) · node ${process.version} · ${os.cpus().length} CPUs · SQLite files in ${os.tmpdir()}`,
    `load average (1 min): ${formatLoad(load.start)} at the start, ${formatLoad(load.end)} at the end, on ${os.availableParallelism()} available cores`,
    `corpus: ${files.length} generated articles, 5 formats in turn, ${(corpusBytes / files.length / 1024).toFixed(1)} KB average, seed ${options.seed}; ` +
      `(b)–(d) on the first ${options.storeCount}; runImport batch size ${options.batchSize}`,
    '',
    formatTable(rows),
  ]
  if (drySmall && dry) {
    const rss = dry.memory.peakRss / drySmall.memory.peakRss
    const heap = dry.memory.peakHeapUsed / drySmall.memory.peakHeapUsed
    const retained =
      dry.retainedHeapUsed && drySmall.retainedHeapUsed
        ? `; heap after GC with the summary rows held ${mb(drySmall.retainedHeapUsed)} → ${mb(dry.retainedHeapUsed)} (${formatChange(dry.retainedHeapUsed / drySmall.retainedHeapUsed)})`
        : ''
    lines.push(
      '',
      `peak memory vs corpus size (dry run): peak heap ${mb(drySmall.memory.peakHeapUsed)} → ${mb(dry.memory.peakHeapUsed)} (${formatChange(heap)})${retained}`,
      formatFigures([
        {
          name: `(a) peak RSS, dry run of ${drySmall.articles} → ${dry.articles} articles`,
          value: `${mb(drySmall.memory.peakRss)} → ${mb(dry.memory.peakRss)} (${formatChange(rss)})`,
          target: 'does not grow with the corpus (within +20%)',
          met: rss <= 1.2,
        },
      ]),
    )
  }
  if (first && plain) {
    const cpuPerArticle = (result: PhaseResult) => result.cpuSeconds / Math.max(1, result.articles - result.failed)
    lines.push(
      '',
      `(b) and (d) ran in turns of ${options.chunkSize} files. By CPU time instead of wall-clock time, (b) runs at ` +
        `${((cpuPerArticle(plain) / cpuPerArticle(first)) * 100).toFixed(0)}% of (d)'s rate.`,
    )
  }
  if (plain?.untimedSeconds !== undefined) {
    lines.push(`(d) times only the writes; parsing and building its documents took another ${plain.untimedSeconds.toFixed(1)} s, untimed.`)
  }
  const failures = Object.entries(results).flatMap(([name, result]) => result.firstErrors.map((error) => `  ${name}: ${error}`))
  if (failures.length) lines.push('', 'first failures:', ...failures)
  if (options.cpuProfDir) {
    lines.push(
      '',
      `CPU profiles in ${options.cpuProfDir}/<measurement>/ (the main thread's is the larger file); summarise one with`,
      `  npx tsx bench/support/summariseCpuProfile.ts FILE src/importer`,
    )
  }
  return lines.join('\n')
}

async function main() {
  const options = readOptions()
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-import-'))
  try {
    const generated = performance.now()
    const files = generateCorpus({ dir: path.join(workDir, 'corpus'), count: options.count, seed: options.seed, seedsDir: path.join(ROOT, 'seeds') })
    const corpusBytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0)
    process.stderr.write(`generated ${files.length} articles in ${((performance.now() - generated) / 1000).toFixed(1)} s into ${workDir}/corpus\n`)

    const stored = files.slice(0, options.storeCount)
    const start = (kind: PhaseKind, database?: string) => ({
      type: 'start' as const,
      kind,
      batchSize: options.batchSize,
      ...(database ? { databaseUri: `file:${path.join(workDir, `${database}.db`)}`, mediaDir: path.join(workDir, `media-${database}`) } : {}),
    })
    const results: Results = {}
    const loadAtStart = os.loadavg()
    if (options.only.has('dry')) {
      results.drySmall = await measure('a-dry-run-small', start('dry-run'), files.slice(0, options.small), options)
      results.dry = await measure('a-dry-run', start('dry-run'), files, options)
    }
    // (b) and (d) take turns chunk by chunk, so that both see the same load when the machine is shared.
    const first = options.only.has('import') ? await PhaseWorker.start('b-first-import', start('import', 'import'), stored.length, options.cpuProfDir) : null
    const plain = options.only.has('plain') ? await PhaseWorker.start('d-plain-loop', start('plain-loop', 'plain'), stored.length, options.cpuProfDir) : null
    for (const part of chunk(stored, options.chunkSize)) {
      await first?.run(part)
      await plain?.run(part)
    }
    if (first) results.import = await first.finish()
    if (plain) results.plain = await plain.finish()
    if (options.only.has('reimport')) results.reimport = await measure('c-re-import', start('import', 'import'), stored, options)

    console.log(formatReport(options, files, corpusBytes, results, { start: loadAtStart, end: os.loadavg() }))
  } finally {
    if (options.keep) process.stderr.write(`kept ${workDir}\n`)
    else fs.rmSync(workDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
