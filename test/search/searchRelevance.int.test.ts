import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi, type TestUser, signedInAs } from '../support/api'
import { importAndCollect } from '../support/importer'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { currentLane } from '../support/testDatabase'

const root = path.resolve(import.meta.dirname, '../..')
const fixtures = path.join(root, 'test/fixtures/search')
const judged = JSON.parse(fs.readFileSync(path.join(fixtures, 'relevance.json'), 'utf8')) as { queries: { q: string; kind: string; relevant: string[] }[] }
/** The figures last committed for this lane: a change to segmentation or ranking may raise them, never lower them. */
const baseline = (JSON.parse(fs.readFileSync(path.join(fixtures, 'relevanceBaseline.json'), 'utf8')) as Record<string, { recallAt10: number; mrr: number }>)[currentLane()]!

const RANK_CUTOFF = 10

/**
 * The development corpus stays outside the repository: CORPUS_DIR, else ../shared/corpus beside the
 * project (where CI has it). Judged files named `corpus/<name>` are its pages; the rest are in the repo (seeds/).
 */
const corpusDocs = path.join(process.env.CORPUS_DIR ? path.resolve(process.env.CORPUS_DIR) : path.resolve(root, '../shared/corpus'), 'docs')
const CORPUS_KEY = 'corpus/'
const resolveJudged = (file: string) => (file.startsWith(CORPUS_KEY) ? path.join(corpusDocs, file.slice(CORPUS_KEY.length)) : path.join(root, file))
const judgedKeyOf = (absolute: string) => (path.dirname(absolute) === corpusDocs ? `${CORPUS_KEY}${path.basename(absolute)}` : path.relative(root, absolute))
const corpusPresent = fs.existsSync(corpusDocs)
if (!corpusPresent && process.env.CI === 'true') throw new Error(`CI=true but the corpus is missing at ${corpusDocs}: clone the project beside shared/ or set CORPUS_DIR`)

/**
 * Relevance of GET /api/search on real text: the corpus pages and the seeds imported as the
 * newsroom imports them, and 50+ queries with judged answers (test/fixtures/search/relevance.json)
 * in both scripts: districts, places, reporters' names, two-character words, phrases.
 * recall@10 = judged documents in the first 10 / min(10, judged); MRR = mean of 1 / rank of the first judged document.
 */
describe.skipIf(!corpusPresent)('search relevance (needs ../shared/corpus or CORPUS_DIR; skipped outside CI when missing)', () => {
  let server: TestServer
  let editor: TestUser
  const idToFile = new Map<string, string>()

  beforeAll(async () => {
    server = await startTestServer('search-relevance', { env: { JOBS_AUTORUN: 'false' } })
    await signedInAs(server, 'admin')
    editor = await signedInAs(server, 'editor')
    const files = [...new Set(judged.queries.flatMap((query) => query.relevant))].sort()
    const others = fs.readdirSync(corpusDocs).map((name) => `${CORPUS_KEY}${name}`).filter((file) => !files.includes(file))
    // Every page the importer can store, relevant to some query or not: the others are the distractors.
    const results = await importAndCollect(server.payload, [...files, ...others].map(resolveJudged), { dryRun: false })
    for (const result of results) if (result.id) idToFile.set(String(result.id), judgedKeyOf(path.resolve(result.file)))
    expect(files.filter((file) => ![...idToFile.values()].includes(file))).toEqual([])
    // FerretDB takes about a second per write: the import alone takes minutes there.
  }, 1_200_000)
  afterAll(async () => {
    await stopTestServer(server)
  })

  it(`finds the judged documents: recall@${RANK_CUTOFF} and MRR at least the committed figures`, async () => {
    const rows: { q: string; kind: string; recall: number; reciprocalRank: number; precision: number; missed: string[] }[] = []
    for (const { q, kind, relevant } of judged.queries) {
      // The imported stories are drafts in review: the newsroom's index (the public one holds the same text once published).
      const answer = await callApi(server.url, `/api/search?q=${encodeURIComponent(q)}&limit=${RANK_CUTOFF}&draft=true`, { token: editor.token })
      expect(answer.status).toBe(200)
      const ranked = (answer.body.docs as { id: string }[]).map((doc) => idToFile.get(doc.id))
      const found = relevant.filter((file) => ranked.includes(file))
      const firstRelevant = ranked.findIndex((file) => file !== undefined && relevant.includes(file))
      rows.push({
        q,
        kind,
        recall: found.length / Math.min(RANK_CUTOFF, relevant.length),
        reciprocalRank: firstRelevant < 0 ? 0 : 1 / (firstRelevant + 1),
        precision: ranked.length === 0 ? 0 : ranked.filter((file) => file !== undefined && relevant.includes(file)).length / ranked.length,
        missed: relevant.length <= RANK_CUTOFF ? relevant.filter((file) => !found.includes(file)).map((file) => path.basename(file)) : [],
      })
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
    const recallAt10 = mean(rows.map((row) => row.recall))
    const mrr = mean(rows.map((row) => row.reciprocalRank))
    const byKind = [...new Set(rows.map((row) => row.kind))].map((kind) => {
      const ofKind = rows.filter((row) => row.kind === kind)
      return `${kind} (${ofKind.length}): recall@10 ${mean(ofKind.map((row) => row.recall)).toFixed(3)}, MRR ${mean(ofKind.map((row) => row.reciprocalRank)).toFixed(3)}`
    })
    console.log(
      [
        `search relevance over ${rows.length} queries, ${idToFile.size} documents: recall@10 ${recallAt10.toFixed(3)}, MRR ${mrr.toFixed(3)}, precision of the first page ${mean(rows.map((row) => row.precision)).toFixed(3)}`,
        ...byKind,
        ...rows.filter((row) => row.recall < 1).map((row) => `  missed for ${row.q}: ${row.missed.join(', ') || `(recall ${row.recall.toFixed(2)})`}`),
      ].join('\n'),
    )
    expect(rows.length).toBeGreaterThanOrEqual(50)
    expect(recallAt10).toBeGreaterThanOrEqual(baseline.recallAt10)
    expect(mrr).toBeGreaterThanOrEqual(baseline.mrr)
    // 75 searches: about a second each on FerretDB.
  }, 600_000)
})
