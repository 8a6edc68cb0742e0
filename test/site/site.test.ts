import { describe, expect, it } from 'vitest'

import type { ReaderImage } from '../../src/site/readerImage'

import { formatBeijingTime } from '../../src/site/formatBeijingTime'
import { buildArticlePreviewUrl, PREVIEW_PATH_PREFIXES } from '../../src/site/previewPath'
import { buildSrcSet, pickFallbackUrl } from '../../src/site/readerImage'
import { buildLocalePath } from '../../src/site/siteLocales'
import { orderCaptions } from '../../src/site/orderCaptions'
import { showInScript } from '../../src/site/siteText'
import { getStoryTimes, sortLatestFirst } from '../../src/site/storyTime'

describe('formatBeijingTime', () => {
  it.each([
    { name: 'UTC evening is the next morning in Beijing', iso: '2022-01-02T23:00:29.000Z', locale: 'zh-Hans' as const, expected: '2022年1月3日 07:00' },
    { name: 'an offset time keeps its instant', iso: '2020-11-27T15:34:00+08:00', locale: 'zh-Hans' as const, expected: '2020年11月27日 15:34' },
    { name: 'midnight is 00, not 24', iso: '2024-04-30T16:00:00.000Z', locale: 'zh-Hans' as const, expected: '2024年5月1日 00:00' },
    { name: 'traditional script, same digits', iso: '2024-05-01T01:30:00.000Z', locale: 'zh-Hant' as const, expected: '2024年5月1日 09:30' },
    { name: 'no time', iso: null, locale: 'zh-Hans' as const, expected: null },
    { name: 'an unreadable time', iso: 'yesterday', locale: 'zh-Hans' as const, expected: null },
  ])('$name', ({ iso, locale, expected }) => {
    expect(formatBeijingTime(iso, locale)).toBe(expected)
  })
})

const file = (name: string, width: number | null, format = 'jpg') => ({
  url: width ? `/api/photos/file/p-${name}-${width}.${format}` : null,
  width,
  height: width ? Math.round((width * 2) / 3) : null,
  mimeType: width ? `image/${format === 'jpg' ? 'jpeg' : format}` : null,
})
const image = (widths: { thumbnail: number | null; card: number | null; hero: number | null }): ReaderImage => ({
  url: '/api/photos/file/p.jpg',
  width: 1800,
  height: 1200,
  mimeType: 'image/jpeg',
  alt: '图',
  placeholder: null,
  dominantColor: '#336699',
  focalX: 50,
  focalY: 50,
  sizes: {
    thumbnail: file('thumbnail', widths.thumbnail),
    thumbnailWebp: file('thumbnail-webp', widths.thumbnail, 'webp'),
    card: file('card', widths.card),
    cardWebp: file('card-webp', widths.card, 'webp'),
    hero: file('hero', widths.hero),
    heroWebp: file('hero-webp', widths.hero, 'webp'),
  },
})

describe('buildSrcSet', () => {
  it.each([
    {
      name: 'every size, narrowest first, in the upload’s format',
      image: image({ thumbnail: 320, card: 768, hero: 1600 }),
      format: 'original' as const,
      expected: '/api/photos/file/p-thumbnail-320.jpg 320w, /api/photos/file/p-card-768.jpg 768w, /api/photos/file/p-hero-1600.jpg 1600w',
    },
    {
      name: 'the WebP files only',
      image: image({ thumbnail: 320, card: 768, hero: 1600 }),
      format: 'webp' as const,
      expected:
        '/api/photos/file/p-thumbnail-webp-320.webp 320w, /api/photos/file/p-card-webp-768.webp 768w, /api/photos/file/p-hero-webp-1600.webp 1600w',
    },
    {
      name: 'a small photo never enlarged: one entry per width',
      image: image({ thumbnail: 320, card: 500, hero: 500 }),
      format: 'original' as const,
      expected: '/api/photos/file/p-thumbnail-320.jpg 320w, /api/photos/file/p-card-500.jpg 500w',
    },
    { name: 'a size without a file is left out', image: image({ thumbnail: null, card: 768, hero: null }), format: 'webp' as const, expected: '/api/photos/file/p-card-webp-768.webp 768w' },
    { name: 'no files at all', image: image({ thumbnail: null, card: null, hero: null }), format: 'original' as const, expected: '' },
  ])('$name', ({ image: input, format, expected }) => {
    expect(buildSrcSet(input, format)).toBe(expected)
  })

  it('falls back to the original when the card size has no file', () => {
    expect(pickFallbackUrl(image({ thumbnail: 320, card: 768, hero: 1600 }))).toBe('/api/photos/file/p-card-768.jpg')
    expect(pickFallbackUrl(image({ thumbnail: null, card: null, hero: null }))).toBe('/api/photos/file/p.jpg')
  })
})

