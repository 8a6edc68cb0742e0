import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
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

export function buildDatabaseAdapter(env: Pick<Env, 'DATABASE_URI' | 'MONGODB_COMPAT'>): AnyDatabaseAdapter {
  if (env.DATABASE_URI.startsWith('mongodb')) {
    return mongooseAdapter({
      url: env.DATABASE_URI,
      ...(env.MONGODB_COMPAT === 'ferretdb' ? ferretdbCompatibility : {}),
    })
  }
  return withSchemaPushInProduction(
    sqliteAdapter({
      client: { url: env.DATABASE_URI },
      // String IDs on SQLite too, so no code path can come to rely on numeric IDs.
      idType: 'uuid',
    }),
  )
}
