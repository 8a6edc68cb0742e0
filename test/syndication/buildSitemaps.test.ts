import { describe, expect, it } from 'vitest'

import { buildNewsSitemap, selectNewsSitemapStories } from '../../src/syndication/buildSitemaps'
import { escapeXml } from '../../src/syndication/xml'

const now = new Date('2026-12-04T03:00:00.000Z')
const story = (slug: string, publishedAt: string) => ({ slug, title: `标题 ${slug}`, publishedAt })

describe('Google News sitemap selection (last two days only)', () => {
  it.each([
    { name: 'published a minute ago', publishedAt: '2026-12-04T02:59:00.000Z', listed: true },
    { name: 'published exactly two days ago', publishedAt: '2026-12-02T03:00:00.000Z', listed: true },
    { name: 'a millisecond older than two days', publishedAt: '2026-12-02T02:59:59.999Z', listed: false },
    { name: 'first published years ago', publishedAt: '2022-01-02T23:00:29.000Z', listed: false },
    { name: 'dated in the future (an embargoed original time)', publishedAt: '2026-12-04T03:00:01.000Z', listed: false },
  ])('$name → listed: $listed', ({ publishedAt, listed }) => {
    expect(selectNewsSitemapStories([story('a', publishedAt)], now).length).toBe(listed ? 1 : 0)
  })

  it('newest first, at most 1,000', () => {
    const many = Array.from({ length: 1200 }, (_, index) => story(`s${index}`, new Date(now.getTime() - index * 60_000).toISOString()))
    const selected = selectNewsSitemapStories(many, now)
    expect(selected).toHaveLength(1000)
    expect(selected[0]!.slug).toBe('s0')
    expect(selected.at(-1)!.slug).toBe('s999')
  })

  it('escapes titles and keeps the news elements in the order Google documents', () => {
    const xml = buildNewsSitemap('https://news.example', '萍乡新闻', [{ slug: 'a-b', title: '“甲”&<乙>', publishedAt: '2026-12-04T02:00:00.000Z' }])
    expect(xml).toContain('<news:title>“甲”&amp;&lt;乙&gt;</news:title>')
    expect(xml).toMatch(/<news:publication><news:name>萍乡新闻<\/news:name><news:language>zh-cn<\/news:language><\/news:publication><news:publication_date>2026-12-04T02:00:00.000Z<\/news:publication_date><news:title>/)
  })
})

describe('escapeXml', () => {
  it.each([
    { name: 'markup', input: 'a<b>&"c\'', output: 'a&lt;b&gt;&amp;&quot;c&apos;' },
    { name: 'control characters XML 1.0 forbids', input: 'a\u0001b\u000bc', output: 'abc' },
    { name: 'tabs, newlines and astral characters kept', input: 'a\tb\n𠀀', output: 'a\tb\n𠀀' },
  ])('$name', ({ input, output }) => {
    expect(escapeXml(input)).toBe(output)
  })
})
