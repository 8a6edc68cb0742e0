import { createClient } from '@libsql/client'
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { markerPathFor, sqliteFilePath } from '../../src/startup/guardDatabaseFile'
import { callApi } from '../support/api'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { buildFreshDatabaseUri, currentLane } from '../support/testDatabase'

const onSqlite = currentLane() === 'sqlite'

/** Whether this machine lets the test make a file immutable (root on ext4, as in CI), standing in for a read-only disk. */
function canMakeImmutable(): boolean {
  const probe = path.join(os.tmpdir(), `newsroom-chattr-${process.pid}`)
  fs.writeFileSync(probe, '')
  try {
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' })
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' })
    return true
  } catch {
    return false
  } finally {
    fs.rmSync(probe, { force: true })
  }
}

describe('health checks', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer('health')
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  const readiness = () => callApi(server.url, '/readyz')

  it('GET /healthz says the process is up', async () => {
    const response = await callApi(server.url, '/healthz')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ status: 'ok' })
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('GET /readyz says the database answers and accepts writes', async () => {
    const response = await readiness()
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ status: 'ready', database: server.payload.db.name })
  })

  it.runIf(onSqlite)('GET /readyz answers 503 while another connection holds the SQLite write lock, and 200 once it lets go', async () => {
    const other = createClient({ url: server.databaseUri })
    try {
      await other.execute('BEGIN IMMEDIATE')
      const locked = await readiness()
      expect(locked.status).toBe(503)
      expect(locked.body.reason).toMatch(/^the SQLite write lock is held by another connection/)
      await other.execute('ROLLBACK')
      expect((await readiness()).status).toBe(200)
    } finally {
      other.close()
    }
  })

  it.runIf(onSqlite)('GET /readyz answers 503 while the database file is moved away or replaced, and 200 once it is back', async () => {
    const file = sqliteFilePath(server.databaseUri)!
    const aside = `${file}.aside`
    fs.renameSync(file, aside)
    try {
      const gone = await readiness()
      expect(gone.status).toBe(503)
      expect(gone.body.reason).toBe(`the database file ${file} is gone (moved or deleted while the server runs)`)
      fs.copyFileSync(aside, file)
      const replaced = await readiness()
      expect(replaced.status).toBe(503)
      expect(replaced.body.reason).toMatch(/was replaced while the server runs/)
    } finally {
      fs.renameSync(aside, file)
    }
    expect((await readiness()).status).toBe(200)
  })

  it.runIf(onSqlite && canMakeImmutable())('GET /readyz answers 503 while the database file cannot be written (read-only)', async () => {
    const file = sqliteFilePath(server.databaseUri)!
    execFileSync('chattr', ['+i', file])
    try {
      const readOnly = await readiness()
      expect(readOnly.status).toBe(503)
      expect(readOnly.body.reason).toMatch(/^the SQLite database is read-only/)
    } finally {
      execFileSync('chattr', ['-i', file])
    }
    expect((await readiness()).status).toBe(200)
  })

  it('GET /readyz answers 503 with the reason once the database connection is gone', async () => {
    const db = server.payload.db as unknown as {
      name: string
      connection?: { close(): Promise<void> }
      client?: { close(): void }
    }
    if (db.name === 'mongoose') await db.connection!.close()
    else db.client!.close()

    const response = await readiness()
    expect(response.status).toBe(503)
    expect(response.body.status).toBe('unavailable')
    expect(response.body.reason).toMatch(/closed|disconnected/i)
    // The process itself is still up.
    expect((await callApi(server.url, '/healthz')).status).toBe(200)
  })
})

describe('readiness and disk space (READY_MIN_FREE_MB)', () => {
  it('GET /readyz answers 503 when the disk has less free space than READY_MIN_FREE_MB', async () => {
    const server = await startTestServer('health-disk', { env: { READY_MIN_FREE_MB: String(1024 * 1024 * 1024) } })
    try {
      const response = await callApi(server.url, '/readyz')
      expect(response.status).toBe(503)
      expect(response.body.reason).toMatch(/^only [\d.]+ MiB free on the disk of .+ \(READY_MIN_FREE_MB=1073741824\)$/)
    } finally {
      await stopTestServer(server)
    }
  })
})

