import { describe, expect, it } from 'vitest'
import { parseJekyll } from '../../src/importer/parse/parseJekyll'

describe('parseJekyll', () => {
  const post = [
    '---',
    'title: "安源区：释放领跑工业经济“核动能”"',
    'date: 2022-01-03 07:00:29 +0800',
    'categories: pingxiangribao',
    'tags: 萍乡日报新闻',
    '---',
    '<p>时代的潮流，浩浩荡荡，奔流不息。</p>',
    ' <p>产业转型升级跑出加速度</p>',
    ' <p>穿行于安源区工业园，热火朝天的建筑工地&amp;厂房车间。</p><p class="em_media">（文章来源：萍乡日报）</p>',
    '',
    '<http://example.com/news?id=1>',
    '',
    '[返回萍乡日报新闻](//example.com/category/a.html)｜[返回首页](//example.com/)',
  ].join('\n')

  it('reads the front matter', () => {
    expect(parseJekyll(post)).toMatchObject({
      title: '安源区：释放领跑工业经济“核动能”',
      originalPublishedAt: '2022-01-03T07:00:29+08:00',
      tags: ['萍乡日报新闻'],
      placeHints: ['pingxiangribao', '萍乡日报新闻'],
    })
  })

  it('reads <p> blocks with their source lines, a bare short <p> as a heading, and the source, link and footer as metadata', () => {
    const parsed = parseJekyll(post)
    expect(parsed.items).toEqual([
      { kind: 'paragraph', text: '时代的潮流，浩浩荡荡，奔流不息。', line: 7 },
      { kind: 'heading', text: '产业转型升级跑出加速度', line: 8 },
      { kind: 'paragraph', text: '穿行于安源区工业园，热火朝天的建筑工地&厂房车间。', line: 9 },
    ])
    expect([parsed.source, parsed.sourceUrl]).toEqual(['萍乡日报', 'http://example.com/news?id=1'])
  })
})
