import { describe, expect, it } from 'vitest'
import { detectMojibake, findMojibake } from '../../src/importer/normalise/detectMojibake'

describe('findMojibake', () => {
  it.each([
    { name: 'a ? among characters of the wrong script', text: '春華秋實,滿庭芬芳?偼顿Y25億元的萍鄉', script: 'zh-Hant' as const, found: ['?'] },
    { name: 'two ? close together merge into one stretch', text: '正因?yàn)椴黄椒?奮斗更顯艱辛', script: 'zh-Hant' as const, found: ['?yàn)椴黄椒?'] },
    { name: 'a replacement character', text: '安源区\ufffd\ufffd发展', script: 'zh-Hans' as const, found: ['\ufffd\ufffd'] },
    { name: 'the classic 锟斤拷', text: '标题锟斤拷锟斤拷', script: 'zh-Hans' as const, found: ['锟斤拷锟斤拷'] },
    { name: 'near miss: a half-width question mark ending a question', text: '怎么办?我们一起想办法。', script: 'zh-Hans' as const, found: [] },
    { name: 'near miss: a question mark before a quote', text: '“能行吗?”他问。', script: 'zh-Hans' as const, found: [] },
    { name: 'near miss: a Latin question', text: 'Why? Because.', script: 'zh-Hans' as const, found: [] },
    { name: 'near miss: a traditional character in simplified text without a ?', text: '萍鄉的发展', script: 'zh-Hans' as const, found: [] },
  ])('$name', ({ text, script, found }) => {
    expect(findMojibake(text, script).map((hit) => text.slice(hit.start, hit.end))).toEqual(found)
  })
})

describe('detectMojibake', () => {
  it('warns once per broken stretch, naming the field and the paragraph', () => {
    const warnings = detectMojibake({ title: '萍鄉:創新', subtitle: null, summary: '滿庭芬芳?偼顿Y25億元', paragraphs: ['安好。', '滿庭芬芳?偼顿Y25億元的萍鄉凱光'] }, 'zh-Hant')
    expect(warnings.map((warning) => [warning.message, warning.snippet, warning.paragraph])).toEqual([
      ['garbled characters in the summary (a wrong decoding upstream?)', '滿庭芬芳?偼顿Y25億…', undefined],
      ['garbled characters in the paragraph (a wrong decoding upstream?)', '滿庭芬芳?偼顿Y25億…', 1],
    ])
  })
})
