import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../src/importer/decode/decodeText'

describe('decodeText', () => {
  it('drops a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('# 东风浩荡')])
    expect(decodeText(bytes, 'utf-8-bom')).toBe('# 东风浩荡')
  })

  it.each([
    { encoding: 'gb18030' as const, text: '湘东区以实干实绩推动高质量发展' },
    { encoding: 'big5' as const, text: '萍鄉：創新賦能高質量發展' },
    { encoding: 'utf-16le' as const, text: '安源区' },
  ])('decodes $encoding', ({ encoding, text }) => {
    const bom = encoding === 'utf-16le' ? [0xff, 0xfe] : []
    expect(decodeText(new Uint8Array([...bom, ...iconv.encode(text, encoding)]), encoding)).toBe(text)
  })

  it('refuses bytes that are not valid in the encoding instead of inserting U+FFFD', () => {
    expect(() => decodeText(new Uint8Array([0xe5, 0xae]), 'utf-8', 'cut.txt')).toThrow('cut.txt: unknown encoding (not UTF-8, UTF-16, GB18030 or Big5): not valid utf-8')
  })
})
