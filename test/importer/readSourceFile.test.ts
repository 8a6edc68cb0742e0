import { execFileSync, spawn } from 'node:child_process'
import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isImportError } from '../../src/importer/importError'
import { readSourceFile } from '../../src/importer/read/readSourceFile'

describe('readSourceFile', () => {
  it('returns the file bytes exactly', async () => {
    const file = path.resolve(import.meta.dirname, '../../seeds/004_1a09796742693f37.txt')
    const bytes = await readSourceFile(file)
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(bytes).equals(readFileSync(file))).toBe(true)
  })

  it('rejects a missing file with the file-system error', async () => {
    await expect(readSourceFile('/nonexistent/seed.txt')).rejects.toThrow(/ENOENT/)
  })
})

describe('readSourceFile: the size limit', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-read-limit-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads a file of exactly the limit', async () => {
    const file = path.join(dir, 'at-limit.txt')
    writeFileSync(file, 'x'.repeat(1000))
    expect((await readSourceFile(file, 1000)).byteLength).toBe(1000)
  })

  it('refuses a file one byte over the limit with an ImportError naming the file and both sizes', async () => {
    const file = path.join(dir, 'over-limit.txt')
    writeFileSync(file, 'x'.repeat(1001))
    const error = await readSourceFile(file, 1000).catch((caught: unknown) => caught)
    expect(isImportError(error) && [error.code, error.status, error.message]).toEqual([
      'file-too-large',
      413,
      `${file}: file too large: 1001 bytes, over the limit of 1000 (IMPORT_MAX_BYTES or --max-bytes)`,
    ])
  })

  it('refuses a 3 GB file by its size, without reading it (a read would fail on the buffer limit instead)', async () => {
    const file = path.join(dir, 'huge.txt')
    const fd = openSync(file, 'w')
    ftruncateSync(fd, 3 * 1024 ** 3) // sparse: takes no disk space
    closeSync(fd)
    await expect(readSourceFile(file)).rejects.toThrow(`${file}: file too large: ${3 * 1024 ** 3} bytes, over the limit of ${2 * 1024 * 1024}`)
  })

  it('reads a stream without a size (a FIFO) only until it passes the limit', async () => {
    const fifo = path.join(dir, 'pipe.txt')
    execFileSync('mkfifo', [fifo])
    // The writer has more to say than the limit allows; the reader stops and closes, which ends the writer.
    const writer = spawn('sh', ['-c', `yes 萍乡 > ${fifo}`], { stdio: 'ignore' })
    try {
      await expect(readSourceFile(fifo, 64 * 1024)).rejects.toThrow(`${fifo}: file too large: more than ${64 * 1024} bytes`)
    } finally {
      writer.kill()
    }
  })
})
