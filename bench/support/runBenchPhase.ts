/**
 * One benchmark measurement, run in a child process of bench/import.ts so that
 * each gets a fresh heap (honest peak memory) and its own Payload instance (the
 * config reads DATABASE_URI once per process).
 *
 * Protocol over IPC: `start` (answered by `ready` once Payload is up), then any
 * number of `run` with a chunk of files (answered by `ran`), then `finish`
 * (answered by the PhaseResult). Chunks let the parent interleave the first
 * import and the plain loop, so that both see the same load on a shared machine.
 */
import type { Payload } from 'payload'

import path from 'node:path'

import type { DistrictRef } from '../../src/importer/normalise/matchDistricts'
import type { ArticleDocument } from '../../src/importer/store/buildArticleDocument'

import { DISTRICTS_SLUG } from '../../collections/slugs'
import { contentHash } from '../../src/importer/read/contentHash'
import { decodeText } from '../../src/importer/decode/decodeText'
import { toSummaryRow, type SummaryRow } from '../../src/importer/formatReport'
import { importDocument } from '../../src/importer/importDocument'
import { readSourceFile } from '../../src/importer/read/readSourceFile'
import { runImport } from '../../src/importer/runImport'
import { buildArticleDocument } from '../../src/importer/store/buildArticleDocument'
import { sampleMemory, type MemoryPeaks } from './sampleMemory'
import { writeArticleDocument } from './writeArticleDocument'

export type PhaseKind = 'dry-run' | 'import' | 'plain-loop'

export type PhaseMessage =
  | { type: 'start'; kind: PhaseKind; batchSize: number; databaseUri?: string; mediaDir?: string }
  | { type: 'run'; files: string[] }
  | { type: 'finish' }

export type PhaseReply = { type: 'ready' } | { type: 'ran'; articles: number } | { type: 'result'; result: PhaseResult }

export interface PhaseResult {
  kind: PhaseKind
  articles: number
  failed: number
  /** created / updated / unchanged / parsed, from runImport; 'created' for the plain loop. */
  actions: Record<string, number>
  warnings: number
  /** Timed wall-clock seconds: the runImport calls, or (plain loop) the writes only. */
  seconds: number
  /** CPU seconds (user + system) of this process over the same timed stretches. */
  cpuSeconds: number
  /** Plain loop: the untimed seconds spent parsing and building the documents. */
  untimedSeconds?: number
  memory: MemoryPeaks
  /** Heap still in use after a full GC once runImport returned, a summary row per file still held (as the CLI holds them). */
  retainedHeapUsed?: number
  firstErrors: string[]
}

interface Timer {
  wall: number
  cpu: number
}

function startTimer(): Timer {
  const { user, system } = process.cpuUsage()
  return { wall: performance.now(), cpu: user + system }
}

function stopTimer(timer: Timer): Timer {
  const { user, system } = process.cpuUsage()
  return { wall: (performance.now() - timer.wall) / 1000, cpu: (user + system - timer.cpu) / 1e6 }
}

async function startPayload(databaseUri: string, mediaDir: string): Promise<Payload> {
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATABASE_URI: databaseUri,
    MONGODB_COMPAT: 'none',
    PAYLOAD_SECRET: 'bench-secret-bench-secret-bench-secret-01',
    MEDIA_DIR: mediaDir,
    LOG_LEVEL: 'warn',
    SEED_ON_START: 'false',
    JOBS_AUTORUN: 'false',
  })
  const { loadEnv } = await import('../../src/env')
  loadEnv()
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../src/payload.config')
  const payload = await getPayload({ config })
  const { seedReferenceDistricts } = await import('../../src/startup/seedReferenceDistricts')
  await seedReferenceDistricts(payload) // as the CLI does before importing
  return payload
}

class Phase {
  private payload: Payload | null = null
  private districts: { refs: DistrictRef[]; idsByName: Map<string, string> } | null = null
  private sampler: ReturnType<typeof sampleMemory> | null = null
  /** What the CLI keeps of each result (its summary table row), kept here too so that memory compares honestly. */
  private readonly rows: SummaryRow[] = []
  private readonly result: PhaseResult

