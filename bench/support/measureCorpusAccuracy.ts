import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The scorer's nine fields, in its order. */
export const SCORED_FIELDS = ['title', 'date', 'source', 'authors', 'photographers', 'districts', 'captions', 'sectionHeadings', 'script'] as const
export type ScoredField = (typeof SCORED_FIELDS)[number]

export interface CorpusAccuracy {
  /** Overall field accuracy in percent, as the scorer prints it (one decimal). */
  overall: number
  /** Accuracy per field in percent, worked out from the scorer's per-document misses. */
  perField: Record<ScoredField, number>
  documents: number
  /** The scorer's lines naming each document's misses. */
  misses: string[]
}

const ROOT = path.resolve(import.meta.dirname, '../..')

/**
 * The development corpus: CORPUS_DIR when set, else ../shared/corpus beside the
 * project (CI clones the project beside shared/). Null when it is not there.
 */
export function findCorpusDir(): string | null {
  const dir = process.env.CORPUS_DIR ? path.resolve(process.env.CORPUS_DIR) : path.resolve(ROOT, '../shared/corpus')
  return existsSync(path.join(dir, 'expected.json')) && existsSync(path.join(dir, 'docs')) && existsSync(path.join(dir, 'score.mjs')) ? dir : null
}

/** Reads the scorer's output: "file: title 0.00, date 0.00" lines, "not parsed" lines, and the closing "field accuracy: N%". */
export function parseScorerOutput(output: string, documents: number): CorpusAccuracy {
  const lost = Object.fromEntries(SCORED_FIELDS.map((field) => [field, 0])) as Record<ScoredField, number>
  const misses: string[] = []
  let overall: number | null = null
  for (const line of output.split('\n')) {
    const total = /^field accuracy: ([\d.]+)%/.exec(line)
    if (total) overall = Number(total[1])
    const miss = /^([^:\s]+\.\w+): (.*)$/.exec(line)
    if (!miss) continue
    misses.push(line)
    if (miss[2]!.startsWith('not parsed')) for (const field of SCORED_FIELDS) lost[field] += 1
    else for (const [, field, score] of miss[2]!.matchAll(/(\w+) ([\d.]+)/g)) if (field! in lost) lost[field as ScoredField] += 1 - Number(score)
  }
  if (overall === null) throw new Error(`the scorer printed no "field accuracy" line:\n${output}`)
  const perField = Object.fromEntries(SCORED_FIELDS.map((field) => [field, Math.round((1 - lost[field] / documents) * 1000) / 10])) as Record<ScoredField, number>
  return { overall, perField, documents, misses }
}

/**
 * Runs the importer's dry run over the corpus's docs/ exactly as a user would
 * (`npm run --silent import -- --dry-run --json DIR`), then the corpus's own scorer on its output.
 */
export function measureCorpusAccuracy(corpusDir: string): CorpusAccuracy {
  const work = mkdtempSync(path.join(os.tmpdir(), 'corpus-accuracy-'))
  try {
    const output = path.join(work, 'out.json')
    const json = execFileSync('npm', ['run', '--silent', 'import', '--', '--dry-run', '--json', path.join(corpusDir, 'docs')], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    writeFileSync(output, json)
    let scored: string
    try {
      scored = execFileSync(process.execPath, [path.join(corpusDir, 'score.mjs'), path.join(corpusDir, 'expected.json'), output], { cwd: ROOT, encoding: 'utf8' })
    } catch (error) {
      // The scorer exits 1 below its goal; its report is still on stdout.
      scored = String((error as { stdout?: string }).stdout ?? '')
    }
    const documents = (JSON.parse(json) as unknown[]).length
    return parseScorerOutput(scored, documents)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
