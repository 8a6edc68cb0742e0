import { describe, expect, it } from 'vitest'
import { splitLines } from '../../src/importer/parse/splitLines'
import { decodeHtmlEntities, stripInlineMarkup } from '../../src/importer/parse/stripInlineMarkup'

describe('stripInlineMarkup', () => {
  it.each([
    { name: 'bold and links', text: '发展**莲子加工**，见[报道](http://a.b/c)', expected: '发展莲子加工，见报道' },
    { name: 'inline HTML and entities', text: '<strong>今年以来</strong>&nbsp;新签约&amp;投产', expected: '今年以来 新签约&投产' },
    { name: 'an inline image', text: '荷塘![图](a.jpg)美景', expected: '荷塘美景' },
    { name: 'near miss: a lone asterisk stays', text: '5*3 的方阵', expected: '5*3 的方阵' },
    { name: 'no markup: spaces and tabs still collapse, ends trimmed', text: ' 安源区\t\t新签约   项目 ', expected: '安源区 新签约 项目' },
    { name: 'an underscore pair is markup', text: '__重点__项目', expected: '重点项目' },
  ])('$name', ({ text, expected }) => {
    expect(stripInlineMarkup(text)).toBe(expected)
  })

  it('decodes numeric entities', () => {
    expect(decodeHtmlEntities('&#23433;&#x6E90;&unknown;')).toBe('安源&unknown;')
  })
})

describe('splitLines', () => {
  it('trims ideographic indentation and counts the blank lines before each line', () => {
    expect(splitLines('标题\n\n\n　　正文。\n \n下一段。')).toEqual([
      { text: '标题', line: 1, gapBefore: 0 },
      { text: '正文。', line: 4, gapBefore: 2 },
      { text: '下一段。', line: 6, gapBefore: 1 },
    ])
  })
})
