import { beforeEach, describe, expect, it, vi } from 'vitest'

import type { Payload } from 'payload'

import { logPublicWrites } from '../../src/delivery/changeLog/logPublicWrites'
import { ResponseCache, type CacheEntry } from '../../src/http/responseCache'

const appended = vi.hoisted(() => [] as string[][])
vi.mock('../../src/delivery/changeLog/changeLog', () => ({
  appendChange: async (_payload: unknown, tags: string[]) => {
    appended.push([...tags].sort())
    return appended.length
  },
}))

const answer = (tags: string[], seq: number, bytes = 100): CacheEntry => ({
  headers: [['content-type', 'application/json']],
  body: new Uint8Array(bytes),
  etag: `"${tags.join()}-${bytes}"`,
  tags,
  seq,
})

/** A cache that has read the log up to change 10. */
function startedCache(maxBytes = 1024 * 1024) {
  const cache = new ResponseCache(maxBytes)
  cache.apply(undefined, [], 10)
  return cache
}

describe('ResponseCache', () => {
  it('drops only the answers a change touches', () => {
    const cache = startedCache()
    cache.set('/a', answer(['articles:a'], 10))
    cache.set('/b', answer(['articles:b'], 10))
    cache.set('/anyuan', answer(['articles?districts.slug=anyuan', 'articles:a'], 10))
    expect(cache.apply(10, [{ seq: 11, tags: ['articles:a', 'articles', 'articles?districts.slug=anyuan'] }], 11)).toBe(11)
    expect(cache.get('/a')).toBeUndefined()
    expect(cache.get('/anyuan')).toBeUndefined()
    expect(cache.get('/b')?.etag).toBe('"articles:b-100"')
  })

  it('does not keep an answer computed before a change that touches it, and keeps one the change does not touch', () => {
    const cache = startedCache()
    cache.apply(10, [{ seq: 11, tags: ['articles:a'] }], 11)
    cache.set('/a', answer(['articles:a'], 10))
    cache.set('/b', answer(['articles:b'], 10))
    expect(cache.get('/a')).toBeUndefined()
    expect(cache.get('/b')).toBeDefined()
  })

  it('drops everything when the log was pruned past its last change, and refuses answers from before', () => {
    const cache = startedCache()
    cache.set('/b', answer(['articles:b'], 10))
    cache.apply(10, [{ seq: 40, tags: ['articles:a'] }], 40)
    expect(cache.size).toBe(0)
    expect(cache.seq).toBe(40)
    cache.set('/b', answer(['articles:b'], 10))
    expect(cache.get('/b')).toBeUndefined()
  })

  it('a change touching `*` drops everything; an answer tagged `*` goes with any change', () => {
    const cache = startedCache()
    cache.set('/robots', answer(['*'], 10))
    cache.set('/b', answer(['articles:b'], 10))
    cache.apply(10, [{ seq: 11, tags: ['photos:p'] }], 11)
    expect(cache.get('/robots')).toBeUndefined()
    expect(cache.get('/b')).toBeDefined()
    cache.apply(11, [{ seq: 12, tags: ['*'] }], 12)
    expect(cache.size).toBe(0)
  })

  it('a second read of the same changes (two requests at once) applies nothing twice', () => {
    const cache = startedCache()
    cache.apply(10, [{ seq: 11, tags: ['articles:a'] }], 11)
    cache.set('/a', answer(['articles:a'], 11))
    cache.apply(10, [{ seq: 11, tags: ['articles:a'] }], 11)
    expect(cache.get('/a')).toBeDefined()
  })

  it('stays under its size, dropping the least recently used answer first', () => {
    const cache = startedCache(10_000)
    for (const key of ['/a', '/b', '/c', '/d']) cache.set(key, answer([key], 10, 1800))
    expect(cache.size).toBe(4)
    expect(cache.get('/a')).toBeDefined() // /a is now the most recently used
    cache.set('/e', answer(['/e'], 10, 1800))
    expect(cache.bytes).toBeLessThanOrEqual(10_000)
    expect(cache.get('/b')).toBeUndefined()
    for (const key of ['/a', '/c', '/d', '/e']) expect(cache.get(key), key).toBeDefined()
  })

  it('does not keep an answer larger than a quarter of its size', () => {
    const cache = startedCache(10_000)
    cache.set('/huge', answer(['x'], 10, 5000))
    expect(cache.size).toBe(0)
  })
})

type Doc = Record<string, unknown> & { id: string }

