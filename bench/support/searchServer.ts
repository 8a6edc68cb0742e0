/**
 * The search benchmark's server, in a child process of its own (Payload keeps one instance per
 * process): on a fresh database, writes the generated published stories straight through the
 * database adapter (no hooks: this is the archive as it stands, not a measurement), rebuilds the
 * search index with reindexAll (measured: the index build rate), and serves the delivery API
 * without its response cache, so every request is a real search or a real scan. Talks to the
 * parent over IPC: `progress`, `ready`; `stop` ends it.
 */
import type { Client, InStatement } from '@libsql/client'

import type { Payload } from 'payload'

import { randomUUID } from 'node:crypto'
import path from 'node:path'

import express from 'express'
import { ObjectId } from 'mongodb'

import { ARTICLES_SLUG, DISTRICTS_SLUG } from '../../collections/slugs'
import { mountDeliveryApi } from '../../src/http/mountDeliveryApi'
import { getSearchStore } from '../../src/search/getSearchStore'
import { reindexAll } from '../../src/search/reindexAll'
import { seedReferenceDistricts } from '../../src/startup/seedReferenceDistricts'
import { createStoryGenerator, type GeneratedStory } from './generateSearchStories'

const STORIES = Number(process.env.BENCH_STORIES ?? 100_000)
const WRITE_CHUNK = 500

function lexicalBody(paragraphs: string[]) {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
      })),
    },
  }
}

/**
 * SQLite: the rows Payload's adapter writes for a published article (main row, one row per
 * locale, the district relation, the byline), inserted in batches of plain SQL: the adapter
 * writes some 50 stories a second, and this is the archive as it stands, not a measurement.
 * Checked by the parent: the same rows answer Payload's REST reads.
 */
async function insertRows(client: Client, chunk: { n: number; story: GeneratedStory }[], districtIds: string[]) {
  const rows = chunk.map(({ n, story }) => ({ id: randomUUID(), n, story }))
  const marks = (count: number, size: number) => Array.from({ length: count }, () => `(${Array(size).fill('?').join(', ')})`).join(', ')
  // A few multi-row statements per chunk (one prepared statement each, see sqliteSearchStore).
  const statements: InStatement[] = [
    {
      sql: `INSERT INTO articles (id, workflow_stage, slug, original_published_at, updated_at, created_at, _status) VALUES ${marks(rows.length, 7)}`,
      args: rows.flatMap(({ id, n, story }) => [id, 'published', `bench-story-${n}`, story.originalPublishedAt, story.originalPublishedAt, story.originalPublishedAt, 'published']),
    },
    ...(['zh-Hans', 'zh-Hant'] as const).map((locale) => ({
      sql: `INSERT INTO articles_locales (title, summary, body, _locale, _parent_id) VALUES ${marks(rows.length, 5)}`,
      args: rows.flatMap(({ id, story }) => [story.title[locale], story.summary[locale], JSON.stringify(lexicalBody(story.paragraphs[locale])), locale, id]),
    })),
    {
      sql: `INSERT INTO articles_rels ("order", parent_id, path, districts_id) VALUES ${marks(rows.length, 4)}`,
      args: rows.flatMap(({ id, story }) => [1, id, 'districts', districtIds[story.districtIndex]!]),
    },
    {
      sql: `INSERT INTO articles_texts ("order", parent_id, path, text) VALUES ${marks(rows.length, 4)}`,
      args: rows.flatMap(({ id, story }) => [1, id, 'authors', story.authors[0]!]),
    },
  ]
  await client.batch(statements, 'write')
}

/** MongoDB: the documents Payload's adapter stores for a published article, inserted in bulk (FerretDB takes about a second per single write). */
async function insertDocuments(payload: Payload, chunk: { n: number; story: GeneratedStory }[], districtIds: string[]) {
  const collection = (payload.db as unknown as { collections: Record<string, { collection: { insertMany(docs: unknown[]): Promise<unknown> } }> }).collections[ARTICLES_SLUG]!.collection
  await collection.insertMany(
    chunk.map(({ n, story }) => ({
      title: story.title,
      summary: story.summary,
      body: { 'zh-Hans': lexicalBody(story.paragraphs['zh-Hans']), 'zh-Hant': lexicalBody(story.paragraphs['zh-Hant']) },
      authors: story.authors,
      districts: [new ObjectId(districtIds[story.districtIndex]!)],
      originalPublishedAt: new Date(story.originalPublishedAt),
      slug: `bench-story-${n}`,
      workflowStage: 'published',
      _status: 'published',
      createdAt: new Date(story.originalPublishedAt),
      updatedAt: new Date(story.originalPublishedAt),
    })),
  )
}

