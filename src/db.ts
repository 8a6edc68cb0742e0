import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter, type SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { getTableColumns, getTableName } from '@payloadcms/db-sqlite/drizzle'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import { pushDevSchema } from '@payloadcms/drizzle'

import type { Env } from './env'

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
        if (process.env.NODE_ENV === 'production') await pushDevSchema(this as never)
        await useWriteAheadLog(this as never)
      }
      return instance
    },
  }
}

/**
 * A server and `npm run worker` may share one SQLite file. In the default rollback-journal
 * mode a reader blocks the writer and a second writer fails at once with "database is
 * locked" (measured by bench:schedule: lost job claims, a failed version save). WAL lets
 * readers run beside the writer, and busy_timeout makes a writer wait its turn instead.
 * journal_mode is stored in the file; busy_timeout is per connection, so both run at every connect.
 */
async function useWriteAheadLog(adapter: { client?: { execute(sql: string): Promise<unknown> } }): Promise<void> {
  await adapter.client?.execute('PRAGMA busy_timeout = 10000')
  await adapter.client?.execute('PRAGMA journal_mode = WAL')
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
  return withPlannerStatistics(
    withSchemaPushInProduction(
      sqliteAdapter({
        client: { url: env.DATABASE_URI },
        // String IDs on SQLite too, so no code path can come to rely on numeric IDs.
        idType: 'uuid',
        afterSchemaInit: [indexChildRowsByParent],
      }),
    ),
  )
}
