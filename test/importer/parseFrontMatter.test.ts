import { describe, expect, it } from 'vitest'
import { getFrontMatterList, parseFrontMatter } from '../../src/importer/parse/parseFrontMatter'

describe('parseFrontMatter', () => {
  it('reads scalars, quoted strings, inline and block lists, and where the body starts', () => {
    const text = [
      '---',
      'layout: post',
      'title: "安源区：释放领跑工业经济“核动能”"',
      "subtitle: 'it''s quoted'",
      'date: 2022-01-03 07:00:29 +0800',
      'categories: [pingxiangribao, anyuan]',
      'tags:',
      '  - 萍乡日报新闻',
      '  - 工业',
      '---',
      '<p>正文</p>',
    ].join('\n')
    const frontMatter = parseFrontMatter(text)
    expect(frontMatter?.fields).toEqual({
      layout: 'post',
      title: '安源区：释放领跑工业经济“核动能”',
      subtitle: "it's quoted",
      date: '2022-01-03 07:00:29 +0800',
      categories: ['pingxiangribao', 'anyuan'],
      tags: ['萍乡日报新闻', '工业'],
    })
    expect(text.slice(frontMatter!.bodyStart)).toBe('<p>正文</p>')
    expect(frontMatter!.bodyLine).toBe(11)
  })

  it.each([
    { name: 'no opening fence', text: 'title: x\n---\n' },
    { name: 'no closing fence', text: '---\ntitle: x\n' },
    { name: 'no key: value lines', text: '---\n随便写写\n---\n' },
  ])('is null with $name', ({ text }) => {
    expect(parseFrontMatter(text)).toBeNull()
  })

  it('reads a plain string of categories as space-separated words, as Jekyll does', () => {
    expect(getFrontMatterList({ categories: 'pingxiangribao anyuan' }, 'categories')).toEqual(['pingxiangribao', 'anyuan'])
  })
})
