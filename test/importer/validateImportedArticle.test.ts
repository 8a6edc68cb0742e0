import { describe, expect, it } from 'vitest'
import { ImportError } from '../../src/importer/importError'
import type { ImportedArticle } from '../../src/importer/validate/schema'
import { validateImportedArticle } from '../../src/importer/validate/validateImportedArticle'

const valid: ImportedArticle = {
  format: 'plain',
  encoding: 'utf-8',
  script: 'zh-Hans',
  title: '砥砺奋进春意浓',
  subtitle: null,
  summary: null,
  originalPublishedAt: '2022-01-03T07:00:29+08:00',
  source: null,
  sourceUrl: 'http://example.com/a?b=1',
  authors: [],
  photographers: [],
  defaultCredit: null,
  districts: ['湘东区'],
  tags: [],
  sectionHeadings: [],
  captions: [{ text: '招聘会现场', credit: null, position: 1 }],
  paragraphs: ['湘东区坚定方向不动摇。'],
  blocks: [{ type: 'paragraph', text: '湘东区坚定方向不动摇。' }],
  warnings: [],
  droppedLines: [],
}

describe('validateImportedArticle', () => {
  it('returns a valid article as it is', () => {
    expect(validateImportedArticle(valid, 'a.txt')).toEqual(valid)
  })

  it('accepts an article without a headline (title null): an editor writes it later', () => {
    expect(validateImportedArticle({ ...valid, title: null }, 'a.txt').title).toBeNull()
  })

  it.each([
    { name: 'a blank title', change: { title: '   ' }, message: 'a.txt: validation failed: field title: must not be empty' },
    { name: 'no paragraphs', change: { paragraphs: [], blocks: [{ type: 'heading', text: '小节' }] }, message: 'a.txt: validation failed: field paragraphs: must hold at least one paragraph' },
    { name: 'a date without the China offset', change: { originalPublishedAt: '2022-01-03T07:00:29Z' }, message: 'a.txt: validation failed: field originalPublishedAt: must be ISO 8601 with a +08:00 offset' },
    { name: 'a protocol-relative source URL', change: { sourceUrl: '//example.com/a' }, message: 'a.txt: validation failed: field sourceUrl: must be an absolute http(s) URL' },
    { name: 'a caption placed past the end', change: { captions: [{ text: '图', credit: null, position: 5 }] }, message: 'a.txt: validation failed: field captions: a caption position points past the last block' },
    { name: 'two problems', change: { title: '', format: 'docx' }, message: "a.txt: validation failed: field format: Invalid option: expected one of \"markdown\"|\"print-layout\"|\"jekyll\"|\"plain\"|\"portal-page\" (and 1 more issue)" },
  ])('refuses $name with one line naming the field', ({ change, message }) => {
    expect(() => validateImportedArticle({ ...valid, ...change }, 'a.txt')).toThrow(new ImportError('validation-failed', 'a.txt', message))
  })
})
