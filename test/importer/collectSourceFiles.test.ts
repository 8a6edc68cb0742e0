import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { collectSourceFiles } from '../../src/importer/read/collectSourceFiles'

/** Folder walks over symbolic links: each real file once, loops not followed round. */
describe('collectSourceFiles', () => {
  let dir: string
  const relative = (files: string[]) => files.map((file) => path.relative(dir, file))

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-collect-'))
    fs.mkdirSync(path.join(dir, 'news/sub'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'news/a.txt'), 'a')
    fs.writeFileSync(path.join(dir, 'news/sub/b.txt'), 'b')
    fs.writeFileSync(path.join(dir, 'news/.hidden.txt'), 'h')
    fs.symlinkSync('.', path.join(dir, 'news/self')) // self -> .: a loop
    fs.symlinkSync('..', path.join(dir, 'news/sub/up')) // a loop two levels deep
    fs.symlinkSync('a.txt', path.join(dir, 'news/c-link-to-a.txt'))
    fs.symlinkSync('sub', path.join(dir, 'news/d-alias-of-sub'))
    fs.symlinkSync('missing.txt', path.join(dir, 'news/e-dangling.txt'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('lists each real file once, where it is first met in sorted order, through links and loops', async () => {
    expect(relative(await collectSourceFiles([path.join(dir, 'news')]))).toEqual([
      'news/a.txt',
      'news/d-alias-of-sub/b.txt', // sub/ is met first through its alias; sub/ itself (and sub/up) is not walked again
      'news/e-dangling.txt', // reported by the import as unreadable, under its own name
    ])
  })

  it('takes a file named twice, or named and inside a named folder, once', async () => {
    const a = path.join(dir, 'news/a.txt')
    expect(relative(await collectSourceFiles([a, path.join(dir, 'news/c-link-to-a.txt'), path.join(dir, 'news/sub'), a]))).toEqual([
      'news/a.txt',
      'news/sub/b.txt',
      'news/sub/up/e-dangling.txt', // sub/up leads back into news/, whose other entries were all met already
    ])
  })

  it('keeps a missing path, for the import to report by name', async () => {
    expect(relative(await collectSourceFiles([path.join(dir, 'nope.txt')]))).toEqual(['nope.txt'])
  })
})
