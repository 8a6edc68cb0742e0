import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createRandom } from '../../bench/support/createRandom'
import { buildSentenceBank } from '../../bench/support/buildSentenceBank'
import { ARTICLES_SLUG, CAPTIONS_SLUG } from '../../collections/slugs'
import { fingerprintBody } from '../../src/importer/store/planImport'
import { importAndCollect } from '../support/importer'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { buildFreshDatabaseUri, currentLane } from '../support/testDatabase'

const ROOT = path.resolve(import.meta.dirname, '../..')
/**
 * 200 files on SQLite. FerretDB v1 evaluates each query by reading every document of the
 * collection (no filter reaches its SQLite tables but `_id`), so storing an article gets slower
 * as the collection grows: 200 files took over 15 minutes there on a loaded 2-core machine,
 * against about a minute of CPU on SQLite. Its lane stores 40 (IMPORT_KILL_TEST_FILES overrides).
 */
const FILES = Number(process.env.IMPORT_KILL_TEST_FILES ?? (currentLane() === 'mongodb' ? 40 : 200))
const KILLS = 10
/** The seed of the kill moments; printed, so a failing run can be repeated with KILL_TEST_SEED. */
const SEED = Number(process.env.KILL_TEST_SEED ?? Date.now() % 1_000_000)

/** `npm run import -- --json DIR` in a child process against the given database. */
function startCli(dir: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/importer/cli.ts', '--json', dir], {
    cwd: ROOT,
    // production: outside it Payload regenerates src/payload-types.ts at every start, a shared file.
    env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '--no-deprecation', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = ''
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })))
}

const DISTRICTS = ['安源区', '湘东区', '莲花县', '上栗县', '芦溪县']
const SCENES = ['工人正在车间组装设备', '游客在景区内观光游览', '村民在田间采摘蔬菜', '学生开展红色研学活动', '志愿者走进社区开展服务']

/**
 * Small markdown stories (a title, a deck, two paragraphs of the seeds' sentences, zero to three
 * captions at the end, as in seeds/000): a store costs the same writes as a long one, sooner.
 */
