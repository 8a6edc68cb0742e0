import { describe, expect, it } from 'vitest'
import { contentHash } from '../../src/importer/read/contentHash'

describe('contentHash', () => {
  it.each([
    { name: 'empty input', bytes: new Uint8Array([]), expected: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    { name: '"abc"', bytes: new TextEncoder().encode('abc'), expected: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
  ])('sha256 of $name', ({ bytes, expected }) => {
    expect(contentHash(bytes)).toBe(expected)
  })

  it('differs when one byte differs', () => {
    expect(contentHash(new Uint8Array([1, 2, 3]))).not.toBe(contentHash(new Uint8Array([1, 2, 4])))
  })
})
