import type { Payload, Where } from 'payload'

import { appendChange } from './changeLog'
import { EVERYTHING_TAG, idString, isPublicChange, PUBLIC_COLLECTIONS, relatedSlugLookups, tagsOfChange } from './dependencyTags'

/** The adapter's writes to documents: each one to a public collection is read before and after, and logged when it changes public content. */
export const WRAPPED_WRITE_METHODS = ['create', 'updateOne', 'updateMany', 'upsert', 'deleteOne', 'deleteMany'] as const

/** The ends of a transaction: the changes written in one are logged when it commits. */
export const WRAPPED_TRANSACTION_METHODS = ['commitTransaction', 'rollbackTransaction'] as const

/**
 * The adapters' other methods that write, and why the change log does not follow them. A Payload
 * upgrade that adds or renames a write method fails test/delivery/adapterWrites.test.ts until it is
 * wrapped above or listed here.
 */
export const WRITE_METHODS_LEFT_ALONE: Readonly<Record<string, string>> = {
  // Anonymous readers never get a version (a `draft=true` read without a user answers the live
  // document, and the versions endpoints are the newsroom's), so an editor autosaving all day
  // leaves every cached answer valid.
  createVersion: 'versions are never public',
  updateVersion: 'versions are never public',
  deleteVersions: 'versions are never public',
  createGlobal: 'no global is public',
  updateGlobal: 'no global is public',
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

type Doc = Record<string, unknown>
type Req = { transactionID?: number | Promise<number | string | null | undefined> | string }
type WriteArgs = { collection?: string; id?: number | string; where?: Where; limit?: number; sort?: unknown; returning?: boolean; req?: Req }
type TransactionID = number | Promise<number | string> | string
type AdapterMethods = Record<string, (...args: any[]) => Promise<any>>

/**
 * Logs every committed change to public content made by any code in this process (REST, the
 * admin, the importer, the scheduled-publishing runner, hooks that write through `payload.db`)
 * in the change log, with the dependency tags it touches. Installed by deliveryPlugin's onInit.
 *
 * Each write to a public collection reads the documents it will touch first (only the fields
 * the tags need) and takes the documents it wrote from its result: a write that anonymous readers
 * see on neither side (a draft of an unpublished story, a flag set to what it was) logs nothing.
 *
 * Why at the adapter rather than in collection hooks: hooks do not see writes made through
 * `payload.db`, and they run inside the operation's transaction. The change must be logged after
 * the commit: logged inside the transaction, a reader could take it and still read the old rows,
 * and cache them as current. A write inside a transaction is noted and logged when that
 * transaction commits (nothing, if it rolls back); a write outside one (FerretDB, `payload.db`
 * calls without `req`) has committed when it returns. Either way the change is logged before the
 * saving request is answered, so a client that saw its save succeed gets the new content from
 * every server.
 */
export function logPublicWrites(payload: Payload, publicSlugs: readonly string[]): void {
  // Replaced in place: every caller (Payload's operations, our code) calls `payload.db.<method>`.
  const db = payload.db as unknown as AdapterMethods
  const publicSet = new Set(publicSlugs)
  /** Tags touched by open transactions. */
  const pending = new Map<number | string, Set<string>>()
  // The adapter's registry of open transactions (BaseDatabaseAdapter's `sessions`, kept by both adapters):
  // `req.transactionID` is not always a live transaction (Payload leaves the pending promise there when
  // the adapter runs without transactions, as our SQLite store does), and such a write has committed already.
  const isOpenTransaction = (id: unknown): id is number | string =>
    (typeof id === 'string' || typeof id === 'number') && Boolean(payload.db.sessions?.[id])

  const log = async (tags: Iterable<string>) => {
    try {
      await appendChange(payload, [...tags])
    } catch (error) {
      // The write itself has committed; failing the request now would not undo it.
      payload.logger.error({ err: error }, 'Could not log a change to public content: cached API responses may be stale until the next logged change')
    }
  }

  for (const method of [...WRAPPED_WRITE_METHODS, ...WRAPPED_TRANSACTION_METHODS, 'find']) {
    // A Payload upgrade that renamed one must stop the start, not leave cached answers stale.
    if (typeof db[method] !== 'function') throw new Error(`The database adapter has no ${method}(): the change log cannot follow its writes`)
  }
  const find = db.find!.bind(db)

  /** The stored documents matching `where` (the fields the tags need), in the writer's transaction. */
  const readDocs = async (collection: string, where: Where, req: Req | undefined, limit?: number, sort?: unknown): Promise<Doc[]> => {
    const { select } = PUBLIC_COLLECTIONS[collection]!
    const { docs } = await find({ collection, where, req, select, sort, limit: limit ?? 0, pagination: limit !== undefined && limit > 0 })
    return docs as Doc[]
  }

  /** The documents before the write: none for a create; what the id or `where` selects otherwise. */
  const readBefore = (method: string, args: WriteArgs, collection: string): Promise<Doc[]> => {
    if (method === 'create') return Promise.resolve([])
    const where = args.id !== undefined ? { id: { equals: args.id } } : (args.where ?? {})
    return readDocs(collection, where, args.req, method === 'updateMany' ? args.limit : undefined, args.sort)
  }

  /** The documents after the write: from its result when it returned them, else read again by id. */
  const readAfter = async (method: string, args: WriteArgs, collection: string, result: unknown, before: Doc[]): Promise<Doc[] | undefined> => {
    if (method === 'deleteOne' || method === 'deleteMany') return []
    const returned = (Array.isArray(result) ? result : result ? [result] : []) as Doc[]
    const fields = Object.keys(PUBLIC_COLLECTIONS[collection]!.select)
    if (returned.length > 0 && returned.every((doc) => doc && doc.id !== undefined && fields.every((field) => field in doc))) return returned
    const ids = [...new Set([...before.map((doc) => idString(doc.id)), ...returned.map((doc) => idString(doc?.id))].filter(Boolean))]
    // A create or upsert that returned nothing: what it wrote cannot be found.
    if (ids.length === 0) return method === 'updateOne' || method === 'updateMany' ? [] : undefined
    return readDocs(collection, { id: { in: ids } }, args.req)
  }

  /** The tags a write touched, from the documents before and after it. */
  const tagsOfWrite = async (collection: string, before: Doc[], after: Doc[] | undefined): Promise<string[]> => {
    if (after === undefined) return [EVERYTHING_TAG]
    const afterById = new Map(after.map((doc) => [idString(doc.id), doc]))
    const beforeById = new Map(before.map((doc) => [idString(doc.id), doc]))
    const pairs = [...new Set([...beforeById.keys(), ...afterById.keys()])]
      .map((id) => [beforeById.get(id) ?? null, afterById.get(id) ?? null] as const)
      .filter(([was, is]) => isPublicChange(collection, was, is))
    if (pairs.length === 0) return []
    // Lists pinned by a related document's slug (`articles?districts.slug=anyuan`) need those slugs.
    const slugs = new Map<string, string[]>()
    for (const { collection: target, ids } of relatedSlugLookups(collection, pairs.flat())) {
      if (ids.length === 0) continue
      const related = await find({ collection: target, where: { id: { in: ids } }, select: { slug: true }, limit: 0, pagination: false })
      for (const doc of related.docs as Doc[]) slugs.set(`${target}:${idString(doc.id)}`, [String(doc.slug)])
    }
    const slugsOf = (target: string, ids: string[]) => ids.flatMap((id) => slugs.get(`${target}:${id}`) ?? [])
    return [...new Set(pairs.flatMap(([was, is]) => tagsOfChange(collection, was, is, slugsOf)))]
  }

  for (const method of WRAPPED_WRITE_METHODS) {
    const write = db[method]!.bind(db)
    db[method] = async (args: WriteArgs) => {
      const collection = args.collection ?? ''
      if (!publicSet.has(collection) || !PUBLIC_COLLECTIONS[collection]) return write(args)
      const before = await readBefore(method, args, collection)
      const result = await write(args)
      const tags = await tagsOfWrite(collection, before, await readAfter(method, args, collection, result, before))
      if (tags.length > 0) {
        const transactionID = await args.req?.transactionID
        if (isOpenTransaction(transactionID)) {
          const noted = pending.get(transactionID) ?? new Set<string>()
          for (const tag of tags) noted.add(tag)
          pending.set(transactionID, noted)
        } else await log(tags)
      }
      return result
    }
  }

  const commit = db.commitTransaction!.bind(db)
  db.commitTransaction = async (id: TransactionID) => {
    const transactionID = await id
    await commit(transactionID)
    const tags = pending.get(transactionID)
    pending.delete(transactionID)
    if (tags) await log(tags)
  }
  const rollback = db.rollbackTransaction!.bind(db)
  db.rollbackTransaction = async (id: TransactionID) => {
    const transactionID = await id
    pending.delete(transactionID)
    await rollback(transactionID)
  }
}
