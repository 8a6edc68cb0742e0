/**
 * The lane's Payload and what it sets up before a measurement: the chief editor, stories in the
 * 'scheduled' stage and their publish jobs, queued as a chief editor's schedule queues them.
 */
import type { Payload, TypedUser } from 'payload'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { LaneRequest } from './protocol'

import { ARTICLES_SLUG, USERS_SLUG } from '../../../collections/slugs'
import { createArticleAt } from '../../../test/support/articles'

export { JOBS_SLUG } from '../../../collections/slugs'

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function isDatabaseLocked(error: unknown): boolean {
  const messages = [error, (error as { cause?: unknown } | null)?.cause].map((item) => (item instanceof Error ? item.message : ''))
  return messages.some((message) => /database is locked|SQLITE_BUSY/.test(message))
}

/**
 * The benchmark's own reads and writes, retried while another process holds the SQLite
 * file's lock (Payload's SQLite adapter sets no busy timeout: a locked file fails at once).
 */
export async function retryWhileLocked<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (attempt >= 1200 || !isDatabaseLocked(error)) throw error // a minute of refusals
      await sleep(50)
    }
  }
}

export function progress(message: string) {
  process.stderr.write(`  ${message}\n`)
}

export async function startPayload(request: LaneRequest): Promise<Payload> {
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-schedule-media-'))
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATABASE_URI: request.databaseUri,
    MONGODB_COMPAT: request.mongodbCompat,
    PAYLOAD_SECRET: 'bench-secret-bench-secret-bench-secret-01',
    MEDIA_DIR: mediaDir,
    LOG_LEVEL: 'warn',
    PAYLOAD_FORCE_DRIZZLE_PUSH: 'true',
    SEED_ON_START: 'false',
    // No runner of the app's own: the benchmark starts the ones it measures.
    JOBS_AUTORUN: 'false',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
  })
  const { loadEnv } = await import('../../../src/env')
  loadEnv()
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../../src/payload.config')
  const payload = await getPayload({ config })
  const client = (payload.db as unknown as { client?: { execute(sql: string): Promise<unknown> } }).client
  if (payload.db.name === 'sqlite' && client) for (const pragma of request.sqlitePragmas) await client.execute(`PRAGMA ${pragma}`)
  return payload
}

/** Counts the publishes and unpublishes this process carries out (article updates that set `_status` and return). */
export function countPublishes(payload: Payload): () => number {
  let publishes = 0
  const update = payload.update.bind(payload) as (args: { collection?: string; data?: { _status?: string } }) => Promise<unknown>
  ;(payload as unknown as { update: typeof update }).update = async (args) => {
    const result = await update(args)
    if (args.collection === ARTICLES_SLUG && args.data?._status) publishes++
    return result
  }
  return () => publishes
}

/** The admin first (the first account is always made admin), then the chief editor who schedules. */
export async function createChiefEditor(payload: Payload): Promise<TypedUser> {
  const password = 'bench-password-correct-horse'
  await payload.create({
    collection: USERS_SLUG,
    data: { email: 'admin@bench.test', password, name: '管理员', roles: ['admin'] },
    overrideAccess: true,
  })
  const chief = await payload.create({
    collection: USERS_SLUG,
    data: { email: 'chief@bench.test', password, name: '总编辑', roles: ['chief-editor'] },
    overrideAccess: true,
  })
  if (!chief.roles?.includes('chief-editor') || chief.roles.includes('admin')) {
    throw new Error(`the chief editor got roles ${JSON.stringify(chief.roles)}`)
  }
  // As Payload's schedulePublish task loads the scheduling user.
  return { ...chief, collection: USERS_SLUG } as TypedUser
}

/** Stories in the 'scheduled' stage, set up as the tests do (untimed). MongoDB takes a few at once; SQLite has one writer. */
export async function createScheduledStories(payload: Payload, count: number, label: string): Promise<string[]> {
  const parallel = payload.db.name === 'mongoose' ? 8 : 1
  const ids: string[] = []
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, (_, offset) =>
      createArticleAt(payload, 'scheduled', { title: `定时稿件 ${label} ${start + offset + 1}` }),
    )
    ids.push(...(await Promise.all(batch)).map((article) => article.id))
    if (ids.length % 250 === 0 && ids.length < count) progress(`${label}: ${ids.length}/${count} stories set up`)
  }
  return ids
}

/** Queues one publish job per story at its instant, as a chief editor's schedule does; returns the job ids. */
export async function queueJobs(payload: Payload, ids: string[], instants: number[], userId: string | number): Promise<{ jobIds: string[]; ms: number }> {
  const { queueScheduledChange } = await import('../../../src/workflow/scheduling/scheduledChanges')
  const started = performance.now()
  const jobIds: string[] = []
  for (const [index, articleId] of ids.entries()) {
    const job = await queueScheduledChange(payload, { articleId, type: 'publish', at: new Date(instants[index]!), userId })
    jobIds.push(String(job.id))
  }
  return { jobIds, ms: performance.now() - started }
}

export function exitWithError(error: unknown): never {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
}
