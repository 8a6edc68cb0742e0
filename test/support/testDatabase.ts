import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'

export type TestLane = 'sqlite' | 'mongodb'

export function currentLane(): TestLane {
  return process.env.TEST_DB === 'mongodb' ? 'mongodb' : 'sqlite'
}

/** A fresh, empty database URI for the current lane: a new SQLite file, or a new MongoDB database. */
export function buildFreshDatabaseUri(label: string): string {
  const unique = `${label}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  if (currentLane() === 'mongodb') {
    const base = process.env.TEST_MONGODB_URI
    if (!base) throw new Error('TEST_DB=mongodb needs TEST_MONGODB_URI')
    const url = new URL(base)
    url.pathname = `/newsroom_test_${unique}`
    return url.toString()
  }
  return `file:${path.join(os.tmpdir(), `newsroom-test-${unique}.db`)}`
}
