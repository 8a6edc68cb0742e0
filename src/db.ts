import type { DatabaseAdapterObj } from 'payload'

import { randomUUID } from 'node:crypto'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter, type SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { getTableColumns, getTableName } from '@payloadcms/db-sqlite/drizzle'
import { drizzle } from '@payloadcms/db-sqlite/drizzle/libsql'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import { pushDevSchema } from '@payloadcms/drizzle'

import type { Env } from './env'

import { cacheLibsqlStatements } from './sqliteStatementCache'

/**
 * FerretDB v1 speaks the MongoDB wire protocol but lacks the `$lookup` aggregation
 * stage (Payload's join aggregations and sorts across relationships) and
 * multi-document transactions. Applied only when MONGODB_COMPAT=ferretdb; a real
 * MongoDB keeps every feature. Each gap is listed in the README.
 */
export const ferretdbCompatibility = {
  useJoinAggregations: false,
  usePipelineInSortLookup: false,
  transactionOptions: false,
} as const

type AnyDatabaseAdapter = DatabaseAdapterObj<any>

/**
 * The embedded SQLite store keeps its schema in step with the collections at
 * every start, production included: Payload only pushes the schema outside
 * production (it expects migrations there), but the embedded database is the
 * zero-setup, single-box store. MongoDB needs no schema migrations.
 */
function withSchemaPushInProduction(adapter: AnyDatabaseAdapter): AnyDatabaseAdapter {
  return {
    ...adapter,
    init: (args) => {
      const instance = adapter.init(args)
      const connect = instance.connect
      instance.connect = async function connectAndPush(this: typeof instance, options?: { hotReload: boolean }) {
        await connect?.call(this, options)
        // The busy timeout first: a process starting while another writes (npm run worker beside
        // the server) then waits for the write lock instead of failing the push with SQLITE_BUSY.
        await useWriteAheadLog(this as never)
        if (process.env.NODE_ENV === 'production') await pushDevSchema(this as never)
      }
      return instance
    },
  }
}

/** How long a writer waits for the SQLite write lock (another process's) or for its turn in this process. */
const BUSY_TIMEOUT_MS = 10_000

/**
 * A server and `npm run worker` may share one SQLite file. In the default rollback-journal
 * mode a reader blocks the writer and a second writer fails at once with "database is
 * locked" (measured by bench:schedule: lost job claims, a failed version save). WAL lets
 * readers run beside the writer, and busy_timeout makes a writer wait its turn instead.
 * journal_mode is stored in the file; busy_timeout is per connection, so both run at every connect.
 */
async function useWriteAheadLog(adapter: { client?: { execute(sql: string): Promise<unknown> } }): Promise<void> {
  await adapter.client?.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
  await adapter.client?.execute('PRAGMA journal_mode = WAL')
}

/** The adapter's methods that write, documents and globals with their versions, and jobs (upsert writes through updateOne). */
const WRITE_METHODS = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
] as const

/** One writer at a time, in order; a waiter gives up after `timeoutMs`, as busy_timeout does. */
export function createWriteTurns(timeoutMs: number) {
  let tail: Promise<void> = Promise.resolve()
  return {
    /** Resolves, when it is this caller's turn, with the function that passes the turn on. */
    take(): Promise<() => void> {
      let release!: () => void
      const turn = new Promise<void>((resolve) => (release = resolve))
      const previous = tail
      tail = previous.then(() => turn)
      return new Promise((resolve, reject) => {
        let gaveUp = false
        const timer = setTimeout(() => {
          gaveUp = true
          reject(new Error(`database is busy: no turn to write within ${timeoutMs} ms (a transaction in this process is still open)`))
        }, timeoutMs)
        void previous.then(() => {
          clearTimeout(timer)
          if (gaveUp) release() // pass the turn straight on
          else resolve(release)
        })
      })
    },
  }
}

