import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { detectEncoding, isBinary } from '../../src/importer/decode/detectEncoding'
import { ImportError } from '../../src/importer/importError'

const ARTICLE = '安源区坚持以人民为中心，把保障和改善民生作为工作的出发点和落脚点，让百姓生活更加幸福美好。'
const TRADITIONAL = '萍鄉：創新賦能高質量發展。安源區始終堅持項目是支撐、創新是動力，環境是保障。'

const bytesOf = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding))
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('detectEncoding', () => {
  it.each([
    { name: 'UTF-8', bytes: utf8(ARTICLE), expected: 'utf-8' },
    { name: 'UTF-8 with a BOM', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(ARTICLE)]), expected: 'utf-8-bom' },
    { name: 'plain ASCII is UTF-8', bytes: utf8('hello'), expected: 'utf-8' },
    { name: 'GB18030 simplified text', bytes: bytesOf(ARTICLE, 'gb18030'), expected: 'gb18030' },
    { name: 'GBK-compatible GB18030 text in traditional characters', bytes: bytesOf(TRADITIONAL, 'gb18030'), expected: 'gb18030' },
    { name: 'Big5 traditional text (also valid GB18030 bytes)', bytes: bytesOf(TRADITIONAL, 'big5'), expected: 'big5' },
    { name: 'UTF-16LE with a BOM', bytes: new Uint8Array([0xff, 0xfe, ...bytesOf(ARTICLE, 'utf16le')]), expected: 'utf-16le' },
    { name: 'one stray control byte in a long text is still text', bytes: new Uint8Array([...utf8(ARTICLE.repeat(3)), 0x01]), expected: 'utf-8' },
  ])('$name → $expected', ({ bytes, expected }) => {
    expect(detectEncoding(bytes)).toBe(expected)
  })

  it.each([
    { name: 'no bytes', bytes: new Uint8Array([]), code: 'empty-file' },
    { name: 'only whitespace', bytes: utf8(' \n\t\r\n '), code: 'empty-file' },
    { name: 'only a BOM', bytes: new Uint8Array([0xef, 0xbb, 0xbf]), code: 'empty-file' },
    { name: 'a NUL byte', bytes: new Uint8Array([...utf8('安源'), 0x00, ...utf8('区')]), code: 'binary-file' },
    { name: 'a PNG header', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), code: 'binary-file' },
    { name: 'many control bytes', bytes: new Uint8Array([0x41, 0x02, 0x03, 0x04, 0x05, 0x41, 0x06]), code: 'binary-file' },
    { name: 'bytes valid in no encoding', bytes: new Uint8Array([0x41, 0xff, 0xff, 0xff, 0x80, 0x80]), code: 'unknown-encoding' },
  ])('refuses $name with $code', ({ bytes, code }) => {
    expect(() => detectEncoding(bytes, 'photo.bin')).toThrow(ImportError)
    try {
      detectEncoding(bytes, 'photo.bin')
    } catch (error) {
      expect((error as ImportError).code).toBe(code)
      expect((error as ImportError).message).toMatch(/^photo\.bin: /)
    }
  })
})

describe('isBinary', () => {
  it.each([
    { name: 'text', bytes: utf8('萍乡\n安源\r\n'), expected: false },
    { name: 'tabs and form feeds', bytes: utf8('a\tb\fc\vd'), expected: false },
    { name: 'a NUL', bytes: new Uint8Array([0x61, 0x00]), expected: true },
  ])('$name → $expected', ({ bytes, expected }) => {
    expect(isBinary(bytes)).toBe(expected)
  })
})
