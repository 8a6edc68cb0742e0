import { describe, expect, it } from 'vitest'

import { readSourceFiles, type SourceRead } from '../../src/importer/read/readSourceFiles'

/** A reader whose reads finish in the order the test says, counting how many are under way at once. */
function createControlledReader() {
  const pending = new Map<string, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>()
  let inFlight = 0
  let maxInFlight = 0
  const read = (file: string) =>
    new Promise<Uint8Array>((resolve, reject) => {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      pending.set(file, {
        resolve: (bytes) => (inFlight--, resolve(bytes)),
        reject: (error) => (inFlight--, reject(error)),
      })
    })
  return { read, pending, stats: () => ({ inFlight, maxInFlight }) }
}

async function collect(reads: AsyncIterable<SourceRead>): Promise<SourceRead[]> {
  const all: SourceRead[] = []
  for await (const read of reads) all.push(read)
  return all
}

describe('readSourceFiles', () => {
  it('yields the files in the order given even when the reads finish out of order', async () => {
    const reader = createControlledReader()
    const done = collect(readSourceFiles(['a', 'b', 'c'], 3, reader.read))
    await Promise.resolve()
    for (const file of ['c', 'a', 'b']) reader.pending.get(file)!.resolve(new TextEncoder().encode(file))
    const reads = await done
    expect(reads.map(({ file, bytes }) => [file, new TextDecoder().decode(bytes!)])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
      ['c', 'c'],
    ])
  })

  it('reads at most `concurrency` files ahead of a slow consumer', async () => {
    const reader = createControlledReader()
    const files = Array.from({ length: 20 }, (_, index) => `file-${index}`)
    const consumed: string[] = []
    const consumer = (async () => {
      for await (const read of readSourceFiles(files, 4, reader.read)) {
        for (let tick = 0; tick < 3; tick++) await new Promise((resolve) => setImmediate(resolve)) // parsing takes a while
        consumed.push(read.file)
      }
    })()
    // The disk answers every read under way, a tick at a time, however far ahead they were asked for.
    while (consumed.length < files.length) {
      await new Promise((resolve) => setImmediate(resolve))
      for (const [file, read] of reader.pending) {
        reader.pending.delete(file)
        read.resolve(new Uint8Array([1]))
      }
    }
    await consumer
    expect(consumed).toEqual(files)
    expect(reader.stats().maxInFlight).toBe(4)
  })

  it('yields a failed read in its place, with its error, and goes on', async () => {
    const failing = (file: string) =>
      file === 'missing' ? Promise.reject(Object.assign(new Error('no such file'), { code: 'ENOENT' })) : Promise.resolve(new Uint8Array([7]))
    const reads = await collect(readSourceFiles(['a', 'missing', 'b'], 2, failing))
    expect(reads.map(({ file, bytes, error }) => ({ file, ok: bytes !== null, code: (error as { code?: string } | null)?.code ?? null }))).toEqual([
      { file: 'a', ok: true, code: null },
      { file: 'missing', ok: false, code: 'ENOENT' },
      { file: 'b', ok: true, code: null },
    ])
  })

  it('yields nothing for no files', async () => {
    expect(await collect(readSourceFiles([], 8))).toEqual([])
  })
})
