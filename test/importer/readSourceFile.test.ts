import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
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
