import { describe, expect, it } from 'vitest'

import { createWriteTurns } from '../../src/db'

const tick = () => new Promise((resolve) => setImmediate(resolve))

/** The in-process queue of SQLite writers (src/db.ts): one at a time, in order, and a waiter gives up like busy_timeout. */
describe('createWriteTurns', () => {
  it('gives the turn to one writer at a time, in the order they asked', async () => {
    const turns = createWriteTurns(1000)
    const events: string[] = []
    const writer = async (name: string) => {
      const release = await turns.take()
      events.push(`${name} starts`)
      await tick()
      await tick()
      events.push(`${name} ends`)
      release()
    }
    await Promise.all([writer('a'), writer('b'), writer('c')])
    expect(events).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends'])
  })

  it('a waiter gives up after the timeout with a clear error, and the writers after it still get their turn', async () => {
    const turns = createWriteTurns(30)
    const holder = await turns.take()
    const gaveUp = turns.take()
    await expect(gaveUp).rejects.toThrow(/database is busy: no turn to write within 30 ms/)
    const next = turns.take()
    holder()
    const release = await next
    release()
  })
})
