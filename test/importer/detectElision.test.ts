import { describe, expect, it } from 'vitest'
import { detectElision, isElisionParagraph, isTruncated } from '../../src/importer/normalise/detectElision'
import { detectSummaryDuplicate } from '../../src/importer/normalise/detectSummaryDuplicate'

describe('isElisionParagraph', () => {
  it.each([
    { text: '……', expected: true },
    { text: '......', expected: true },
    { text: '. . .', expected: false },
    { text: '踏歌行来，是这样一座生机勃勃的小城……', expected: false },
  ])('"$text" → $expected', ({ text, expected }) => {
    expect(isElisionParagraph(text)).toBe(expected)
  })
})

describe('isTruncated', () => {
  it.each([
    { name: 'three dots after a space', text: '處處涌動 ...', expected: true },
    { name: 'three dots after a character', text: '處處涌動...', expected: true },
    { name: 'an ellipsis after a space', text: '處處涌動 …', expected: true },
    { name: 'near miss: a six-dot ellipsis ending a list', text: '悅米智能、中雷科技......', expected: false },
    { name: 'near miss: a full-width ellipsis ending a list', text: '項目相繼落地……', expected: false },
  ])('$name → $expected', ({ text, expected }) => {
    expect(isTruncated(text)).toBe(expected)
  })
})

describe('detectElision', () => {
  it('warns about an ellipsis paragraph and a truncated summary, with their places', () => {
    const warnings = detectElision({ summary: '春華秋實,行走在安源的大地上,處處涌動 ...', paragraphs: ['前言。', '……', '后文。'] })
    expect(warnings.map((warning) => [warning.severity, warning.message, warning.paragraph])).toEqual([
      ['info', 'the summary is truncated', undefined],
      ['warning', 'an ellipsis paragraph: the source left text out here', 1],
    ])
  })
})

describe('detectSummaryDuplicate', () => {
  const paragraphs = ['新時代新征程。', '春華秋實,滿庭芬芳。行走在安源的大地上,處處涌動著發展的生機與活力。']
  it('notes a truncated summary that repeats a paragraph', () => {
    expect(detectSummaryDuplicate('春華秋實,滿庭芬芳。行走在安源的大地上,處處涌動 ...', paragraphs)).toMatchObject([{ kind: 'summary-duplicate', paragraph: 1 }])
  })
  it.each([
    { name: 'a summary of its own', summary: '安源區以項目建設為抓手推動高質量發展。' },
    { name: 'no summary', summary: null },
  ])('says nothing for $name', ({ summary }) => {
    expect(detectSummaryDuplicate(summary, paragraphs)).toEqual([])
  })
})
