import { AsyncLocalStorage } from 'node:async_hooks'

import type { Payload, Where } from 'payload'

import { EVERYTHING_TAG, PUBLIC_COLLECTIONS, tagsOfRead } from './dependencyTags'

/** The adapter's reads of documents, followed while an answer is computed for the response cache. */
export const TRACKED_READ_METHODS = ['find', 'findOne', 'count', 'findDistinct', 'queryDrafts'] as const

const tracked = new AsyncLocalStorage<Set<string>>()

/**
 * Runs `compute` and returns, with its value, the dependency tags of everything it read from public
 * collections through the database adapter (documents returned, lists and the keys pinning them,
 * joins), plus what code that reads elsewhere declared (noteReadDependency). An answer that read
 * nothing public depends on everything (`*`): its reads could not be followed.
 */
export async function trackReadDependencies<T>(compute: () => Promise<T>): Promise<{ value: T; tags: string[] }> {
  const tags = new Set<string>()
  const value = await tracked.run(tags, compute)
  return { value, tags: tags.size > 0 ? [...tags] : [EVERYTHING_TAG] }
}

/** Declares a dependency of the answer being computed, for reads that bypass the adapter (the search index). */
export function noteReadDependency(tag: string): void {
  tracked.getStore()?.add(tag)
}

type ReadArgs = { collection?: string; where?: Where; joins?: unknown }

/**
 * Wraps the adapter's read methods so that reads made while an answer is tracked add their tags.
 * Installed by deliveryPlugin's onInit, in the server and every other process (outside a tracked
 * computation a read costs one AsyncLocalStorage lookup more). Reads of newsroom-only collections
 * and of versions add nothing: their writes are never logged either (see logPublicWrites).
 */
export function trackPublicReads(payload: Payload): void {
  const db = payload.db as unknown as Record<string, (...args: any[]) => Promise<any>>
  const joinsOf = new Map<string, { collection: string; on: string }[]>()
  for (const slug of Object.keys(PUBLIC_COLLECTIONS)) {
    const fields = ((payload.collections as Record<string, { config: { flattenedFields?: unknown } } | undefined>)[slug]?.config.flattenedFields ?? []) as { type: string; collection?: unknown; on?: string }[]
    const joins = fields
      // Joins to newsroom-only collections are empty for anonymous readers, and their writes are never logged.
      .filter((field) => field.type === 'join' && typeof field.collection === 'string' && field.on && PUBLIC_COLLECTIONS[field.collection])
      .map((field) => ({ collection: field.collection as string, on: field.on! }))
    for (const join of joins) {
      // A join lists the target's documents by the field it is on: that field must pin the target's lists.
      if (!PUBLIC_COLLECTIONS[join.collection]!.keys.includes(join.on)) {
        throw new Error(`The join ${slug} → ${join.collection}.${join.on} is not a key in src/delivery/changeLog/dependencyTags.ts`)
      }
    }
    joinsOf.set(slug, joins)
  }

  for (const method of TRACKED_READ_METHODS) {
    if (typeof db[method] !== 'function') throw new Error(`The database adapter has no ${method}(): cached answers cannot follow its reads`)
    const read = db[method]!.bind(db)
    db[method] = async (args: ReadArgs) => {
      const result = await read(args)
      const tags = tracked.getStore()
      const collection = args?.collection ?? ''
      if (tags && PUBLIC_COLLECTIONS[collection]) {
        const docs = method === 'findOne' ? [result] : method === 'find' || method === 'queryDrafts' ? (result?.docs ?? []) : []
        const joins = args.joins === false ? [] : (joinsOf.get(collection) ?? [])
        for (const tag of tagsOfRead(collection, args.where, docs, joins)) tags.add(tag)
      }
      return result
    }
  }
}