type TransactionID = number | string | Promise<number | string | null | undefined> | null | undefined
type AdapterMethod = (this: unknown, ...args: any[]) => Promise<any>
type TransactionConnection = ReturnType<typeof drizzle>
type TransactionSession = { db: TransactionConnection; resolve: () => Promise<void>; reject: () => Promise<void> }
type SqliteAdapterInstance = Record<string, AdapterMethod> & {
  sessions: Record<string, TransactionSession>
  clientConfig: { url: string }
  schema: Record<string, unknown>
  logger?: unknown
}

/**
 * SQLite transactions: an operation's writes (the document, its version, hooks' writes through
 * its req), and an imported file's article, captions and provenance, commit together or not at
 * all. Written here rather than left to the adapter's own, for two reasons measured on libsql:
 * - libsql gives each transaction the connection it had and opens a new one for what follows,
 *   never closing the old one until garbage collection: after importing 200 files the CLI held
 *   370 open descriptors on the database and 240 MB more memory. Here every transaction runs on
 *   one connection of its own, opened once, between BEGIN IMMEDIATE and COMMIT or ROLLBACK.
 * - libsql's calls are synchronous: a second writer in this process waiting for the write lock
 *   inside busy_timeout blocks the event loop that the transaction holding it needs to finish,
 *   so both stall for the whole timeout and fail. So the writers of this process queue, without
 *   blocking: a transaction holds the turn from BEGIN to COMMIT or ROLLBACK, and a write outside
 *   any transaction (the job runner's claims, the change log) takes the turn for itself.
 * Between processes (a server and `npm run worker`) busy_timeout still makes a writer wait for
 * the other's lock. Reads never queue: WAL serves them beside the writer, from committed data.
 */
function withSerialTransactions(adapter: AnyDatabaseAdapter): AnyDatabaseAdapter {
  return {
    ...adapter,
    init: (args) => {
      const instance = adapter.init(args) as unknown as SqliteAdapterInstance
      const turns = createWriteTurns(BUSY_TIMEOUT_MS)
      const heldBy = new Map<number | string, () => void>()
      const isOpen = (id: unknown): id is number | string => (typeof id === 'string' || typeof id === 'number') && Boolean(instance.sessions[id])
      let connection: TransactionConnection | undefined

      const openConnection = async () => {
        const opened = drizzle({ connection: instance.clientConfig, schema: instance.schema, logger: (instance.logger as never) || false })
        await opened.$client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
        return opened
      }
      /** A connection whose transaction could not be ended is closed (which rolls it back), and the next one opens afresh. */
      const discardConnection = () => {
        connection?.$client.close()
        connection = undefined
      }
      instance.beginTransaction = async function beginInTurn() {
        const release = await turns.take()
        try {
          connection ??= await openConnection()
          const db = connection
          await db.$client.execute('BEGIN IMMEDIATE').catch((error: unknown) => {
            discardConnection()
            throw error
          })
          const id = randomUUID()
          // The shape the adapter's commitTransaction and rollbackTransaction end a session by.
          instance.sessions[id] = {
            db,
            resolve: async () => void (await db.$client.execute('COMMIT')),
            reject: async () => {
              await db.$client.execute('ROLLBACK').catch((error: unknown) => {
                discardConnection()
                throw error
              })
            },
          }
          heldBy.set(id, release)
          return id
        } catch (error) {
          release()
          throw error
        }
      }
      for (const end of ['commitTransaction', 'rollbackTransaction'] as const) {
        const finish = instance[end]!
        instance[end] = async function finishAndPassTurn(this: unknown, incoming: TransactionID) {
          const id = await incoming
          try {
            return await finish.call(this, id)
          } finally {
            if (id !== null && id !== undefined) {
              heldBy.get(id)?.()
              heldBy.delete(id)
            }
          }
        }
      }
      for (const method of WRITE_METHODS) {
        const write = instance[method]
        if (!write) continue
        instance[method] = async function writeInTurn(this: unknown, writeArgs: { req?: { transactionID?: TransactionID } }) {
          if (isOpen(await writeArgs?.req?.transactionID)) return write.call(this, writeArgs) // its transaction holds the turn
          const release = await turns.take()
          try {
            return await write.call(this, writeArgs)
          } finally {
            release()
          }
        }
      }
      const destroy = instance.destroy
      instance.destroy = async function destroyAndClose(this: unknown) {
        discardConnection()
        await destroy?.call(this)
      }
      return instance as never
    },
  }
}

