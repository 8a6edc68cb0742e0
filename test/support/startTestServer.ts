import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { buildNewsroomConfig } from '../../src/buildNewsroomConfig'
import { resolveEnv } from '../../src/env'
import { createNewsroomServer, type NewsroomServer } from '../../src/http/createNewsroomServer'

import { findFreePort } from './freePort'
import { buildFreshDatabaseUri, currentLane } from './testDatabase'

export interface TestServer extends NewsroomServer {
  url: string
  databaseUri: string
}

export interface TestServerOptions {
  /** Reuse a database (to test a restart); a fresh one by default. */
  databaseUri?: string
  withAdmin?: boolean
  env?: Record<string, string>
}

/** Starts the whole app in-process (the same factory as src/server.ts) on a free port and a fresh database. */
export async function startTestServer(label: string, options: TestServerOptions = {}): Promise<TestServer> {
  const databaseUri = options.databaseUri ?? buildFreshDatabaseUri(label)
  const port = await findFreePort()
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-media-'))
  const variables: Record<string, string> = {
    DATABASE_URI: databaseUri,
    MONGODB_COMPAT: currentLane() === 'mongodb' ? (process.env.TEST_MONGODB_COMPAT ?? 'none') : 'none',
    PAYLOAD_SECRET: 'test-secret-test-secret-test-secret-0123',
    HOST: '127.0.0.1',
    PORT: String(port),
    SERVER_URL: `http://127.0.0.1:${port}`,
    MEDIA_DIR: mediaDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    // Each test decides its own content; the first-start seed import has a test of its own.
    SEED_ON_START: 'false',
    // A fresh database is what a test asks for, in production mode too (e2e).
    DATABASE_INIT: 'true',
    ...options.env,
  }
  // Only these variables: a developer's shell (or an earlier start's admin) leaves nothing in a test's app.
  const env = resolveEnv({ NODE_ENV: process.env.NODE_ENV, ...variables })
  // Read by Payload itself: it skips the SQLite schema push when it has pushed the same schema before in this process.
  process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
  // The admin's Next.js bundle builds its own copy of the config from process.env (src/payload.config.ts).
  if (options.withAdmin) Object.assign(process.env, variables)
  const config = buildNewsroomConfig(env)
  // Payload and Next.js read NODE_ENV from the process while starting (the schema push, the build they serve).
  const server = await withProcessNodeEnv(env.NODE_ENV, () => createNewsroomServer({ env, config, withAdmin: options.withAdmin ?? false }))
  const { url } = await server.listen()
  return { ...server, url, databaseUri }
}

async function withProcessNodeEnv<T>(nodeEnv: string, start: () => Promise<T>): Promise<T> {
  const before = process.env.NODE_ENV
  Object.assign(process.env, { NODE_ENV: nodeEnv })
  try {
    return await start()
  } finally {
    Object.assign(process.env, { NODE_ENV: before })
  }
}

/** Drops the test database (MongoDB lane) after the server is closed; SQLite files live in the OS temp dir. */
export async function stopTestServer(server: TestServer | undefined): Promise<void> {
  if (!server) return
  if (currentLane() === 'mongodb') {
    const connection = (server.payload.db as unknown as { connection?: { dropDatabase(): Promise<unknown> } }).connection
    await connection?.dropDatabase().catch(() => undefined)
  }
  await server.close()
}
