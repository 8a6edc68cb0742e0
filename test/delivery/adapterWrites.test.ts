import { describe, expect, it } from 'vitest'

import type { Payload } from 'payload'

import { buildDatabaseAdapter } from '../../src/db'
import {
  logPublicWrites,
  WRAPPED_TRANSACTION_METHODS,
  WRAPPED_WRITE_METHODS,
  WRITE_METHODS_LEFT_ALONE,
} from '../../src/delivery/changeLog/logPublicWrites'
import { TRACKED_READ_METHODS } from '../../src/delivery/changeLog/trackReadDependencies'

/**
 * Public changes are logged by wrapping the database adapter's write methods (logPublicWrites),
 * and cached answers get their dependency tags by wrapping its read methods (trackReadDependencies). These tests read the real adapters Payload builds, so a
 * Payload upgrade that adds, renames or removes a write method fails here, naming it, instead
 * of silently leaving cached answers stale.
 */

/** Method names that write: documents, versions, globals, jobs, rows, and the transaction methods. */
const WRITE_NAME = /^(create|update|delete|upsert|insert|replace|remove|drop|bulk|save|truncate)|Transaction$/

const ADAPTERS = {
  sqlite: { DATABASE_URI: 'file::memory:', MONGODB_COMPAT: 'none' },
  mongodb: { DATABASE_URI: 'mongodb://127.0.0.1:1/never-connected', MONGODB_COMPAT: 'none' },
} as const

/** The adapter object as Payload holds it (`payload.db`), built but never connected. */
function buildAdapter(lane: keyof typeof ADAPTERS): Record<string, unknown> {
  const payload = { config: { collections: [], globals: [], db: {} }, logger: console }
  return buildDatabaseAdapter(ADAPTERS[lane] as never).init({ payload } as never) as unknown as Record<string, unknown>
}

function methodNames(adapter: Record<string, unknown>): string[] {
  const names = new Set<string>()
  for (let layer: object | null = adapter; layer && layer !== Object.prototype; layer = Object.getPrototypeOf(layer)) {
    for (const name of Object.getOwnPropertyNames(layer)) if (typeof adapter[name] === 'function') names.add(name)
  }
  return [...names].sort()
}

const wrapped: string[] = [...WRAPPED_WRITE_METHODS, ...WRAPPED_TRANSACTION_METHODS]
const leftAlone = Object.keys(WRITE_METHODS_LEFT_ALONE)

describe.each(Object.keys(ADAPTERS) as (keyof typeof ADAPTERS)[])('the %s adapter', (lane) => {
  const adapter = buildAdapter(lane)
  const methods = methodNames(adapter)

  it('has no write method that is neither wrapped nor listed as left alone', () => {
    const unclassified = methods.filter((name) => WRITE_NAME.test(name) && !wrapped.includes(name) && !leftAlone.includes(name))
    expect(unclassified, `write methods to wrap in logPublicWrites or list in WRITE_METHODS_LEFT_ALONE: ${unclassified.join(', ')}`).toEqual([])
  })

  it('still has every method that is wrapped', () => {
    const missing = wrapped.filter((name) => !methods.includes(name))
    expect(missing, `wrapped methods this adapter no longer has: ${missing.join(', ')}`).toEqual([])
  })

  it('still has every read method whose reads give a cached answer its dependency tags', () => {
    const missing = TRACKED_READ_METHODS.filter((name) => !methods.includes(name))
    expect(missing, `tracked read methods this adapter no longer has: ${missing.join(', ')}`).toEqual([])
  })

  it('keeps its open transactions in `sessions`, which the wrapping reads', () => {
    expect(adapter.sessions).toBeTypeOf('object')
  })

  it('has each wrapped method replaced and every other method left as it was', () => {
    const before = Object.fromEntries(methods.map((name) => [name, adapter[name]]))
    logPublicWrites({ db: adapter, logger: console } as unknown as Payload, ['articles'])
    const replaced = methods.filter((name) => adapter[name] !== before[name])
    expect(replaced.sort()).toEqual([...wrapped].sort())
  })
})

it('lists as left alone only methods one of the adapters has', () => {
  const existing = new Set([...methodNames(buildAdapter('sqlite')), ...methodNames(buildAdapter('mongodb'))])
  const gone = leftAlone.filter((name) => !existing.has(name))
  expect(gone, `listed as left alone but no adapter has them: ${gone.join(', ')}`).toEqual([])
})