describe('a production server never silently starts a fresh newsroom', () => {
  it('refuses a database with no newsroom in it (an empty SQLite file, a mistyped MongoDB name) unless DATABASE_INIT=true', async () => {
    const databaseUri = buildFreshDatabaseUri('health-empty')
    if (onSqlite) fs.writeFileSync(sqliteFilePath(databaseUri)!, '')
    const where = onSqlite ? sqliteFilePath(databaseUri)! : `MongoDB database ${new URL(databaseUri).pathname.slice(1)}`
    await expect(startTestServer('health-empty', { databaseUri, env: { NODE_ENV: 'production', DATABASE_INIT: 'false' } })).rejects.toThrow(
      `Refusing to start: ${where} holds no newsroom (no user accounts). Check DATABASE_URI, or set DATABASE_INIT=true once to start a new newsroom there.`,
    )
    const started = await startTestServer('health-empty', {
      databaseUri,
      env: { NODE_ENV: 'production', DATABASE_INIT: 'true', ADMIN_EMAIL: 'first.admin@newsroom.test', ADMIN_PASSWORD: 'first-admin-password' },
    })
    try {
      expect((await started.payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(1)
    } finally {
      // close, not stopTestServer: that drops a MongoDB test database, and the next start reads it.
      await started.close()
    }
    // Once it holds a newsroom, a production start needs no DATABASE_INIT.
    const again = await startTestServer('health-empty', { databaseUri, env: { NODE_ENV: 'production', DATABASE_INIT: 'false' } })
    await stopTestServer(again)
  })

  it.runIf(onSqlite)('refuses a missing SQLite file in production unless DATABASE_INIT=true, and creates nothing', async () => {
    const databaseUri = buildFreshDatabaseUri('health-prod')
    const file = sqliteFilePath(databaseUri)!
    await expect(startTestServer('health-prod', { databaseUri, env: { NODE_ENV: 'production', DATABASE_INIT: 'false' } })).rejects.toThrow(
      `Refusing to start: the database file ${file} does not exist. Check DATABASE_URI, or set DATABASE_INIT=true once to create a new newsroom database there.`,
    )
    expect(fs.existsSync(file)).toBe(false)

    const created = await startTestServer('health-prod', { databaseUri, env: { NODE_ENV: 'production', DATABASE_INIT: 'true' } })
    await stopTestServer(created)
    expect(fs.existsSync(markerPathFor(file))).toBe(true)
  })

  it.runIf(onSqlite)('refuses a missing SQLite file a server has run on before, in any environment, until the file is back', async () => {
    const first = await startTestServer('health-moved')
    await stopTestServer(first)
    const file = sqliteFilePath(first.databaseUri)!
    fs.renameSync(file, `${file}.moved`)
    await expect(startTestServer('health-moved', { databaseUri: first.databaseUri, env: { DATABASE_INIT: 'true' } })).rejects.toThrow(
      new RegExp(`^Refusing to start: the database file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is missing, but a newsroom ran on it \\(first started `),
    )
    expect(fs.existsSync(file)).toBe(false)
    fs.renameSync(`${file}.moved`, file)
    const again = await startTestServer('health-moved', { databaseUri: first.databaseUri })
    expect((await callApi(again.url, '/readyz')).body).toEqual({ status: 'ready', database: 'sqlite' })
    await stopTestServer(again)
  })

  it.runIf(onSqlite)('`npm start` prints the refusal as one line and exits 1', async () => {
    const file = path.join(os.tmpdir(), `newsroom-missing-${Date.now()}.db`)
    const child = spawn(process.execPath, ['--no-deprecation', '--conditions=production', '--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URI: `file:${file}`, DATABASE_INIT: '', PAYLOAD_SECRET: 'test-secret-test-secret-test-secret-0123', PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([
      `Refusing to start: the database file ${file} does not exist. Check DATABASE_URI, or set DATABASE_INIT=true once to create a new newsroom database there.`,
    ])
    expect(fs.existsSync(file)).toBe(false)
  })
})
