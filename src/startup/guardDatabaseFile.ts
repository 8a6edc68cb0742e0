import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'

import { USERS_SLUG } from '../../collections/slugs'

import type { Env } from '../env'

/** Stops start-up with one line for the operator (src/server.ts prints the message alone). */
export class StartupRefusal extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StartupRefusal'
  }
}

/** The file of an embedded SQLite DATABASE_URI (`file:…`), or undefined for MongoDB and `:memory:`. */
export function sqliteFilePath(databaseUri: string): string | undefined {
  if (!databaseUri.startsWith('file:')) return undefined
  const filePath = databaseUri.replace(/^file:(\/\/)?/, '').replace(/\?.*$/, '')
  return filePath && filePath !== ':memory:' ? path.resolve(filePath) : undefined
}

/** Left beside a database file once a server has run on it: the file's absence is then a loss, not a first start. */
export function markerPathFor(databaseFile: string): string {
  return `${databaseFile}.newsroom`
}

type GuardEnv = Pick<Env, 'DATABASE_URI' | 'NODE_ENV' | 'DATABASE_INIT'>

/**
 * Before the database is opened: SQLite creates a missing file silently, and the server would
 * then seed a fresh newsroom (a new admin, the seed stories) over a database that was moved or
 * lost. So a missing file is refused when a server has run on it before (its marker is there),
 * whatever the environment, and in production unless DATABASE_INIT=true asks for a new one.
 */
export function assertDatabaseFileMayOpen(env: GuardEnv): void {
  const file = sqliteFilePath(env.DATABASE_URI)
  if (!file || fs.existsSync(file)) return
  const marker = markerPathFor(file)
  if (fs.existsSync(marker)) {
    const since = fs.readFileSync(marker, 'utf8').trim().split('\n')[0]
    throw new StartupRefusal(
      `Refusing to start: the database file ${file} is missing, but a newsroom ran on it (${since}; marker ${marker}). ` +
        `Restore the file, or delete the marker to start an empty newsroom there.`,
    )
  }
  if (env.NODE_ENV === 'production' && !env.DATABASE_INIT) {
    throw new StartupRefusal(
      `Refusing to start: the database file ${file} does not exist. Check DATABASE_URI, or set DATABASE_INIT=true once to create a new newsroom database there.`,
    )
  }
}

/** After a successful start: mark the file as the newsroom's (kept from the first start on). */
export function markDatabaseFileInUse(env: Pick<Env, 'DATABASE_URI'>): void {
  const file = sqliteFilePath(env.DATABASE_URI)
  if (!file || !fs.existsSync(file)) return
  const marker = markerPathFor(file)
  if (fs.existsSync(marker)) return
  fs.writeFileSync(marker, `first started ${new Date().toISOString()}\nA newsroom CMS server runs on ${path.basename(file)}; see README (Configuration).\n`)
}

/**
 * After the database is opened, on either store: a production server finding no newsroom in it
 * (no user account: an empty SQLite file, or a MongoDB database name with a typo) would create
 * the first admin and import the seeds as if on a first day. Refused unless DATABASE_INIT=true.
 */
export async function assertNewsroomPresentOrInit(payload: Payload, env: GuardEnv): Promise<void> {
  if (env.NODE_ENV !== 'production' || env.DATABASE_INIT) return
  const { totalDocs } = await payload.count({ collection: USERS_SLUG, overrideAccess: true })
  if (totalDocs > 0) return
  const where = sqliteFilePath(env.DATABASE_URI) ?? `MongoDB database ${new URL(env.DATABASE_URI).pathname.slice(1) || '(default)'}`
  throw new StartupRefusal(
    `Refusing to start: ${where} holds no newsroom (no user accounts). Check DATABASE_URI, or set DATABASE_INIT=true once to start a new newsroom there.`,
  )
}
