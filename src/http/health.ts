import type { Payload } from 'payload'

import { createClient } from '@libsql/client'
import { Router } from 'express'
import fs from 'node:fs'

import { sqliteFilePath } from '../startup/guardDatabaseFile'

const READY_TIMEOUT_MS = 2000
/** How long the probe waits for SQLite's write lock: a writer holding it longer than this makes every save wait too. */
const WRITE_LOCK_WAIT_MS = 500

interface MongoDb {
  admin(): { command(c: object): Promise<unknown> }
  collection(name: string): { updateOne(filter: object, update: object, options: object): Promise<unknown> }
}

/** Asks the database itself for an answer; a broken connection throws with its reason. */
export async function pingDatabase(payload: Payload): Promise<void> {
  const db = payload.db as unknown as {
    name: string
    connection?: { readyState: number; db?: MongoDb }
    client?: { execute(sql: string): Promise<unknown>; closed?: boolean }
  }
  if (db.name === 'mongoose') {
    const states = ['disconnected', 'connected', 'connecting', 'disconnecting']
    if (db.connection?.readyState !== 1) {
      throw new Error(`MongoDB connection is ${states[db.connection?.readyState ?? 0] ?? 'unknown'}`)
    }
    await db.connection.db!.admin().command({ ping: 1 })
    return
  }
  if (!db.client || db.client.closed) throw new Error('SQLite connection is closed')
  await db.client.execute('SELECT 1')
}

/**
 * MongoDB: one small upsert into a collection of its own (not one of Payload's), acknowledged
 * by the server: fails while the server refuses writes (no primary, disk full, read-only user).
 */
async function assertMongoAcceptsWrite(payload: Payload): Promise<void> {
  const db = (payload.db as unknown as { connection?: { db?: MongoDb } }).connection?.db
  if (!db) throw new Error('MongoDB connection is closed')
  await db
    .collection('newsroom_readiness')
    .updateOne({ _id: 'heartbeat' }, { $set: { checkedAt: new Date() } }, { upsert: true, writeConcern: { w: 1, wtimeout: READY_TIMEOUT_MS }, maxTimeMS: READY_TIMEOUT_MS })
}

function describeSqliteError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/SQLITE_BUSY|database is locked/i.test(message)) return `the SQLite write lock is held by another connection (${message})`
  if (/SQLITE_READONLY|readonly/i.test(message)) return `the SQLite database is read-only (${message})`
  return message
}

/**
 * SQLite: the file the server opened must still be at its path (a file moved away keeps taking
 * the server's writes while the path holds nothing, or another file), and the write lock must
 * be free and the file writable: a second connection takes the lock (BEGIN IMMEDIATE), runs a
 * write that matches no row, and gives the lock back (ROLLBACK), so nothing is ever written. Not on Payload's connection: a transaction there would take in Payload's own queries.
 */
async function assertSqliteAcceptsWrite(file: string, openedInode: number | undefined): Promise<void> {
  let current: fs.Stats
  try {
    current = fs.statSync(file)
  } catch {
    throw new Error(`the database file ${file} is gone (moved or deleted while the server runs)`)
  }
  if (openedInode !== undefined && current.ino !== openedInode) {
    throw new Error(`the database file ${file} was replaced while the server runs (it now holds another file)`)
  }
  const probe = createClient({ url: `file:${file}` })
  try {
    await probe.execute(`PRAGMA busy_timeout = ${WRITE_LOCK_WAIT_MS}`)
    await probe.execute('BEGIN IMMEDIATE')
    // A write statement that changes nothing: only a write finds out that the file is read-only.
    await probe.execute('DELETE FROM payload_migrations WHERE 0')
    await probe.execute('ROLLBACK')
  } catch (error) {
    throw new Error(describeSqliteError(error))
  } finally {
    probe.close()
  }
}

/** The free space where the database (SQLite) and uploads live: a full disk fails every save. */
function assertDiskSpace(directories: string[], minFreeMb: number): void {
  if (minFreeMb <= 0) return
  for (const directory of directories) {
    const stats = fs.statfsSync(directory)
    const freeMb = (stats.bavail * stats.bsize) / (1024 * 1024)
    if (freeMb < minFreeMb) {
      throw new Error(`only ${freeMb.toFixed(1)} MiB free on the disk of ${directory} (READY_MIN_FREE_MB=${minFreeMb})`)
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export interface ReadinessOptions {
  databaseUri: string
  mediaDir: string
  /** Below this much free disk space (MiB) the server is not ready; 0 turns the check off. */
  minFreeMb: number
}

/**
 * /healthz: the process is up. /readyz: the database answers and would accept a write (503 with
 * the reason while it would not, 200 again as soon as it would). Bounded: READY_TIMEOUT_MS.
 */
export function buildHealthRouter(payload: Payload, options: ReadinessOptions): Router {
  const sqliteFile = sqliteFilePath(options.databaseUri)
  // The file the server opened at start-up; compared with what the path holds at each check.
  const openedInode = sqliteFile && fs.existsSync(sqliteFile) ? fs.statSync(sqliteFile).ino : undefined
  const directories = [options.mediaDir, ...(sqliteFile ? [sqliteFile.replace(/[^/]+$/, '')] : [])].filter((directory) => fs.existsSync(directory))

  const checkReadiness = async () => {
    await pingDatabase(payload)
    if (sqliteFile) await assertSqliteAcceptsWrite(sqliteFile, openedInode)
    else await assertMongoAcceptsWrite(payload)
    assertDiskSpace(directories, options.minFreeMb)
  }

  const router = Router()
  router.get('/healthz', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' })
  })
  router.get('/readyz', async (_req, res) => {
    res.set('cache-control', 'no-store')
    try {
      await withTimeout(checkReadiness(), READY_TIMEOUT_MS)
      res.json({ status: 'ready', database: payload.db.name })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      res.status(503).json({ status: 'unavailable', database: payload.db.name, reason })
    }
  })
  return router
}
