import type { Client } from '@libsql/client'
import type { Db } from 'mongodb'
import type { Payload } from 'payload'

import type { SearchStore } from './searchStore'

import { createMongoSearchStore } from './mongoSearchStore'
import { createSqliteSearchStore } from './sqliteSearchStore'

const stores = new WeakMap<Payload, SearchStore>()

/** The search index beside the database Payload runs on: FTS5 on SQLite, a tokens collection on MongoDB. */
export function getSearchStore(payload: Payload): SearchStore {
  let store = stores.get(payload)
  if (!store) {
    const db = payload.db as unknown as { name: string; client?: Client; connection?: { db?: Db } }
    if (db.name === 'sqlite' && db.client) store = createSqliteSearchStore(db.client)
    else if (db.name === 'mongoose' && db.connection?.db) store = createMongoSearchStore(db.connection.db)
    else throw new Error(`The search index has no store for the database adapter "${db.name}"`)
    stores.set(payload, store)
  }
  return store
}
