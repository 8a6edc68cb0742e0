import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runImport, type ImportFileResult } from '../../src/importer/runImport'

const SEEDS = path.resolve(import.meta.dirname, '../../seeds')

/** runImport's dry run (no database): results handed over one by one, in order, and only the totals kept. */
describe('runImport (dry run)', () => {
  let dir: string
  let files: string[]

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-run-import-'))
    fs.writeFileSync(path.join(dir, 'empty.txt'), '')
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]))
    const seeds = fs.readdirSync(SEEDS).sort().slice(0, 3).map((name) => path.join(SEEDS, name))
    // Good and bad files interleaved, and more files than the reader reads ahead.
    files = [seeds[0]!, path.join(dir, 'empty.txt'), seeds[1]!, path.join(dir, 'missing.txt'), path.join(dir, 'binary.txt'), seeds[2]!]
  })
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('hands each file’s result to onResult once, in input order, with the count so far', async () => {
    const seen: { file: string; done: number; total: number }[] = []
    await runImport(null, files, { dryRun: true, readAhead: 2, onResult: (result, done, total) => void seen.push({ file: result.file, done, total }) })
    expect(seen).toEqual(files.map((file, index) => ({ file, done: index + 1, total: files.length })))
  })

  it('reports each bad file in its place as `<file>: <reason>`, the good ones as parsed', async () => {
    const results: ImportFileResult[] = []
    await runImport(null, files, { dryRun: true, onResult: (result) => void results.push(result) })
    expect(results.map(({ ok, action, error }) => ({ ok, action, error: error?.replace(dir, '<dir>') ?? null }))).toEqual([
      { ok: true, action: 'parsed', error: null },
      { ok: false, action: null, error: '<dir>/empty.txt: empty file' },
      { ok: true, action: 'parsed', error: null },
      { ok: false, action: null, error: '<dir>/missing.txt: cannot read the file: ENOENT' },
      { ok: false, action: null, error: expect.stringMatching(/^<dir>\/binary\.txt: binary file/) },
      { ok: true, action: 'parsed', error: null },
    ])
    expect(results.filter((result) => result.ok).every((result) => result.article !== null && result.id === null)).toBe(true)
  })

  it('returns the totals, the warnings counted from each article', async () => {
    let warnings = 0
    const totals = await runImport(null, files, { dryRun: true, onResult: (result) => void (warnings += result.article?.warnings.length ?? 0) })
    expect(totals).toEqual({ created: 0, updated: 0, unchanged: 0, parsed: 3, failed: 3, warnings })
    expect(warnings).toBeGreaterThan(0)
  })

  it('waits for a slow onResult before handing over the next result', async () => {
    const events: string[] = []
    await runImport(null, files.slice(0, 3), {
      dryRun: true,
      onResult: async (result) => {
        events.push(`start ${path.basename(result.file)}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
        events.push(`end ${path.basename(result.file)}`)
      },
    })
    const names = files.slice(0, 3).map((file) => path.basename(file))
    expect(events).toEqual(names.flatMap((name) => [`start ${name}`, `end ${name}`]))
  })

  it('imports nothing and calls nothing for no files', async () => {
    let calls = 0
    const totals = await runImport(null, [], { dryRun: true, onResult: () => void calls++ })
    expect({ calls, totals }).toEqual({ calls: 0, totals: { created: 0, updated: 0, unchanged: 0, parsed: 0, failed: 0, warnings: 0 } })
  })
})
