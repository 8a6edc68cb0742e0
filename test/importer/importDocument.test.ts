import { readFileSync } from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { buildLexicalBody, importDocument, ImportError, type ImportedArticle } from '../../src/importer'
import { toTraditional } from '../../src/text/chineseConverters'
import { referenceDistricts } from '../../src/reference/districts'

const root = path.resolve(import.meta.dirname, '../..')
const readSeed = (name: string) => readFileSync(path.join(root, 'seeds', `${name}.txt`))
const readCase = (name: string) => readFileSync(path.join(root, 'test/fixtures/cases', name, 'source.txt'), 'utf8')

function importBytes(bytes: Uint8Array, fileName = 'doc.txt'): ImportedArticle {
  return importDocument(bytes, { fileName, districts: referenceDistricts })
}

/** The fields that must not depend on how the bytes were encoded. */
function content(article: ImportedArticle) {
  const { encoding: _encoding, ...rest } = article
  return rest
}

describe('importDocument: encodings', () => {
  const luxi = readCase('luxi-portal-page')
  const utf8 = importBytes(new TextEncoder().encode(luxi))

  it.each([
    { name: 'GB18030', bytes: iconv.encode(luxi, 'gb18030'), encoding: 'gb18030' },
    { name: 'UTF-8 with a BOM', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(luxi)]), encoding: 'utf-8-bom' },
    { name: 'UTF-16LE with a BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(luxi, 'utf16le')]), encoding: 'utf-16le' },
  ])('reads the same article from $name', ({ bytes, encoding }) => {
    const article = importBytes(new Uint8Array(bytes))
    expect(article.encoding).toBe(encoding)
    expect(content(article)).toEqual(content(utf8))
  })

  it('reads a Big5 page in traditional characters', () => {
    const article = importBytes(new Uint8Array(iconv.encode(toTraditional(luxi), 'big5')))
    expect(article).toMatchObject({
      encoding: 'big5',
      script: 'zh-Hant',
      format: 'portal-page',
      title: '武功山腳下的茶園迎來採摘季',
      source: '蘆溪縣融媒體中心',
      districts: ['芦溪县'],
    })
    expect(article.paragraphs).toHaveLength(4)
  })
})

describe('importDocument: refusals', () => {
  it.each([
    { name: 'an empty file', bytes: new Uint8Array([]), code: 'empty-file', message: 'x.txt: empty file' },
    { name: 'ideographic spaces only', bytes: new TextEncoder().encode('\u3000\u3000\n'), code: 'empty-file', message: 'x.txt: empty file' },
    { name: 'a binary file', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]), code: 'binary-file', message: 'x.txt: binary file, not text: it contains NUL or control bytes' },
    { name: 'a title with no body', bytes: new TextEncoder().encode('# 东风浩荡春如海\n\n安源区 安源区\n'), code: 'validation-failed', message: 'x.txt: validation failed: field paragraphs: must hold at least one paragraph (and 1 more issue)' },
    { name: 'no Chinese prose', bytes: new TextEncoder().encode('README\n\nNothing here.\n'), code: 'unknown-format', message: 'x.txt: unknown format: no Chinese prose paragraph found' },
  ])('refuses $name', ({ bytes, code, message }) => {
    expect(() => importBytes(bytes, 'x.txt')).toThrow(ImportError)
    expect(() => importBytes(bytes, 'x.txt')).toThrow(message)
    try {
      importBytes(bytes, 'x.txt')
    } catch (error) {
      expect((error as ImportError).code).toBe(code)
    }
  })
})

describe('importDocument: what the dry run does not show', () => {
  it('001: keeps the blanket photo credit and places captions where they were printed', () => {
    const article = importBytes(new Uint8Array(readSeed('001_14f00e902adda0b7')))
    expect(article.defaultCredit).toBe('图片除署名外由安源区委宣传部提供')
    expect(article.captions.map((caption) => [caption.text, caption.position])).toEqual([
      ['安源区中心城区面貌焕然一新', 0],
      ['伯乐智能公司的工人正在进行注塑机的整机组装', 6],
      ['青山傍居 秀美村庄', 8],
      ['村民脸上洋溢着丰收的喜悦', 8],
      ['学生在安源路矿工人纪念馆开展红色研学活动', 12],
      ['景美人 喜迎客来', 12],
    ])
    // The caption that cut "…数字政府副 | 新成果…" now follows the rejoined paragraph.
    expect(article.blocks[5]?.text).toContain('入选2024数字政府副新成果与实践案例;')
    expect(article.blocks).toHaveLength(12)
  })

  it('002: keeps the tags and interleaves headings with paragraphs in the blocks', () => {
    const article = importBytes(new Uint8Array(readSeed('002_fc1cb624369e9f26')))
    expect(article.tags).toEqual(['萍乡日报新闻'])
    expect(article.blocks.map((block) => block.type).join(',')).toBe(
      ['paragraph,'.repeat(9), 'heading,', 'paragraph,'.repeat(5), 'heading,', 'paragraph,'.repeat(6), 'heading,', 'paragraph,'.repeat(10)].join('').slice(0, -1),
    )
    expect(buildLexicalBody(article.blocks).root.children[9]).toMatchObject({ type: 'heading', tag: 'h2', children: [{ text: '产业转型升级跑出加速度' }] })
  })

  it('004: the warnings carry their places', () => {
    const article = importBytes(new Uint8Array(readSeed('004_1a09796742693f37')))
    expect(article.warnings.map((warning) => [warning.kind, warning.severity, warning.paragraph, warning.line])).toEqual([
      ['pinyin-removed', 'info', undefined, 1],
      ['mojibake', 'warning', undefined, undefined],
      ['mojibake', 'warning', 0, undefined],
      ['mojibake', 'warning', 3, undefined],
      ['elision', 'info', undefined, undefined],
      ['summary-duplicate', 'info', 0, undefined],
    ])
  })
})

describe('importDocument: a page without a headline', () => {
  it('imports it with title null and a missing-title warning instead of refusing it', () => {
    const article = importBytes(new TextEncoder().encode('安源区坚持以人民为中心，推动高质量发展。\n'), 'x.txt')
    expect(article.title).toBeNull()
    expect(article.paragraphs).toEqual(['安源区坚持以人民为中心，推动高质量发展。'])
    expect(article.warnings.map((warning) => warning.kind)).toEqual(['missing-title'])
  })

  it('keeps every line it leaves out, with the reason', () => {
    const article = importBytes(new TextEncoder().encode('首页 > 新闻中心 > 正文\n安源区举办招聘会\n来源：萍乡日报\n安源区坚持以人民为中心，推动高质量发展。\n分享到：\n'), 'x.txt')
    expect(article.title).toBe('安源区举办招聘会')
    expect(article.droppedLines.map(({ line, reason }) => ({ line, reason }))).toEqual([
      { line: 1, reason: 'page chrome: chrome words' },
      { line: 3, reason: 'metadata' },
      { line: 5, reason: 'page chrome: chrome words' },
    ])
  })
})