const REFRESH_STATISTICS_MS = 60 * 60 * 1000

/**
 * Gives SQLite's query planner statistics (ANALYZE) at every start, after the schema push, and
 * lets it refresh them hourly (`PRAGMA optimize`, as SQLite recommends for long-lived connections).
 * Without statistics the planner takes any index on an equality for a selective one: it looked
 * captions and photos up through their published flag (true for nearly all rows) instead of by id,
 * and articles through `_status`, reading every published row of a table for a page of ten.
 * `analysis_limit` bounds the work to about a thousand rows per index, whatever the database's size.
 */
function withPlannerStatistics(adapter: AnyDatabaseAdapter): AnyDatabaseAdapter {
  return {
    ...adapter,
    init: (args) => {
      const instance = adapter.init(args)
      const { connect, destroy } = instance
      let timer: NodeJS.Timeout | undefined
      instance.connect = async function connectAndAnalyze(this: typeof instance, options?: { hotReload: boolean }) {
        await connect?.call(this, options)
        const client = (this as unknown as { client: { execute(sql: string): Promise<unknown> } }).client
        await client.execute('PRAGMA analysis_limit = 1000')
        await client.execute('ANALYZE')
        clearInterval(timer)
        timer = setInterval(() => {
          client.execute('PRAGMA optimize').catch((error: unknown) => this.payload.logger.warn({ err: error }, 'PRAGMA optimize failed'))
        }, REFRESH_STATISTICS_MS)
        timer.unref()
      }
      instance.destroy = async function destroyAndStop(this: typeof instance) {
        clearInterval(timer)
        await destroy?.call(this)
      }
      return instance
    },
  }
}

/**
 * Indexes the rows that hang off a document by their parent, where Payload's SQLite schema has
 * none to look them up by: localized values (`*_locales`, indexed on locale first) and hasMany
 * texts and numbers (`*_texts`, `*_numbers`, indexed on order first). Every read of a document
 * fetches these by parent id alone, so without the index each document read scans the whole
 * table: a list of 10 stories reads every story's locale rows 10 times.
 */
export const indexChildRowsByParent: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const table of Object.values(schema.tables)) {
    const name = getTableName(table)
    const columns = Object.entries(getTableColumns(table)) as [string, { name: string }][]
    const parentKey = columns.find(([, column]) =>
      /_locales$/.test(name) ? column.name === '_parent_id' : /_(texts|numbers)$/.test(name) && column.name === 'parent_id',
    )?.[0]
    if (!parentKey) continue
    extendTable({
      table,
      extraConfig: (columns) => ({ parentLookup: index(`${name}_parent_lookup_idx`).on(columns[parentKey]!) }),
    })
  }
  return schema
}

export function buildDatabaseAdapter(env: Pick<Env, 'DATABASE_URI' | 'MONGODB_COMPAT'>): AnyDatabaseAdapter {
  if (env.DATABASE_URI.startsWith('mongodb')) {
    return mongooseAdapter({
      url: env.DATABASE_URI,
      ...(env.MONGODB_COMPAT === 'ferretdb' ? ferretdbCompatibility : {}),
    })
  }
  cacheLibsqlStatements()
  return withPlannerStatistics(
    withSchemaPushInProduction(
      withSerialTransactions(
        sqliteAdapter({
          client: { url: env.DATABASE_URI },
          // String IDs on SQLite too, so no code path can come to rely on numeric IDs.
          idType: 'uuid',
          afterSchemaInit: [indexChildRowsByParent],
          // Transactions on (run by withSerialTransactions, each with BEGIN IMMEDIATE).
          transactionOptions: { behavior: 'immediate' },
        }),
      ),
    ),
  )
}