/** A database adapter over documents in memory that records writes and transactions. */
function fakePayload(stored: Record<string, Doc[]>) {
  const log: string[] = []
  const byWhere = (collection: string, where: { id?: { equals?: string; in?: string[] } } = {}) =>
    (stored[collection] ?? []).filter((doc) => (where.id?.equals ? doc.id === where.id.equals : where.id?.in ? where.id.in.includes(doc.id) : true))
  const db = {
    find: async ({ collection, where }: { collection: string; where?: never }) => ({ docs: byWhere(collection, where).map((doc) => ({ ...doc })) }),
    create: async ({ collection, data }: { collection: string; data: Doc }) => {
      log.push(`create ${collection}`)
      stored[collection] = [...(stored[collection] ?? []), data]
      return data
    },
    updateOne: async ({ collection, id, data }: { collection: string; id: string; data: Partial<Doc> }) => {
      log.push(`updateOne ${collection}`)
      const doc = byWhere(collection, { id: { equals: id } })[0]!
      Object.assign(doc, data)
      return { ...doc }
    },
    updateMany: async () => null,
    upsert: async () => null,
    deleteOne: async ({ collection, where }: { collection: string; where: never }) => {
      log.push(`deleteOne ${collection}`)
      const [doc] = byWhere(collection, where)
      stored[collection] = (stored[collection] ?? []).filter((other) => other !== doc)
      return doc
    },
    deleteMany: async () => undefined,
    commitTransaction: async (id: string) => log.push(`commit ${id}`),
    rollbackTransaction: async (id: string) => log.push(`rollback ${id}`),
    // Open transactions, as both adapters register them.
    sessions: { t1: {}, t2: {}, t3: {} } as Record<string, unknown>,
  }
  const payload = { db, logger: { error: (_: unknown, message: string) => log.push(`error ${message}`) } } as unknown as Payload
  logPublicWrites(payload, ['articles', 'captions', 'districts'])
  return { db: payload.db as unknown as Record<string, (args: unknown) => Promise<unknown>>, log }
}

describe('logPublicWrites', () => {
  beforeEach(() => {
    appended.length = 0
  })
  const districts = [
    { id: 'd1', slug: 'anyuan' },
    { id: 'd2', slug: 'lianhua' },
  ]

  it('a save of a story no reader sees logs nothing', async () => {
    const { db } = fakePayload({ articles: [{ id: 'a', _status: 'draft', slug: 'a', districts: ['d1'] }], districts })
    await db.updateOne!({ collection: 'articles', id: 'a', data: { title: '改', districts: ['d2'] }, req: {} })
    expect(appended).toEqual([])
  })

  it('a live edit outside a transaction logs the story, its lists, both districts’ lists (by id and slug) and search, once it returns', async () => {
    const { db } = fakePayload({ articles: [{ id: 'a', _status: 'published', slug: 'sa', districts: ['d1'] }], districts })
    await db.updateOne!({ collection: 'articles', id: 'a', data: { districts: ['d2'] }, req: {} })
    expect(appended).toEqual([
      ['articles', 'articles:a', 'articles?districts.slug=anyuan', 'articles?districts.slug=lianhua', 'articles?districts=d1', 'articles?districts=d2', 'articles?slug=sa', 'search'].sort(),
    ])
  })

  it('inside a transaction, the change is logged after the commit, once, with every write’s tags', async () => {
    const { db, log } = fakePayload({ articles: [{ id: 'a', _status: 'draft', slug: 'sa' }], captions: [{ id: 'c', articlePublished: false, article: 'a' }] })
    await db.updateOne!({ collection: 'articles', id: 'a', data: { _status: 'published' }, req: { transactionID: Promise.resolve('t1') } })
    await db.updateOne!({ collection: 'captions', id: 'c', data: { articlePublished: true }, req: { transactionID: 't1' } })
    expect(appended).toEqual([])
    await db.commitTransaction!('t1')
    expect(log.at(-1)).toBe('commit t1')
    expect(appended).toEqual([['articles', 'articles:a', 'articles?slug=sa', 'captions', 'captions:c', 'captions?article=a', 'search'].sort()])
  })

  it('a rolled-back transaction and writes to newsroom-only collections log nothing', async () => {
    const { db } = fakePayload({ articles: [{ id: 'a', _status: 'published', slug: 'sa' }] })
    await db.updateOne!({ collection: 'articles', id: 'a', data: { title: 'x' }, req: { transactionID: 't2' } })
    await db.rollbackTransaction!('t2')
    await db.create!({ collection: 'users', data: { id: 'u' } })
    expect(appended).toEqual([])
  })

  it('a delete of a live document logs the lists that held it; a district whose slug changes logs the story lists by both slugs', async () => {
    const { db } = fakePayload({ articles: [{ id: 'a', _status: 'published', slug: 'sa', districts: ['d1'] }], districts: [...districts] })
    await db.deleteOne!({ collection: 'articles', where: { id: { equals: 'a' } }, req: {} })
    expect(appended[0]).toEqual(expect.arrayContaining(['articles', 'articles:a', 'articles?districts=d1', 'articles?districts.slug=anyuan']))
    await db.updateOne!({ collection: 'districts', id: 'd1', data: { slug: 'anyuan-qu' }, req: {} })
    expect(appended[1]).toEqual(expect.arrayContaining(['districts:d1', 'articles?districts.slug=anyuan', 'articles?districts.slug=anyuan-qu']))
  })
})
