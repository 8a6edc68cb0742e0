import { createRequire } from 'node:module'

/** Compiled statements kept per connection; Payload's queries come in a few hundred shapes. */
const STATEMENTS_PER_CONNECTION = 500

interface LibsqlStatement {
  raw(toggle?: boolean): unknown
}
interface LibsqlDatabaseClass {
  prototype: { prepare(this: object, sql: string): LibsqlStatement; [cachedFlag]?: true }
}
const cachedFlag = Symbol.for('newsroom.libsqlStatementCache')

/**
 * libsql (the driver under Payload's SQLite adapter, reached through @libsql/client) compiles a
 * new statement for every query and frees it only when V8 collects its JS object; Node then runs
 * the queued native finalizers in one go on the main thread. Measured with bench:schedule on a
 * 200-story burst: the event loop could not turn for 8–17 s while they ran (gdb: DrainFinalizerQueue
 * → libsql's finalizer), and compiling was about 13% of a publish's CPU (`prepare` in a CPU profile).
 * Keeping compiled statements per connection, by SQL text, removes most of both. Safe because
 * libsql's calls are synchronous: a statement is bound, run and read to the end before any other
 * JavaScript runs, and @libsql/client sets its modes (raw, safe integers) on every use.
 * Installed on the libsql that @libsql/client loads, once per process.
 *
 * What a query still leaves for the finalizers (libsql 0.4.7, @libsql/client 0.14): a statement
 * that returns rows is read with `all()`, which opens a native cursor (statementRowsSync, one
 * boxed Rows object with a finalizer) per call; writes (`run()`) and the column lists leave only
 * plain JavaScript values. The driver has no call that returns every row without a cursor
 * (`get()` reads only the first), so the cursor stays: about 27 per publish and 100 per created
 * story, 4–16 µs each to finalize. Those run in small batches as long as the event loop turns
 * (ScheduleRunner yields between the steps of every job); only a loop of thousands of awaited
 * queries that never yields, like a benchmark's set-up, leaves them to run in one long go.
 */
export function cacheLibsqlStatements(): boolean {
  let Database: LibsqlDatabaseClass
  try {
    const fromClient = createRequire(createRequire(import.meta.url).resolve('@libsql/client'))
    Database = fromClient('libsql') as LibsqlDatabaseClass
  } catch {
    return false // a bundle without the driver beside it: queries still work, uncached
  }
  const proto = Database.prototype
  if (proto[cachedFlag]) return true
  const prepare = proto.prepare
  const caches = new WeakMap<object, Map<string, LibsqlStatement>>()
  proto.prepare = function prepareOnce(this: object, sql: string): LibsqlStatement {
    let cache = caches.get(this)
    if (!cache) caches.set(this, (cache = new Map()))
    const cached = cache.get(sql)
    if (cached) {
      // Most recently used last: the first entry is the one to drop.
      cache.delete(sql)
      cache.set(sql, cached)
      return cached
    }
    const statement = prepare.call(this, sql)
    cache.set(sql, statement)
    if (cache.size > STATEMENTS_PER_CONNECTION) cache.delete(cache.keys().next().value!)
    return statement
  }
  proto[cachedFlag] = true
  return true
}
