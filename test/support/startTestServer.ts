import fs from 'node:fs'
import { vi } from 'vitest'
import os from 'node:os'
import path from 'node:path'

import type { NewsroomServer } from '../../src/http/createNewsroomServer'

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
  Object.assign(process.env, {
    DATABASE_URI: databaseUri,
    MONGODB_COMPAT: currentLane() === 'mongodb' ? (process.env.TEST_MONGODB_COMPAT ?? 'none') : 'none',
    PAYLOAD_SECRET: 'test-secret-test-secret-test-secret-0123',
    HOST: '127.0.0.1',
    PORT: String(port),
    SERVER_URL: `http://127.0.0.1:${port}`,
    MEDIA_DIR: mediaDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    // Payload skips the SQLite schema push when it has pushed the same schema before in this process.
    PAYLOAD_FORCE_DRIZZLE_PUSH: 'true',
    // Each test decides its own content; the first-start seed import has a test of its own.
    SEED_ON_START: 'false',
    // Reset what an earlier start in this process may have overridden.
    JOBS_AUTORUN: 'true',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    // A fresh database is what a test asks for, in production mode too (e2e).
    DATABASE_INIT: 'true',
    ...options.env,
  })
  // The Payload config reads the environment (the database URI among it) when it is imported:
  // import it afresh so this start really gets the database asked for.
  vi.resetModules()
  const { loadEnv, resetEnvCache } = await import('../../src/env')
  resetEnvCache()
  const env = loadEnv()
  const { default: config } = await import('../../src/payload.config')
  const { createNewsroomServer } = await import('../../src/http/createNewsroomServer')
  const server = await createNewsroomServer({ env, config, withAdmin: options.withAdmin ?? false })
  const { url } = await server.listen()
  return { ...server, url, databaseUri }
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
