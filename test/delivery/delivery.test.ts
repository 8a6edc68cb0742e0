import { describe, expect, it } from 'vitest'

import { fieldSignedIn } from '../../src/access/fieldSignedIn'
import { computeEtag, isEtagMatch } from '../../src/http/computeEtag'
import { omitNewsroomOnlyFields } from '../../src/delivery/omitNewsroomOnlyFields'
import { getRevalidationEvent } from '../../src/delivery/revalidateArticle'
import { isPublicReadPath } from '../../src/http/withHttpCaching'
import { parseEnv } from '../../src/env'

describe('isEtagMatch', () => {
  const etag = computeEtag('{"docs":[]}')
  it.each([
    { name: 'the same tag', header: etag, match: true },
    { name: 'in a list', header: `"other", ${etag}`, match: true },
    { name: 'weak form of the same tag', header: `W/${etag}`, match: true },
    { name: 'any', header: '*', match: true },
    { name: 'another tag', header: '"abc"', match: false },
    { name: 'no header', header: null, match: false },
  ])('$name', ({ header, match }) => expect(isEtagMatch(header, etag)).toBe(match))
})

describe('getRevalidationEvent', () => {
  it.each([
    { name: 'going live', wasLive: false, isLive: true, draftSave: false, event: 'publish' },
    { name: 'coming down', wasLive: true, isLive: false, draftSave: false, event: 'unpublish' },
    { name: 'edit of a live story', wasLive: true, isLive: true, draftSave: false, event: 'update' },
    { name: 'a draft of a live story (near miss of unpublish)', wasLive: true, isLive: false, draftSave: true, event: undefined },
    { name: 'a story never live', wasLive: false, isLive: false, draftSave: false, event: undefined },
  ])('$name', ({ wasLive, isLive, draftSave, event }) => expect(getRevalidationEvent(wasLive, isLive, draftSave)).toBe(event))
})

describe('omitNewsroomOnlyFields', () => {
  const collection = {
    fields: [
      { name: 'title', type: 'text' },
      { name: 'provenance', type: 'group', access: { read: fieldSignedIn }, fields: [] },
    ],
  }
  const run = (operation: string, args: Record<string, unknown>, user: unknown = null) =>
    (omitNewsroomOnlyFields as (a: unknown) => { select?: unknown })({ args, collection, operation, req: { user }, context: {} }).select
  it.each([
    { name: 'anonymous read without select', operation: 'read', args: {}, select: { provenance: false } },
    { name: 'anonymous read leaving fields out', operation: 'read', args: { select: { body: false } }, select: { body: false, provenance: false } },
    { name: 'anonymous read asking for fields (unchanged)', operation: 'read', args: { select: { title: true } }, select: { title: true } },
    { name: 'anonymous read asking for provenance (unchanged: field access strips it)', operation: 'read', args: { select: { provenance: true } }, select: { provenance: true } },
    { name: 'an empty select (unchanged: it asks for the id only)', operation: 'read', args: { select: {} }, select: {} },
    { name: 'a Local API read overriding access (unchanged)', operation: 'read', args: { overrideAccess: true }, select: undefined },
    { name: 'not a read (unchanged)', operation: 'update', args: {}, select: undefined },
  ])('$name', ({ operation, args, select }) => expect(run(operation, args)).toEqual(select))
  it('a signed-in read is left alone', () => expect(run('read', {}, { id: 'u1' })).toBeUndefined())
})

describe('isPublicReadPath', () => {
  it.each([
    { path: '/api/articles', cacheable: true },
    { path: '/api/articles/abc-123', cacheable: true },
    { path: '/api/districts/', cacheable: true },
    { path: '/api/photos/file/a.webp', cacheable: false },
    { path: '/api/articles/versions/1', cacheable: false },
    { path: '/api/users', cacheable: false },
    { path: '/api/workflow-events', cacheable: false },
    { path: '/api/articles/abc-123/ninjs', cacheable: true },
    { path: '/api/articles/by-slug/dong-feng/ninjs', cacheable: true },
    { path: '/api/articles/abc-123/transition', cacheable: false },
    { path: '/api/captions/abc-123/ninjs', cacheable: false },
  ])('$path', ({ path, cacheable }) => expect(isPublicReadPath(path)).toBe(cacheable))
})

describe('delivery environment', () => {
  it('parses comma-separated origins and webhook URLs', () => {
    const env = parseEnv({ CORS_ORIGINS: 'https://a.example, http://b.example:8080,', REVALIDATE_WEBHOOK_URLS: 'https://a.example/hook' })
    expect(env.CORS_ORIGINS).toEqual(['https://a.example', 'http://b.example:8080'])
    expect(env.REVALIDATE_WEBHOOK_URLS).toEqual(['https://a.example/hook'])
    expect(env.API_RATE_LIMIT_PER_MINUTE).toBe(600)
  })
  it.each([
    { name: 'an origin with a path', value: { CORS_ORIGINS: 'https://a.example/app' }, variable: 'CORS_ORIGINS' },
    { name: 'a webhook that is no URL', value: { REVALIDATE_WEBHOOK_URLS: 'not a url' }, variable: 'REVALIDATE_WEBHOOK_URLS' },
    { name: 'a negative rate limit', value: { API_RATE_LIMIT_PER_MINUTE: '-1' }, variable: 'API_RATE_LIMIT_PER_MINUTE' },
  ])('refuses $name', ({ value, variable }) => expect(() => parseEnv(value)).toThrow(`Invalid environment: ${variable}`))
})
