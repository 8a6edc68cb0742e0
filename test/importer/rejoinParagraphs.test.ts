import { describe, expect, it } from 'vitest'
import type { ParsedItem } from '../../src/importer/parse/parsedDocument'
import { joinFragments } from '../../src/importer/normalise/joinFragments'
import { rejoinParagraphs } from '../../src/importer/normalise/rejoinParagraphs'

const paragraph = (text: string, line: number): ParsedItem => ({ kind: 'paragraph', text, line })
const caption = (text: string, line: number): ParsedItem => ({ kind: 'caption', text, credit: null, line })
const heading = (text: string, line: number): ParsedItem => ({ kind: 'heading', text, line })

describe('rejoinParagraphs', () => {
  it('rejoins a paragraph cut by a caption and puts the caption after it', () => {
    const { items, warnings } = rejoinParagraphs([
      paragraph('平台入选2024数字政府副', 25),
      caption('伯乐智能公司的工人', 29),
      paragraph('新成果与实践案例;并作交流发言。', 31),
      paragraph('此外,安源区始终坚持高效配置要素。', 33),
    ])
    expect(items).toEqual([
      paragraph('平台入选2024数字政府副新成果与实践案例;并作交流发言。', 25),
      caption('伯乐智能公司的工人', 29),
      paragraph('此外,安源区始终坚持高效配置要素。', 33),
    ])
    expect(warnings).toEqual([
      { kind: 'paragraph-rejoined', severity: 'info', message: 'rejoined a paragraph cut by a caption', snippet: '…024数字政府副|新成果与实践案例…', paragraph: 0, line: 31 },
    ])
  })

  it('rejoins a paragraph cut into three', () => {
    const { items } = rejoinParagraphs([paragraph('一是', 1), paragraph('二是', 3), paragraph('三是。', 5)])
    expect(items).toEqual([paragraph('一是二是三是。', 1)])
  })

  it.each([
    { name: 'a finished sentence', items: [paragraph('奔流不息。', 1), paragraph('乘风破浪。', 3)] },
    { name: 'a colon announcing a list', items: [paragraph('主要有三点：', 1), paragraph('一是加快建设。', 3)] },
  ])('leaves $name alone', ({ items }) => {
    expect(rejoinParagraphs(items)).toEqual({ items, warnings: [] })
  })

  it('reports a paragraph that stops mid-sentence before a heading as lost text, without joining across the heading', () => {
    const items = [paragraph('甲。', 1), paragraph('安源区积极', 3), heading('产业融合', 5), paragraph('发挥引导作用。', 7)]
    const result = rejoinParagraphs(items)
    expect(result.items).toEqual(items)
    expect(result.warnings).toMatchObject([{ kind: 'lost-text', paragraph: 1, line: 3 }])
  })
})

describe('joinFragments', () => {
  it.each([
    { head: '安源区积极', tail: '发挥引导作用', expected: '安源区积极发挥引导作用' },
    { head: 'the new digital', tail: 'platform', expected: 'the new digital platform' },
    { head: '入选2024', tail: '数字政府', expected: '入选2024数字政府' },
  ])('$head + $tail', ({ head, tail, expected }) => {
    expect(joinFragments(head, tail)).toBe(expected)
  })
})