  constructor(private readonly start: Extract<PhaseMessage, { type: 'start' }>) {
    this.result = {
      kind: start.kind,
      articles: 0,
      failed: 0,
      actions: {},
      warnings: 0,
      seconds: 0,
      cpuSeconds: 0,
      memory: { startRss: 0, peakRss: 0, peakHeapUsed: 0, samples: 0 },
      firstErrors: [],
    }
  }

  async init() {
    if (this.start.kind !== 'dry-run') {
      this.payload = await startPayload(this.start.databaseUri!, this.start.mediaDir!)
      const { docs } = await this.payload.find({ collection: DISTRICTS_SLUG, pagination: false, depth: 0, overrideAccess: true })
      this.districts = {
        refs: docs.map((doc) => ({ name: doc.name, level: doc.level })),
        idsByName: new Map(docs.map((doc) => [doc.name, String(doc.id)])),
      }
    }
    this.sampler = sampleMemory()
  }

  private recordFailure(error: string) {
    this.result.failed++
    if (this.result.firstErrors.length < 3) this.result.firstErrors.push(error)
  }

  private add(timer: Timer) {
    this.result.seconds += timer.wall
    this.result.cpuSeconds += timer.cpu
  }

  async run(files: string[]) {
    if (this.start.kind === 'plain-loop') return this.runPlainLoop(files)
    const timer = startTimer()
    await runImport(this.payload, files, {
      dryRun: this.payload === null,
      batchSize: this.start.batchSize,
      onResult: (result, done, total) => {
        this.result.articles++
        if (!result.ok) this.recordFailure(result.error ?? '')
        else if (result.action) this.result.actions[result.action] = (this.result.actions[result.action] ?? 0) + 1
        this.result.warnings += result.article?.warnings.length ?? 0
        this.rows.push(toSummaryRow(result))
        if (total > 1000 && done % 1000 === 0) process.stderr.write(`  ${this.start.kind}: ${done}/${total}\n`)
      },
    })
    this.add(stopTimer(timer))
    const gc = (globalThis as { gc?: () => void }).gc
    if (gc) {
      gc()
      this.result.retainedHeapUsed = Math.max(this.result.retainedHeapUsed ?? 0, process.memoryUsage().heapUsed)
    }
  }

  /** Parses each file and builds its documents (untimed), then times only the Local API writes. */
  private async runPlainLoop(files: string[]) {
    const payload = this.payload!
    const { refs, idsByName } = this.districts!
    for (const file of files) {
      this.result.articles++
      const preparing = performance.now()
      let document: ArticleDocument
      try {
        const bytes = await readSourceFile(file)
        const article = importDocument(bytes, { fileName: file, districts: refs })
        this.result.warnings += article.warnings.length
        document = buildArticleDocument({
          article,
          districtIdsByName: idsByName,
          sourceFile: path.basename(file),
          contentHash: contentHash(bytes),
          originalText: decodeText(bytes, article.encoding, file),
        })
      } catch (error) {
        this.recordFailure(error instanceof Error ? error.message : String(error))
        continue
      } finally {
        this.result.untimedSeconds = (this.result.untimedSeconds ?? 0) + (performance.now() - preparing) / 1000
      }
      const timer = startTimer()
      try {
        await writeArticleDocument(payload, document)
        this.result.actions.created = (this.result.actions.created ?? 0) + 1
      } catch (error) {
        this.recordFailure(`${file}: ${error instanceof Error ? error.message : String(error)}`)
      }
      this.add(stopTimer(timer))
    }
  }

  async finish(): Promise<PhaseResult> {
    this.result.memory = this.sampler!.stop()
    await this.payload?.destroy()
    return this.result
  }
}

function reply(message: PhaseReply): Promise<void> {
  return new Promise((resolve, reject) => process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())))
}

let phase: Phase | null = null
let queue = Promise.resolve()

process.on('message', (message: PhaseMessage) => {
  queue = queue
    .then(async () => {
      if (message.type === 'start') {
        phase = new Phase(message)
        await phase.init()
        await reply({ type: 'ready' })
      } else if (message.type === 'run') {
        await phase!.run(message.files)
        await reply({ type: 'ran', articles: message.files.length })
      } else {
        await reply({ type: 'result', result: await phase!.finish() })
        process.exit(0)
      }
    })
    .catch((error) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error)
      process.exit(1)
    })
})
