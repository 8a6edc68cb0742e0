import { describe, expect, it } from 'vitest'

import { joinFragmentEnds, joinFragmentRun, joinFragments } from '../../src/importer/normalise/joinFragments'

const fold = (fragments: string[]) => fragments.reduce((text, fragment) => joinFragments(text, fragment))

describe('joinFragmentRun', () => {
  it.each([
    { name: 'Chinese halves, no space', fragments: ['萍乡市安源区今年以来', '持续推进产业升级'] },
    { name: 'Latin words, one space', fragments: ['the quick', 'brown fox', 'jumps'] },
    { name: 'a number then a word', fragments: ['增长 5', 'percent', '。'] },
    { name: 'spaces at the joins are dropped, the ends kept', fragments: ['  开头 ', '  中间  ', ' 结尾  '] },
    { name: 'a blank fragment in the middle', fragments: ['word', '   ', 'next'] },
    { name: 'a single fragment is unchanged', fragments: ['  只有一段  '] },
  ])('$name: the same text as joining two at a time', ({ fragments }) => {
    expect(joinFragmentRun(fragments)).toBe(fold(fragments))
  })

  it('joins a paragraph cut into 20,000 lines to the same text as joining two at a time', () => {
    const fragments = Array.from({ length: 20_000 }, (_, index) => (index % 7 === 0 ? `word${index} ` : `第${index}行文字`))
    expect(joinFragmentRun(fragments)).toBe(fold(fragments))
  })
})

describe('joinFragmentEnds', () => {
  it('ends as the whole joined text ends', () => {
    const head = '很长的段落'.repeat(200)
    const joined = joinFragments(head, 'continued')
    const end = joinFragmentEnds(head, 'continued')
    expect(joined.endsWith(end)).toBe(true)
    expect(end.length).toBeLessThan(joined.length)
  })
})
