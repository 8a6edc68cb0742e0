import type { Payload } from 'payload'

import { Router } from 'express'

const READY_TIMEOUT_MS = 2000

/** Asks the database itself for an answer; a broken connection throws with its reason. */
export async function pingDatabase(payload: Payload): Promise<void> {
  const db = payload.db as unknown as {
    name: string
    connection?: { readyState: number; db?: { admin(): { command(c: object): Promise<unknown> } } }
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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** /healthz: the process is up. /readyz: the database answers (503 with the reason if not). */
export function buildHealthRouter(payload: Payload): Router {
  const router = Router()
  router.get('/healthz', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' })
  })
  router.get('/readyz', async (_req, res) => {
    res.set('cache-control', 'no-store')
    try {
      await withTimeout(pingDatabase(payload), READY_TIMEOUT_MS)
      res.json({ status: 'ready', database: payload.db.name })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      res.status(503).json({ status: 'unavailable', database: payload.db.name, reason })
    }
  })
  return router
}