async function main() {
  const lane = process.env.DATABASE_URI!.startsWith('mongodb') ? 'mongodb' : 'sqlite'
  const { loadEnv } = await import('../../src/env')
  const env = loadEnv()
  const { default: config } = await import('../../src/payload.config')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config })
  await seedReferenceDistricts(payload)
  const districts = await payload.find({ collection: DISTRICTS_SLUG, where: { level: { not_equals: 'city' } }, sort: 'code', depth: 0, limit: 10 })
  // The development corpus stays outside the repository (as for the relevance test): CORPUS_DIR, else ../shared/corpus.
  const root = path.resolve(import.meta.dirname, '../..')
  const corpusDocs = path.join(process.env.CORPUS_DIR ? path.resolve(process.env.CORPUS_DIR) : path.resolve(root, '../shared/corpus'), 'docs')
  const nextStory = createStoryGenerator([path.join(root, 'seeds'), corpusDocs])

  const writeStarted = performance.now()
  const client = (payload.db as unknown as { client?: Client }).client
  // A reused database (bench:search --reuse) that holds the stories already: they are not written again.
  const existing = (await payload.count({ collection: ARTICLES_SLUG, overrideAccess: true })).totalDocs
  if (existing > 0 && existing !== STORIES) throw new Error(`the database holds ${existing} articles, not the ${STORIES} stories asked for`)
  for (let written = existing; written < STORIES; ) {
    const chunk = Array.from({ length: Math.min(WRITE_CHUNK, STORIES - written) }, (_, index) => ({ n: written + index, story: nextStory() }))
    if (lane === 'sqlite') await insertRows(client!, chunk, districts.docs.map((district) => String(district.id)))
    else await insertDocuments(payload, chunk, districts.docs.map((district) => String(district.id)))
    written += chunk.length
    if (written % 5000 === 0 || written === STORIES) process.send!({ type: 'progress', phase: 'write', done: written, total: STORIES })
  }
  if (lane === 'sqlite' && existing === 0) await client!.execute('ANALYZE')
  const writeSeconds = (performance.now() - writeStarted) / 1000

  const indexStarted = performance.now()
  const cpuBefore = process.cpuUsage()
  // BENCH_KEEP_INDEX (--keep-index with --reuse): an index already built for these stories is measured as it stands.
  const store = getSearchStore(payload)
  await store.prepare()
  const kept = process.env.BENCH_KEEP_INDEX ? await store.countEntries() : 0
  const indexed =
    kept >= STORIES
      ? { entries: kept }
      : await reindexAll(payload, {
          batchSize: 250,
          onProgress: (done, total) => {
            if (done % 5000 < 250 || done === total) process.send!({ type: 'progress', phase: 'index', done, total })
          },
        })
  const indexSeconds = kept >= STORIES ? null : (performance.now() - indexStarted) / 1000
  const indexCpu = process.cpuUsage(cpuBefore)

  const app = express()
  await mountDeliveryApi(app, payload, config, { ...env, API_CACHE_MAX_MB: 0, API_RATE_LIMIT_PER_MINUTE: 0 }, 'bench')
  // What the MongoDB lane ran on, said beside its figures: FerretDB's figures measure FerretDB, not MongoDB.
  let laneName: string = lane
  if (lane === 'mongodb') {
    const info = await (payload.db as unknown as { connection: { db: { command(command: object): Promise<{ version?: string; ferretdbVersion?: string }> } } }).connection.db.command({ buildInfo: 1 })
    laneName = info.ferretdbVersion ? `mongodb lane on FerretDB ${info.ferretdbVersion} (these figures measure FerretDB, not MongoDB)` : `mongodb lane on MongoDB ${info.version}`
  }
  const listening = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => listening.once('listening', resolve))
  process.send!({
    type: 'ready',
    lane: laneName,
    url: `http://127.0.0.1:${(listening.address() as { port: number }).port}`,
    stories: STORIES,
    writeSeconds,
    indexSeconds,
    indexCpuSeconds: (indexCpu.user + indexCpu.system) / 1e6,
    entries: indexed.entries,
  })
  process.on('message', async (message: { type: string }) => {
    if (message.type === 'cpu') process.send!({ type: 'cpu', usage: process.cpuUsage() })
    if (message.type !== 'stop') return
    listening.close()
    if (lane === 'mongodb') await (payload.db as unknown as { connection: { dropDatabase(): Promise<unknown> } }).connection.dropDatabase()
    await payload.destroy()
    process.exit(0)
  })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
