import type { Payload } from 'payload'

import { advanceContentGeneration } from './contentGeneration'

/** The adapter's writes to documents: each moves the generation when it touches a public collection. */
export const WRAPPED_WRITE_METHODS = ['create', 'updateOne', 'updateMany', 'upsert', 'deleteOne', 'deleteMany'] as const

/** The ends of a transaction: the generation moves when one that wrote public content commits. */
export const WRAPPED_TRANSACTION_METHODS = ['commitTransaction', 'rollbackTransaction'] as const

/**
 * The adapters' other methods that write, and why the generation does not follow them. A Payload
 * upgrade that adds or renames a write method fails test/unit/adapterWrites.test.ts until it is
 * wrapped above or listed here.
 */
export const WRITE_METHODS_LEFT_ALONE: Readonly<Record<string, string>> = {
  // Anonymous readers never get a version (a `draft=true` read without a user answers the live
  // document, and the versions endpoints are the newsroom's), so an editor autosaving all day
  // leaves every cached answer valid.
  createVersion: 'versions are never public',
  updateVersion: 'versions are never public',
  deleteVersions: 'versions are never public',
  createGlobal: 'no global is public; the content generation itself is a global',
  updateGlobal: 'no global is public; the content generation itself is a global',
  createGlobalVersion: 'versions are never public',
  updateGlobalVersion: 'versions are never public',
  updateJobs: 'jobs are never public',
  beginTransaction: 'nothing is written yet; writes in the transaction are noted',
  createMigration: 'writes a migration file, not content',
  dropDatabase: 'used only by migrate:fresh',
  // Drizzle's row helpers, called only inside the adapter's own create/update/delete methods.
  insert: 'a row helper inside the wrapped methods (SQLite)',
  deleteWhere: 'a row helper inside the wrapped methods (SQLite)',
  createJSONQuery: 'builds a query fragment; writes nothing (SQLite)',
}

type WriteArgs = { collection?: string; collectionSlug?: string; req?: { transactionID?: number | Promise<number | string | null | undefined> | string } }
type TransactionID = number | Promise<number | string> | string

/**
 * Advances the content generation after every committed write to a public collection, made by
 * any code in this process: REST, the admin, the importer, the scheduled-publishing runner, and
 * hooks that write through the adapter (photos' usedByPublished, captions' articlePublished).
 * Installed by deliveryPlugin's onInit.
 *
 * Why at the adapter rather than in collection hooks: hooks do not see writes made through
 * `payload.db`, and they run inside the operation's transaction. The generation must move after
 * the commit: moved inside the transaction, a reader could take the new token and still read the
 * old rows, and cache them under it; and on MongoDB every write would update one shared document
 * inside its transaction, so any two concurrent saves would abort each other with a write conflict.
 * A write inside a transaction is noted and the generation moves when that transaction commits
 * (nothing, if it rolls back); a write outside one (FerretDB, `payload.db` calls without `req`)
 * has committed when it returns. Either way the generation has moved before the saving request
 * is answered, so a client that saw its save succeed gets the new content from every server.
 */
export function advanceGenerationOnPublicWrites(payload: Payload, publicSlugs: readonly string[]): void {
  // Replaced in place: every caller (Payload's operations, our code) calls `payload.db.<method>`.
  const db = payload.db as unknown as Record<string, (...args: any[]) => Promise<any>>
  const publicSet = new Set(publicSlugs)
  /** Open transactions that wrote public content. */
  const pending = new Set<number | string>()
  // The adapter's registry of open transactions (BaseDatabaseAdapter's `sessions`, kept by both adapters):
  // `req.transactionID` is not always a live transaction (Payload leaves the pending promise there when
  // the adapter runs without transactions, as our SQLite store does), and such a write has committed already.
  const isOpenTransaction = (id: unknown): id is number | string =>
    (typeof id === 'string' || typeof id === 'number') && Boolean(payload.db.sessions?.[id])

  const advance = async () => {
    try {
      await advanceContentGeneration(payload)
    } catch (error) {
      // The write itself has committed; failing the request now would not undo it.
      payload.logger.error({ err: error }, 'Could not advance the content generation after a write: cached API responses may be stale until the next write')
    }
  }

  for (const method of [...WRAPPED_WRITE_METHODS, ...WRAPPED_TRANSACTION_METHODS]) {
    // A Payload upgrade that renamed one must stop the start, not leave cached answers stale.
    if (typeof db[method] !== 'function') throw new Error(`The database adapter has no ${method}(): the content generation cannot follow its writes`)
  }
  for (const method of WRAPPED_WRITE_METHODS) {
    const write = db[method]!.bind(db)
    db[method] = async (args: WriteArgs) => {
      const result = await write(args)
      if (publicSet.has(args.collection ?? args.collectionSlug ?? '')) {
        const transactionID = await args.req?.transactionID
        if (isOpenTransaction(transactionID)) pending.add(transactionID)
        else await advance()
      }
      return result
    }
  }

  const commit = db.commitTransaction!.bind(db)
  db.commitTransaction = async (id: TransactionID) => {
    const transactionID = await id
    await commit(transactionID)
    if (pending.delete(transactionID)) await advance()
  }
  const rollback = db.rollbackTransaction!.bind(db)
  db.rollbackTransaction = async (id: TransactionID) => {
    const transactionID = await id
    pending.delete(transactionID)
    await rollback(transactionID)
  }
}
