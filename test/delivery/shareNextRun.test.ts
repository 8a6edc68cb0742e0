import { expect, it } from 'vitest'

import { shareNextRun } from '../../src/http/shareNextRun'

/** A read whose runs finish when the test says, numbered by start. */
function controlledRead() {
  const pending: (() => void)[] = []
  let started = 0
  const read = () => {
    const run = ++started
    return new Promise<number>((resolve) => pending.push(() => resolve(run)))
  }
  return { read, finishOldest: async () => { pending.shift()!(); await new Promise((resolve) => setImmediate(resolve)) }, started: () => started }
}

it('callers during a run share the next run, started after it ends; none gets a run that started before its call', async () => {
  const { read, finishOldest, started } = controlledRead()
  const shared = shareNextRun(read)
  const first = shared()
  const second = shared()
  const third = shared()
  expect(started()).toBe(1)
  await finishOldest()
  expect(await first).toBe(1)
  expect(started()).toBe(2)
  const fourth = shared() // arrives while run 2 is going: waits for run 3
  await finishOldest()
  expect([await second, await third]).toEqual([2, 2])
  expect(started()).toBe(3)
  await finishOldest()
  expect(await fourth).toBe(3)
  // Idle again: the next call starts a run at once.
  const fifth = shared()
  expect(started()).toBe(4)
  await finishOldest()
  expect(await fifth).toBe(4)
})

it('a failed run fails its callers only; the next run still starts', async () => {
  let calls = 0
  const shared = shareNextRun(async () => {
    calls++
    if (calls === 1) throw new Error('database away')
    return calls
  })
  const failing = shared()
  const after = shared()
  await expect(failing).rejects.toThrow('database away')
  expect(await after).toBe(2)
})