describe('site URLs', () => {
  it.each([
    { name: 'simplified is the bare path', path: '/news/a-b', locale: 'zh-Hans' as const, expected: '/news/a-b' },
    { name: 'traditional adds ?locale', path: '/news/a-b', locale: 'zh-Hant' as const, expected: '/news/a-b?locale=zh-Hant' },
    { name: 'a fragment is kept after the query', path: '/#anyuan', locale: 'zh-Hant' as const, expected: '/?locale=zh-Hant#anyuan' },
  ])('buildLocalePath: $name', ({ path, locale, expected }) => {
    expect(buildLocalePath(path, locale)).toBe(expected)
  })

  it.each([
    { name: 'a UUID (SQLite)', id: '9856c7f5-0282-4950-992f-5cd7289eafbd', locale: 'zh-Hans', expected: 'http://cms.example/preview/articles/9856c7f5-0282-4950-992f-5cd7289eafbd' },
    { name: 'an ObjectID (MongoDB), traditional', id: '66f1c0ffee0000000000abcd', locale: 'zh-Hant', expected: 'http://cms.example/preview/articles/66f1c0ffee0000000000abcd?locale=zh-Hant' },
    { name: 'an unknown locale is left out', id: 'x1', locale: 'en', expected: 'http://cms.example/preview/articles/x1' },
    { name: 'a document not saved yet', id: undefined, locale: 'zh-Hans', expected: null },
    { name: 'an empty id', id: '', locale: 'zh-Hans', expected: null },
  ])('buildArticlePreviewUrl: $name', ({ id, locale, expected }) => {
    expect(buildArticlePreviewUrl('http://cms.example/', id, locale)).toBe(expected)
  })

  it('marks the public and the internal preview paths', () => {
    expect(PREVIEW_PATH_PREFIXES).toEqual(['/preview', '/zh-Hans/preview', '/zh-Hant/preview'])
  })
})

describe('showInScript', () => {
  it.each([
    { name: 'district names in traditional script', text: '芦溪县', locale: 'zh-Hant' as const, expected: '蘆溪縣' },
    { name: 'unchanged in simplified', text: '芦溪县', locale: 'zh-Hans' as const, expected: '芦溪县' },
  ])('$name', ({ text, locale, expected }) => {
    expect(showInScript(text, locale)).toBe(expected)
  })
})

describe('latest first', () => {
  const story = (name: string, originalPublishedAt: string | null, updatedAt: string) => ({ name, originalPublishedAt, updatedAt })

  it.each([
    {
      name: 'an imported story: its original date, not the day it was imported and published here',
      story: story('a', '2022-01-03T07:00:00+08:00', '2026-01-01T00:00:05Z'),
      publications: { first: '2026-01-01T00:00:00Z', last: '2026-01-01T00:00:00Z' },
      times: { published: '2022-01-03T07:00:00+08:00', updated: null },
    },
    {
      name: 'a story written here: when it first went live, not its last save',
      story: story('b', null, '2026-01-01T00:00:03Z'),
      publications: { first: '2026-01-01T00:00:00Z', last: '2026-01-01T00:00:00Z' },
      times: { published: '2026-01-01T00:00:00Z', updated: null },
    },
    {
      name: 'published again a day later: 发布时间 and 更新时间',
      story: story('c', null, '2026-01-02T00:00:00Z'),
      publications: { first: '2026-01-01T00:00:00Z', last: '2026-01-02T00:00:00Z' },
      times: { published: '2026-01-01T00:00:00Z', updated: '2026-01-02T00:00:00Z' },
    },
    {
      name: 'no audit trail (a draft preview): its last save',
      story: story('e', null, '2026-01-01T00:00:00Z'),
      publications: undefined,
      times: { published: '2026-01-01T00:00:00Z', updated: null },
    },
  ])('$name', ({ story: dated, publications, times }) => {
    expect(getStoryTimes(dated, publications)).toEqual(times)
  })

  it('merges dated and undated stories by the time shown, newest first, up to the limit', () => {
    const stories = [
      story('print 2022', '2022-01-02T23:00:00Z', '2026-01-05T00:00:00Z'),
      story('print 2020', '2020-11-27T07:34:00Z', '2026-01-06T00:00:00Z'),
      story('web, saved 2025', null, '2025-03-01T00:00:00Z'),
      story('web, saved 2021', null, '2021-06-01T00:00:00Z'),
    ]
    expect(sortLatestFirst(stories, 3).map((s) => s.name)).toEqual(['web, saved 2025', 'print 2022', 'web, saved 2021'])
  })

  it('orders a story written here by its first publish, not a later save', () => {
    const stories = [story('print 2022', '2022-01-02T23:00:00Z', '2026-01-05T00:00:00Z'), story('web, first live 2021, edited 2026', null, '2026-02-01T00:00:00Z')]
    const publications = { first: '2021-06-01T00:00:00Z', last: '2026-02-01T00:00:00Z' }
    const publicationsOf = (s: { name: string }) => (s.name.startsWith('web') ? publications : undefined)
    expect(sortLatestFirst(stories, 2, publicationsOf).map((s) => s.name)).toEqual(['print 2022', 'web, first live 2021, edited 2026'])
  })
})

describe('orderCaptions', () => {
  const caption = (name: string, position: number | null, createdAt: string) => ({ name, position, createdAt })

  it('orders by position, and captions sharing one by when they were written', () => {
    const captions = [
      caption('青山中医药养生小镇', 22, '2026-01-01T00:00:03Z'),
      caption('安源景区', 22, '2026-01-01T00:00:00Z'),
      caption('first', 0, '2026-01-01T00:00:09Z'),
      caption('世纪广场', 22, '2026-01-01T00:00:01Z'),
      caption('no position counts as 0', null, '2026-01-01T00:00:10Z'),
    ]
    expect(orderCaptions(captions).map((c) => c.name)).toEqual(['first', 'no position counts as 0', '安源景区', '世纪广场', '青山中医药养生小镇'])
  })
})
