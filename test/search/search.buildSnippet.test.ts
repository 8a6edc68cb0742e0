import { describe, expect, it } from 'vitest'

import { buildSnippet } from '../../src/search/buildSnippet'

const filler = (count: number) => '萍乡市今年的工作会议在市里召开。'.repeat(count)

describe('buildSnippet', () => {
  it('marks the first occurrence near the top, in the script the text is written in', () => {
    expect(buildSnippet('安源煤礦的故事', ['煤矿'])).toBe('安源<mark>煤礦</mark>的故事')
  })

  it('finds a match deep in a long story (past the part folded first) and marks every occurrence in the passage', () => {
    const text = `${filler(200)}上栗烟花远销海外，上栗烟花名声在外。${filler(50)}`
    const snippet = buildSnippet(text, ['烟花'])
    expect(snippet.startsWith('…')).toBe(true)
    expect(snippet.match(/<mark>烟花<\/mark>/g)).toHaveLength(2)
    expect(snippet.endsWith('…')).toBe(true)
  })

  it('a match cut by the first prefix is still found where it is', () => {
    for (const at of [360, 380, 399, 401, 1590, 1610]) {
      const text = `${'一'.repeat(at)}傩舞${'二'.repeat(2000)}`
      expect(buildSnippet(text, ['傩舞'])).toContain('<mark>傩舞</mark>')
    }
  })

  it('without a match: the start of the text, escaped', () => {
    expect(buildSnippet(`<b>${filler(1)}</b>`, ['烟花'])).toBe(`&#60;b&#62;${filler(1)}&#60;/b&#62;`)
  })
})
