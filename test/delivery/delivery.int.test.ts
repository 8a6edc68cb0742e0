import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi, type TestUser, signedInAs } from '../support/api'
import { createArticleAt } from '../support/articles'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { publishOverWarningsAs } from '../support/publishing'

interface Notice {
  path: string
  body: { slugs: string[]; event: string }
}

/** A local webhook receiver: records every POST; `/slow` never answers (the save must not wait for it). */
async function startReceiver() {
  const notices: Notice[] = []
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      notices.push({ path: req.url ?? '', body: JSON.parse(raw) })
      if (req.url === '/slow') return
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, notices, close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => undefined) }
}

const waitFor = async (check: () => boolean, timeoutMs = 3000) => {
  const until = Date.now() + timeoutMs
  while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20))
}

/** The delivery API as a front end uses it: caching headers, fresh reads, webhooks, OpenAPI, CORS, query recipes. */
describe('delivery API', () => {
  let server: TestServer
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let noticesFromImport: unknown[] = []
  let chief: TestUser
  const FRONT_END = 'https://www.pxnews.example'

  beforeAll(async () => {
    receiver = await startReceiver()
    server = await startTestServer('delivery', {
      env: {
        SEED_ON_START: 'true',
        CORS_ORIGINS: `${FRONT_END}, https://app.pxnews.example`,
        // The dead URL and the one that never answers must not delay or fail a save.
        REVALIDATE_WEBHOOK_URLS: `${receiver.url}/hook,${receiver.url}/slow,http://127.0.0.1:9/refused`,
      },
    })
    await signedInAs(server, 'admin')
    chief = await signedInAs(server, 'chief-editor')
    // The seeds arrive as drafts (the importer's saves call no webhook: checked below); publish them as a chief editor would.
    await new Promise((resolve) => setTimeout(resolve, 300))
    noticesFromImport = [...receiver.notices]
    const seeds = await server.payload.find({ collection: 'articles', overrideAccess: true, limit: 100, draft: true })
    for (const doc of seeds.docs) {
      await publishOverWarningsAs(server.payload, String(doc.id), '测试：种子稿件按原样发布')
    }
  })
  afterAll(async () => {
    await stopTestServer(server)
    await receiver?.close()
  })

  describe('HTTP caching', () => {
    it('an anonymous list carries a strong ETag and public, must-revalidate; If-None-Match gets 304 with no body', async () => {
      const first = await callApi(server.url, '/api/articles?limit=2')
      expect(first.status).toBe(200)
      const etag = first.headers.get('etag')
      expect(etag).toMatch(/^"[\w-]{27}"$/)
      expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
      const again = await fetch(`${server.url}/api/articles?limit=2`, { headers: { 'if-none-match': etag! } })
      expect(again.status).toBe(304)
      expect(await again.text()).toBe('')
      expect(again.headers.get('etag')).toBe(etag)
    })

    it.each(['/api/captions', '/api/photos', '/api/districts?limit=3'])('%s is cacheable too', async (path) => {
      const { status, headers } = await callApi(server.url, path)
      expect(status).toBe(200)
      expect(headers.get('etag')).toMatch(/^"/)
      expect(headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    })

    it('a signed-in request gets private, no-store and no ETag', async () => {
      const { status, headers } = await callApi(server.url, '/api/articles?limit=2', { token: chief.token })
      expect(status).toBe(200)
      expect(headers.get('cache-control')).toBe('private, no-store')
      expect(headers.get('etag')).toBeNull()
    })

    it('a publish, a live edit and an unpublish are each visible on the very next request, with a new ETag', async () => {
      const article = await createArticleAt(server.payload, 'approved', { title: '缓存测试稿件' })
      const path = `/api/articles?where[id][equals]=${article.id}`
      const before = await callApi(server.url, path)
      expect(before.body.docs).toHaveLength(0)

      const published = await callApi(server.url, `/api/articles/${article.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'publish' } })
      expect(published.status).toBe(200)
      const live = await fetch(`${server.url}${path}`, { headers: { 'if-none-match': before.headers.get('etag')! } })
      expect(live.status).toBe(200)
      expect((await live.json()).docs[0].title).toBe('缓存测试稿件')

      await callApi(server.url, `/api/articles/${article.id}`, { method: 'PATCH', token: chief.token, body: { title: '缓存测试稿件（更新）' } })
      const edited = await fetch(`${server.url}${path}`, { headers: { 'if-none-match': live.headers.get('etag')! } })
      expect(edited.status).toBe(200)
      expect((await edited.json()).docs[0].title).toBe('缓存测试稿件（更新）')

      const down = await callApi(server.url, `/api/articles/${article.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'unpublish', comment: '测试撤稿' } })
      expect(down.status).toBe(200)
      const after = await callApi(server.url, path)
      expect(after.body.docs).toHaveLength(0)
    })
  })

  describe('revalidation webhooks', () => {
    it('publish, live edit and unpublish each POST { slugs, event } without waiting for the receivers', async () => {
      const article = await createArticleAt(server.payload, 'approved', { title: '网络钩子测试' })
      const slug = (await server.payload.findByID({ collection: 'articles', id: article.id, overrideAccess: true, draft: true })).slug
      const hooked = () => receiver.notices.filter((notice) => notice.path === '/hook' && notice.body.slugs.includes(String(slug)))

      const started = Date.now()
      await callApi(server.url, `/api/articles/${article.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'publish' } })
      // The /slow receiver never answers: the save returned long before its 5 s timeout.
      expect(Date.now() - started).toBeLessThan(2500)
      await waitFor(() => hooked().length === 1)
      expect(hooked().map((notice) => notice.body)).toEqual([{ slugs: [slug], event: 'publish' }])

      const edited = await callApi(server.url, `/api/articles/${article.id}`, { method: 'PATCH', token: chief.token, body: { summary: '上线修改' } })
      expect(edited.body.doc._status).toBe('published')
      // A draft of the live story changes nothing readers see: no call.
      await callApi(server.url, `/api/articles/${article.id}?draft=true`, { method: 'PATCH', token: chief.token, body: { summary: '草稿修改' } })
      const down = await callApi(server.url, `/api/articles/${article.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'unpublish', comment: '测试' } })
      expect(down.status).toBe(200)
      await waitFor(() => hooked().length === 3)
      expect(hooked().map((notice) => notice.body.event)).toEqual(['publish', 'update', 'unpublish'])
      expect(receiver.notices.some((notice) => notice.path === '/slow')).toBe(true)
    })

    it('the importer and saves of stories that were never live call no webhook', async () => {
      const count = receiver.notices.length
      await createArticleAt(server.payload, 'in-review', { title: '未上线稿件' })
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(receiver.notices.length).toBe(count)
      // The seeds were imported at start with context.importing: no notice until they were published.
      const seedSlugs = (await server.payload.find({ collection: 'articles', overrideAccess: true, where: { 'provenance.sourceFile': { exists: true } } })).docs.map((doc) => doc.slug)
      expect(seedSlugs.length).toBeGreaterThan(0)
      expect(noticesFromImport).toEqual([])
    })
  })

  describe('OpenAPI', () => {
    it('documents the public list and by-id endpoints, generated from the collections, without internal fields', async () => {
      const { status, body, headers } = await callApi(server.url, '/api/openapi.json')
      expect(status).toBe(200)
      expect(headers.get('etag')).toMatch(/^"/)
      expect(body.openapi).toBe('3.1.0')
      expect(Object.keys(body.paths).sort()).toEqual(
        [...['articles', 'captions', 'districts', 'photos'].flatMap((slug) => [`/api/${slug}`, `/api/${slug}/{id}`]), '/api/search'].sort(),
      )
      const article = body.components.schemas.Articles.properties
      expect(Object.keys(article)).toEqual(expect.arrayContaining(['id', 'title', 'slug', 'districts', 'tags', 'originalPublishedAt', 'captions', '_status']))
      expect(article.provenance).toBeUndefined()
      expect(article.createdBy).toBeUndefined()
      expect(article.workflowHistory).toBeUndefined()
      expect(body.components.schemas.Users).toBeUndefined()
      expect(body.components.schemas.WorkflowEvents).toBeUndefined()
      expect(article.title.description).toMatch(/Localized/)
      expect(body.paths['/api/articles'].get.parameters.find((p: { name: string }) => p.name === 'locale').schema.enum).toEqual(['zh-Hans', 'zh-Hant'])
    })
  })

  describe('CORS', () => {
    it('a listed origin is echoed back, with the ETag exposed', async () => {
      const { headers } = await callApi(server.url, '/api/districts', { headers: { origin: FRONT_END } })
      expect(headers.get('access-control-allow-origin')).toBe(FRONT_END)
      expect(headers.get('access-control-expose-headers')).toContain('ETag')
      expect(headers.get('access-control-allow-credentials')).toBeNull()
    })

    it('an unlisted origin gets no CORS headers, also on a preflight', async () => {
      const { headers } = await callApi(server.url, '/api/districts', { headers: { origin: 'https://evil.example' } })
      expect(headers.get('access-control-allow-origin')).toBeNull()
      const preflight = await fetch(`${server.url}/api/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      })
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
      expect(preflight.headers.get('access-control-allow-methods')).toBeNull()
    })

    it('a preflight from a listed origin is allowed', async () => {
      const preflight = await fetch(`${server.url}/api/graphql`, {
        method: 'OPTIONS',
        headers: { origin: FRONT_END, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      })
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get('access-control-allow-origin')).toBe(FRONT_END)
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
    })
  })

  describe('query recipes', () => {
    const publicArticles = async () =>
      (await server.payload.find({ collection: 'articles', where: { _status: { equals: 'published' } }, limit: 100, depth: 1, overrideAccess: true })).docs

    it('latest articles: newest original publication first', async () => {
      const { body } = await callApi(server.url, '/api/articles?sort=-originalPublishedAt&limit=3&depth=0')
      const dates = body.docs.map((doc: { originalPublishedAt: string }) => doc.originalPublishedAt).filter(Boolean)
      expect(dates.length).toBeGreaterThan(1)
      expect([...dates].sort().reverse()).toEqual(dates)
    })

    it('by district slug, through the relationship', async () => {
      const expected = (await publicArticles()).filter((doc) => (doc.districts ?? []).some((d) => typeof d === 'object' && d.slug === 'anyuan'))
      expect(expected.length).toBeGreaterThan(0)
      const { status, body } = await callApi(server.url, '/api/articles?where[districts.slug][equals]=anyuan&limit=10&depth=1')
      expect(status).toBe(200)
      expect(body.docs.map((doc: { id: string }) => doc.id).sort()).toEqual(expected.map((doc) => doc.id).sort())
    })

    it('at depth 1 a story embeds its districts with the fields OpenAPI lists for an embedded district, photos likewise', async () => {
      const { body } = await callApi(server.url, '/api/articles?where[districts.slug][equals]=anyuan&limit=1&depth=1')
      const district = body.docs[0].districts.find((d: { slug?: string }) => d.slug === 'anyuan')
      const { schemas } = (await callApi(server.url, '/api/openapi.json')).body.components
      expect(Object.keys(district).sort()).toEqual(Object.keys(schemas.DistrictsPopulated.properties).sort())
      expect(district).toMatchObject({ name: '安源区', code: '360302', level: 'district' })
      expect(district.parent).toBeUndefined()
      expect(schemas.Articles.properties.heroPhoto.anyOf[0].oneOf[1]).toEqual({ $ref: '#/components/schemas/PhotosPopulated' })
      expect(Object.keys(schemas.PhotosPopulated.properties)).toEqual(expect.arrayContaining(['id', 'alt', 'url', 'sizes', 'placeholder']))
      expect(schemas.PhotosPopulated.properties.cameraMake).toBeUndefined()
    })

    it('by tag', async () => {
      const tagged = (await publicArticles()).find((doc) => (doc.tags ?? []).length > 0)
      const tag = tagged?.tags?.[0]
      expect(tag).toBeTruthy()
      const { body } = await callApi(server.url, `/api/articles?where[tags][equals]=${encodeURIComponent(tag!)}&depth=0`)
      expect(body.docs.map((doc: { id: string }) => doc.id)).toContain(tagged!.id)
      for (const doc of body.docs) expect(doc.tags).toContain(tag)
    })

    it('by date range on the original publication time', async () => {
      const all = await publicArticles()
      const dated = all.filter((doc) => doc.originalPublishedAt).map((doc) => doc.originalPublishedAt!).sort()
      const [from, to] = [dated[0]!, dated[Math.floor(dated.length / 2)]!]
      const { body } = await callApi(
        server.url,
        `/api/articles?where[originalPublishedAt][greater_than_equal]=${from}&where[originalPublishedAt][less_than_equal]=${to}&depth=0&limit=100`,
      )
      expect(body.docs.length).toBe(dated.filter((date) => date >= from && date <= to).length)
    })

    it('one by slug, at depth 1 with its captions, trimmed with select', async () => {
      // A story with districts: MongoDB leaves an empty array out of the document, so select would not list it.
      const first = (await publicArticles()).find((doc) => (doc.districts ?? []).length > 0)
      const { body } = await callApi(
        server.url,
        `/api/articles?where[slug][equals]=${first!.slug}&depth=1&limit=1&select[title]=true&select[slug]=true&select[captions]=true&select[districts]=true&populate[districts][name]=true&populate[districts][slug]=true`,
      )
      expect(body.docs).toHaveLength(1)
      const doc = body.docs[0]
      expect(Object.keys(doc).sort()).toEqual(['captions', 'districts', 'id', 'slug', 'title'])
      expect(doc.districts.every((d: Record<string, unknown>) => Object.keys(d).sort().join() === 'id,name,slug')).toBe(true)
      expect(Array.isArray(doc.captions.docs)).toBe(true)
    })

    it('zh-Hant with fallback: a title written in zh-Hans only falls back to it', async () => {
      const article = await createArticleAt(server.payload, 'published', { title: '只有简体标题' })
      const hant = await callApi(server.url, `/api/articles/${article.id}?locale=zh-Hant&depth=0`)
      expect(hant.body.title).toBe('只有简体标题')
      const none = await callApi(server.url, `/api/articles/${article.id}?locale=zh-Hant&fallback-locale=none&depth=0`)
      expect(none.body.title ?? null).toBeNull()
    })
  })
})
