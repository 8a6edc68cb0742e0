import { describe, expect, it } from 'vitest'
import { normaliseArticle } from '../../src/importer/normalise/normaliseArticle'
import { createEmptyMetadata, type ParsedDocument } from '../../src/importer/parse/parsedDocument'

const parsed: ParsedDocument = {
  ...createEmptyMetadata(),
  format: 'print-layout',
  title: '标题',
  photographers: ['郁佳敏'],
  items: [
    { kind: 'caption', text: '城区面貌', credit: '郁佳敏', line: 1 },
    { kind: 'paragraph', text: '岁月的车轮滚滚向前。', line: 3 },
    { kind: 'heading', text: '红色赓续', line: 5 },
    { kind: 'paragraph', text: '平台入选2024数字政府副', line: 7 },
    { kind: 'caption', text: '工人在组装', credit: '王五、李四', line: 9 },
    { kind: 'paragraph', text: '新成果与实践案例。', line: 11 },
    { kind: 'caption', text: '学生研学', credit: null, line: 13 },
  ],
  warnings: [{ kind: 'chrome-removed', severity: 'info', message: 'dropped a page fragment', snippet: '75年', line: 1 }],
}

describe('normaliseArticle', () => {
  const body = normaliseArticle(parsed, 'zh-Hans')

  it('builds blocks with the cut paragraph rejoined', () => {
    expect(body.blocks).toEqual([
      { type: 'paragraph', text: '岁月的车轮滚滚向前。' },
      { type: 'heading', text: '红色赓续' },
      { type: 'paragraph', text: '平台入选2024数字政府副新成果与实践案例。' },
    ])
    expect(body.paragraphs).toEqual(['岁月的车轮滚滚向前。', '平台入选2024数字政府副新成果与实践案例。'])
    expect(body.sectionHeadings).toEqual(['红色赓续'])
  })

  it('places each caption before the block it precedes', () => {
    expect(body.captions.map((caption) => [caption.text, caption.position])).toEqual([
      ['城区面貌', 0],
      ['工人在组装', 3],
      ['学生研学', 3],
    ])
  })

  it('collects photographers from the byline and every caption credit', () => {
    expect(body.photographers).toEqual(['郁佳敏', '王五', '李四'])
  })

  it('keeps the parser warnings first, then its own', () => {
    expect(body.warnings.map((warning) => [warning.kind, warning.paragraph])).toEqual([
      ['chrome-removed', undefined],
      ['paragraph-rejoined', 1],
    ])
  })
})
