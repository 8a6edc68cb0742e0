import { describe, expect, it } from 'vitest'

import { parseArticlePageQuery } from '../../src/delivery/fastReads/parseArticlePageQuery'

const options = { maxLimit: 100, defaultLocale: 'zh-Hans' }

/** Which query strings of GET /api/articles the fast path takes, and which it leaves to Payload. */
describe('parseArticlePageQuery', () => {
  it.each([
    { name: 'a district’s stories', query: 'where[districts.slug][equals]=anyuan&limit=10&depth=1', expected: { filter: { by: 'district', slug: 'anyuan' }, limit: 10, page: 1 } },
    { name: 'a district’s stories, page 2', query: 'where[districts.slug][equals]=anyuan&limit=10&depth=1&page=2', expected: { filter: { by: 'district', slug: 'anyuan' }, limit: 10, page: 2 } },
    { name: 'one story by slug', query: 'where[slug][equals]=bai-nian-an-yuan&limit=1&depth=1', expected: { filter: { by: 'slug', slug: 'bai-nian-an-yuan' }, limit: 1, page: 1 } },
    { name: 'a slug in Han characters, percent-encoded', query: 'where[slug][equals]=%E5%AE%89%E6%BA%90&limit=1&depth=1', expected: { filter: { by: 'slug', slug: '安源' }, limit: 1, page: 1 } },
    { name: 'brackets percent-encoded', query: 'where%5Bslug%5D%5Bequals%5D=a-b&limit=1&depth=1', expected: { filter: { by: 'slug', slug: 'a-b' }, limit: 1, page: 1 } },
    { name: 'the latest stories', query: 'limit=10&depth=1', expected: { filter: { by: 'latest' }, limit: 10, page: 1 } },
    { name: 'the default locale named', query: 'limit=10&depth=1&locale=zh-Hans', expected: { filter: { by: 'latest' }, limit: 10, page: 1 } },
    { name: 'the largest page allowed', query: 'limit=100&depth=1', expected: { filter: { by: 'latest' }, limit: 100, page: 1 } },
  ])('taken: $name', ({ query, expected }) => {
    expect(parseArticlePageQuery(query, options)).toEqual(expected)
  })

  it.each([
    { name: 'no depth', query: 'limit=10' },
    { name: 'depth 2', query: 'limit=10&depth=2' },
    { name: 'depth 01', query: 'limit=10&depth=01' },
    { name: 'no limit', query: 'depth=1' },
    { name: 'limit 0 (every story)', query: 'limit=0&depth=1' },
    { name: 'a limit over the maximum', query: 'limit=101&depth=1' },
    { name: 'page 0', query: 'limit=10&depth=1&page=0' },
    { name: 'a page that is not a number', query: 'limit=10&depth=1&page=x' },
    { name: 'a repeated parameter', query: 'limit=10&depth=1&depth=1' },
    { name: 'two conditions', query: 'where[slug][equals]=a&where[districts.slug][equals]=b&limit=10&depth=1' },
    { name: 'another operator', query: 'where[slug][like]=a&limit=10&depth=1' },
    { name: 'another field', query: 'where[title][equals]=a&limit=10&depth=1' },
    { name: 'an or', query: 'where[or][0][slug][equals]=a&limit=10&depth=1' },
    { name: 'an empty slug', query: 'where[slug][equals]=&limit=1&depth=1' },
    { name: 'the slug null', query: 'where[slug][equals]=null&limit=1&depth=1' },
    { name: 'a slug with a comma', query: 'where[slug][equals]=a,b&limit=1&depth=1' },
    { name: 'a slug with a space', query: 'where[slug][equals]=a+b&limit=1&depth=1' },
    { name: 'another locale', query: 'limit=10&depth=1&locale=zh-Hant' },
    { name: 'a fallback locale', query: 'limit=10&depth=1&fallback-locale=none' },
    { name: 'draft', query: 'limit=10&depth=1&draft=true' },
    { name: 'draft=false', query: 'limit=10&depth=1&draft=false' },
    { name: 'a sort', query: 'limit=10&depth=1&sort=title' },
    { name: 'a select', query: 'limit=10&depth=1&select[title]=true' },
    { name: 'populate', query: 'limit=10&depth=1&populate[districts][name]=true' },
    { name: 'joins', query: 'limit=10&depth=1&joins[captions][limit]=1' },
    { name: 'a where as JSON', query: 'where={"slug":{"equals":"a"}}&limit=10&depth=1' },
    { name: 'an unknown parameter', query: 'limit=10&depth=1&payload=1' },
  ])('left to Payload: $name', ({ query }) => {
    expect(parseArticlePageQuery(query, options)).toBeUndefined()
  })
})