function writeSmallStories(dir: string, count: number, seed: number): void {
  const random = createRandom(seed)
  const sentences = buildSentenceBank(path.join(ROOT, 'seeds'))
  fs.mkdirSync(dir, { recursive: true })
  for (let index = 0; index < count; index++) {
    const district = random.pick(DISTRICTS)
    const paragraph = () => Array.from({ length: random.int(2, 3) }, () => random.pick(sentences)).join('')
    const captions = Array.from({ length: random.int(0, 3) }, (_, at) => `${district}${random.pick(SCENES)}（第${index}篇图${at + 1}）`)
    const text = [`# ${district}第${index}号项目建设跑出加速度`, `## ——${district}持续推进产业升级`, paragraph(), paragraph(), ...captions].join('\n\n')
    fs.writeFileSync(path.join(dir, `${String(index).padStart(3, '0')}.txt`), `${text}\n`)
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Every article document in the store (drafts included, and any without a version). */
async function countArticleDocuments(payload: Payload): Promise<number> {
  return (await payload.count({ collection: ARTICLES_SLUG, overrideAccess: true })).totalDocs
}

/**
 * What the newsroom has from the import, keyed by source file so two stores compare whatever
 * their ids: each article's latest draft in both scripts, its captions and its number of versions;
 * plus the count of article documents and of captions, so a duplicate or an orphan shows.
 */
async function describeStore(payload: Payload) {
  const { docs: articles } = await payload.find({ collection: ARTICLES_SLUG, draft: true, locale: 'all', depth: 0, pagination: false, overrideAccess: true })
  const { docs: captions } = await payload.find({ collection: CAPTIONS_SLUG, locale: 'all', depth: 0, pagination: false, overrideAccess: true })
  const { docs: versions } = await payload.findVersions({ collection: ARTICLES_SLUG, depth: 0, pagination: false, overrideAccess: true, select: { parent: true } as never })
  const fileById = new Map(articles.map((doc: any) => [String(doc.id), doc.provenance?.sourceFile as string]))
  const byFile = new Map<string, any>()
  for (const doc of articles as any[]) {
    byFile.set(doc.provenance?.sourceFile, {
      title: doc.title,
      subtitle: doc.subtitle,
      summary: doc.summary,
      body: { 'zh-Hans': fingerprintBody(doc.body?.['zh-Hans']), 'zh-Hant': fingerprintBody(doc.body?.['zh-Hant']) },
      authors: doc.authors,
      contentHash: doc.provenance?.contentHash ?? null,
      warnings: (doc.provenance?.warnings ?? []).map((warning: any) => warning.kind),
      captions: [] as unknown[],
      versions: 0,
    })
  }
  let orphanCaptions = 0
  for (const caption of captions as any[]) {
    const entry = byFile.get(fileById.get(String(caption.article)) ?? '')
    if (entry) entry.captions.push({ text: caption.text, credit: caption.credit ?? null, position: caption.position })
    else orphanCaptions++
  }
  let orphanVersions = 0
  for (const version of versions as any[]) {
    const entry = byFile.get(fileById.get(String(typeof version.parent === 'object' ? version.parent?.id : version.parent)) ?? '')
    if (entry) entry.versions++
    else orphanVersions++
  }
  for (const entry of byFile.values()) entry.captions.sort((a: any, b: any) => a.position - b.position || JSON.stringify(a).localeCompare(JSON.stringify(b)))
  return {
    articleDocuments: await countArticleDocuments(payload),
    captions: captions.length,
    orphanCaptions,
    orphanVersions,
    articles: Object.fromEntries([...byFile.entries()].sort(([a], [b]) => a.localeCompare(b))),
  }
}

/**
 * Issue 11: a file's article, version, captions and provenance are stored together or not at
 * all. The import CLI is killed with SIGKILL at a random moment while it stores 200 files, ten
 * times over, each run going on from what the last one left; then it runs to the end. The store
 * must then equal a clean import of the same files: nothing half-stored was taken for "unchanged".
 */
describe(`kill -9 during npm run import of ${FILES} files, ${KILLS} times, then a full run (seed ${SEED})`, () => {
  const random = createRandom(SEED)
  const databaseUri = buildFreshDatabaseUri('import_kill')
  let workDir: string
  let corpus: string
  let cliEnv: Record<string, string>
  let watcher: TestServer | undefined
  let clean: TestServer | undefined
  const rounds: { stored: number; signal: NodeJS.Signals | null; code: number | null }[] = []
  let finalRun: { code: number | null; stderr: string }
  let resumed: Awaited<ReturnType<typeof describeStore>>
  let fresh: Awaited<ReturnType<typeof describeStore>>

  beforeAll(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-import-kill-'))
    corpus = path.join(workDir, 'corpus')
    writeSmallStories(corpus, FILES, 11)
    cliEnv = {
      DATABASE_URI: databaseUri,
      MONGODB_COMPAT: currentLane() === 'mongodb' ? (process.env.TEST_MONGODB_COMPAT ?? 'none') : 'none',
      PAYLOAD_SECRET: 'test-secret-test-secret-test-secret-0123',
      PAYLOAD_FORCE_DRIZZLE_PUSH: 'true',
      MEDIA_DIR: path.join(workDir, 'media'),
      LOG_LEVEL: 'error',
    }
    // A server on the same database watches the store, to kill each run only once it is writing.
    watcher = await startTestServer('import_kill', { databaseUri, env: { JOBS_AUTORUN: 'false' } })
    for (let round = 0; round < KILLS; round++) {
      const before = await countArticleDocuments(watcher.payload)
      const child = startCli(corpus, cliEnv)
      const exited = exitOf(child)
      let finished = false
      void exited.then(() => (finished = true))
      while (!finished && (await countArticleDocuments(watcher.payload)) === before) await sleep(100)
      await sleep(random.int(0, 1500)) // some files stored, the kill landing anywhere inside one
      child.kill('SIGKILL')
      const { code, signal } = await exited
      rounds.push({ stored: (await countArticleDocuments(watcher.payload)) - before, signal, code })
      console.log(`round ${round + 1}: killed after ${rounds.at(-1)!.stored} new articles`)
    }
    const started = performance.now()
    finalRun = await exitOf(startCli(corpus, cliEnv))
    console.log(`files stored before each kill: ${rounds.map((round) => round.stored).join(', ')}; the final run took ${((performance.now() - started) / 1000).toFixed(1)} s`)
    resumed = await describeStore(watcher.payload)
    await stopTestServer(watcher)
    watcher = undefined

    clean = await startTestServer('import_kill_clean', { env: { JOBS_AUTORUN: 'false' } })
    const files = fs.readdirSync(corpus).sort().map((name) => path.join(corpus, name))
    const cleanStarted = performance.now()
    const results = await importAndCollect(clean.payload, files, { dryRun: false })
    console.log(`clean import ${((performance.now() - cleanStarted) / 1000).toFixed(1)} s`)
    expect(results.filter((result) => !result.ok)).toEqual([])
    fresh = await describeStore(clean.payload)
  }, 1_200_000) // about 1 CPU-minute on SQLite; on a loaded machine, and on FerretDB, several minutes

  afterAll(async () => {
    await stopTestServer(watcher)
    await stopTestServer(clean)
    if (databaseUri.startsWith('file:')) {
      const file = databaseUri.slice('file:'.length)
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true })
    }
    fs.rmSync(workDir, { recursive: true, force: true })
  })

  it('each of the ten runs was killed by SIGKILL while it was storing', () => {
    expect(rounds).toHaveLength(KILLS)
    expect(rounds.every((round) => round.signal === 'SIGKILL' && round.code === null)).toBe(true)
    // No per-round floor: without transactions (FerretDB) a run first removes the article the last kill left
    // half-stored, so a kill landing before its re-creation leaves one article fewer than the run found.
    expect(rounds.reduce((sum, round) => sum + round.stored, 0)).toBeGreaterThan(0)
  })

  it('the run after the kills finishes without a failed file', () => {
    expect(finalRun.stderr).not.toContain(corpus) // no file named with an error
    expect(finalRun.code).toBe(0)
  })

  it('the store then equals a clean import: the same articles, captions and versions per article, nothing orphaned', () => {
    expect(fresh.articleDocuments).toBe(FILES)
    expect(Object.keys(fresh.articles)).toHaveLength(FILES)
    expect(resumed.orphanCaptions + resumed.orphanVersions).toBe(0)
    expect(resumed).toEqual(fresh)
  })
})
