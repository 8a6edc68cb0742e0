import { describe, expect, it } from 'vitest'

import type { Payload } from 'payload'

import { advanceGenerationOnPublicWrites } from '../../src/delivery/contentGeneration/advanceGenerationOnPublicWrites'
import { ResponseCache, type CachedResponse } from '../../src/http/responseCache'

const answer = (generation: string, bytes = 100): CachedResponse => ({
  generation,
  headers: [['content-type', 'application/json']],
  body: new Uint8Array(bytes),
  etag: `"${generation}-${bytes}"`,
})

describe('ResponseCache', () => {
  it('serves an answer only in the generation it was computed in, and forgets the rest when the generation moves', () => {
    const cache = new ResponseCache(1024 * 1024)
    expect(cache.get('/api/articles', 'g1')).toBeUndefined()
    cache.set('/api/articles', answer('g1'))
    expect(cache.get('/api/articles', 'g1')?.etag).toBe('"g1-100"')
    expect(cache.get('/api/articles', 'g2')).toBeUndefined()
    expect(cache.size).toBe(0)
    // An answer computed before the move arrives late: it is not kept.
    cache.set('/api/articles', answer('g1'))
    expect(cache.get('/api/articles', 'g2')).toBeUndefined()
  })

  it('stays under its size, dropping the least recently used answer first', () => {
    const cache = new ResponseCache(10_000)
    cache.get('warm', 'g')
    for (const key of ['/a', '/b', '/c', '/d']) cache.set(key, answer('g', 1800))
    expect(cache.size).toBe(4)
    expect(cache.get('/a', 'g')).toBeDefined() // /a is now the most recently used
    cache.set('/e', answer('g', 1800))
    expect(cache.bytes).toBeLessThanOrEqual(10_000)
    expect(cache.get('/b', 'g')).toBeUndefined()
    for (const key of ['/a', '/c', '/d', '/e']) expect(cache.get(key, 'g'), key).toBeDefined()
  })

  it('does not keep an answer larger than a quarter of its size', () => {
    const cache = new ResponseCache(10_000)
    cache.get('warm', 'g')
    cache.set('/huge', answer('g', 5000))
    expect(cache.size).toBe(0)
  })
})

/** A database adapter that records writes, transactions and generation updates. */
function fakePayload() {
  const log: string[] = []
  const db = {
    create: async ({ collection }: { collection: string }) => log.push(`create ${collection}`),
    updateOne: async ({ collection }: { collection: string }) => log.push(`updateOne ${collection}`),
    updateMany: async () => undefined,
    upsert: async () => undefined,
    deleteOne: async () => undefined,
    deleteMany: async () => undefined,
    createVersion: async ({ collectionSlug }: { collectionSlug: string }) => log.push(`createVersion ${collectionSlug}`),
    updateVersion: async () => undefined,
    deleteVersions: async () => undefined,
    commitTransaction: async (id: string) => log.push(`commit ${id}`),
    rollbackTransaction: async (id: string) => log.push(`rollback ${id}`),
    updateGlobal: async ({ slug }: { slug: string }) => log.push(`advance ${slug}`),
    // Open transactions, as both adapters register them.
    sessions: { t1: {}, t2: {}, t3: {} } as Record<string, unknown>,
  }
  const payload = { db, logger: { error: (_: unknown, message: string) => log.push(`error ${message}`) } } as unknown as Payload
  advanceGenerationOnPublicWrites(payload, ['articles', 'captions'])
  return { db: payload.db as unknown as typeof db & Record<string, (args: unknown) => Promise<unknown>>, log }
}

describe('advanceGenerationOnPublicWrites', () => {
  it('a write to public content outside a transaction moves the generation once it returns', async () => {
    const { db, log } = fakePayload()
    await db.updateOne({ collection: 'articles', req: {} } as never)
    expect(log).toEqual(['updateOne articles', 'advance content-generation'])
  })

  it('inside a transaction, the generation moves after the commit, not before', async () => {
    const { db, log } = fakePayload()
    await db.create({ collection: 'articles', req: { transactionID: Promise.resolve('t1') } } as never)
    await db.createVersion({ collectionSlug: 'articles', req: { transactionID: 't1' } } as never)
    await db.updateOne({ collection: 'captions', req: { transactionID: 't1' } } as never)
    expect(log).toEqual(['create articles', 'createVersion articles', 'updateOne captions'])
    await db.commitTransaction('t1')
    expect(log.slice(3)).toEqual(['commit t1', 'advance content-generation'])
  })

  it('a transaction id the adapter has no open transaction for (it runs without) counts as committed', async () => {
    const { db, log } = fakePayload()
    await db.updateOne({ collection: 'captions', req: { transactionID: Promise.resolve(null) } } as never)
    await db.updateOne({ collection: 'captions', req: { transactionID: 'gone' } } as never)
    expect(log).toEqual(['updateOne captions', 'advance content-generation', 'updateOne captions', 'advance content-generation'])
  })

  it('a rolled-back transaction and writes to newsroom-only collections leave the generation alone', async () => {
    const { db, log } = fakePayload()
    await db.updateOne({ collection: 'articles', req: { transactionID: 't2' } } as never)
    await db.rollbackTransaction('t2')
    await db.create({ collection: 'users' } as never)
    await db.updateOne({ collection: 'workflow-events', req: { transactionID: 't3' } } as never)
    await db.commitTransaction('t3')
    expect(log).toEqual(['updateOne articles', 'rollback t2', 'create users', 'updateOne workflow-events', 'commit t3'])
  })
})
