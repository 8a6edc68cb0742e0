import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { queueScheduledChange } from '../../src/workflow/scheduling/scheduledChanges'
import { callApi, type TestUser, signedInAs } from '../support/api'
import { createArticleAt } from '../support/articles'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { startWorkerProcess } from '../support/worker'
import { makePhoto } from '../support/photos'
import { publishAs } from '../support/publishing'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The delivery API's response cache (API_CACHE_MAX_MB, on by default): anonymous answers come from
 * memory while nothing public has changed, and every kind of write — by this server or by another
 * process on the same database — is visible on the very next anonymous request.
 */
describe('response cache', () => {
  let server: TestServer
  let admin: TestUser
  let chief: TestUser
  let reporter: TestUser

  beforeAll(async () => {
    server = await startTestServer('response-cache', { env: { JOBS_AUTORUN: 'false' } })
    admin = await signedInAs(server, 'admin')
    chief = await signedInAs(server, 'chief-editor')
    reporter = await signedInAs(server, 'reporter')
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  const anonymous = (pathAndQuery: string, headers: Record<string, string> = {}) => callApi(server.url, pathAndQuery, { headers })
  const storyPath = (id: string) => `/api/articles?where[id][equals]=${id}&depth=1`

  /** Reads twice, so that the answer is in memory; returns the second read. */
  async function warm(pathAndQuery: string) {
    await anonymous(pathAndQuery)
    const cached = await anonymous(pathAndQuery)
    expect(cached.headers.get('x-cache')).toBe('hit')
    return cached
  }

  it('a repeated anonymous read is answered from memory: the same body and ETag, X-Cache hit; If-None-Match still gets 304', async () => {
    const story = await createArticleAt(server.payload, 'published', { title: '缓存：重复读取' })
    const first = await anonymous(storyPath(story.id))
    expect(first.headers.get('x-cache')).toBe('miss')
    expect(first.body.docs.map((doc: { title: string }) => doc.title)).toEqual(['缓存：重复读取'])
    const second = await anonymous(storyPath(story.id))
    expect(second.headers.get('x-cache')).toBe('hit')
    expect(second.body).toEqual(first.body)
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(second.headers.get('content-type')).toMatch(/^application\/json/)
    const conditional = await fetch(`${server.url}${storyPath(story.id)}`, { headers: { 'if-none-match': first.headers.get('etag')! } })
    expect(conditional.status).toBe(304)
    expect(conditional.headers.get('x-cache')).toBe('hit')
  })

  it('a draft save or autosave of a story leaves cached answers as they are (hits); its publish refreshes them', async () => {
    const story = await createArticleAt(server.payload, 'approved', { title: '缓存：草稿自动保存' })
    const live = await createArticleAt(server.payload, 'published', { title: '缓存：已发布' })
    await warm(storyPath(live.id))
    for (const query of ['?draft=true', '?draft=true&autosave=true']) {
      const saved = await callApi(server.url, `/api/articles/${story.id}${query}`, { method: 'PATCH', token: chief.token, body: { summary: `草稿${query}` } })
      expect(saved.status).toBe(200)
      expect((await anonymous(storyPath(live.id))).headers.get('x-cache')).toBe('hit')
    }
    // A pending draft of the live story too: readers still get the live version, from the cache.
    await callApi(server.url, `/api/articles/${live.id}?draft=true&autosave=true`, { method: 'PATCH', token: chief.token, body: { summary: '待发布的修改' } })
    expect((await anonymous(storyPath(live.id))).headers.get('x-cache')).toBe('hit')
    expect((await callApi(server.url, `/api/articles/${story.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'publish' } })).status).toBe(200)
    expect((await anonymous(storyPath(live.id))).headers.get('x-cache')).toBe('miss')
  })

  it('never answers a signed-in request: an editor sees the draft that anonymous readers were told is not there', async () => {
    const draft = await createArticleAt(server.payload, 'in-review', { title: '缓存：待审稿件' })
    const cached = await warm(`/api/articles?where[id][equals]=${draft.id}`)
    expect(cached.body.docs).toEqual([])
    const asChief = await callApi(server.url, `/api/articles?where[id][equals]=${draft.id}`, { token: chief.token })
    expect(asChief.body.docs.map((doc: { title: string }) => doc.title)).toEqual(['缓存：待审稿件'])
    expect(asChief.headers.get('x-cache')).toBeNull()
    expect(asChief.headers.get('cache-control')).toBe('private, no-store')
  })

  it('the generation token itself is nobody’s to read or change through the API', async () => {
    expect((await anonymous('/api/globals/content-generation')).status).toBe(403)
    expect((await callApi(server.url, '/api/globals/content-generation', { token: admin.token })).status).toBe(403)
    const write = await callApi(server.url, '/api/globals/content-generation', { method: 'POST', token: admin.token, body: { token: 'forged' } })
    expect(write.status).toBe(403)
  })

  it('a refused write changes nothing, so cached answers stay in memory', async () => {
    const story = await createArticleAt(server.payload, 'published', { title: '缓存：拒绝的修改' })
    await warm(storyPath(story.id))
    const refused = await callApi(server.url, `/api/articles/${story.id}`, { method: 'PATCH', token: reporter.token, body: { title: '记者改标题' } })
    expect(refused.status).toBe(403)
    const after = await anonymous(storyPath(story.id))
    expect(after.headers.get('x-cache')).toBe('hit')
    expect(after.body.docs[0].title).toBe('缓存：拒绝的修改')
  })

  it('publish, live edit and unpublish through REST are each visible on the very next anonymous read', async () => {
    const story = await createArticleAt(server.payload, 'approved', { title: '缓存：发布' })
    expect((await warm(storyPath(story.id))).body.docs).toEqual([])

    expect((await callApi(server.url, `/api/articles/${story.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'publish' } })).status).toBe(200)
    const live = await anonymous(storyPath(story.id))
    expect(live.headers.get('x-cache')).toBe('miss')
    expect(live.body.docs[0].title).toBe('缓存：发布')

    await warm(storyPath(story.id))
    expect((await callApi(server.url, `/api/articles/${story.id}`, { method: 'PATCH', token: chief.token, body: { title: '缓存：发布（更正）' } })).status).toBe(200)
    expect((await anonymous(storyPath(story.id))).body.docs[0].title).toBe('缓存：发布（更正）')

    await warm(storyPath(story.id))
    const down = await callApi(server.url, `/api/articles/${story.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'unpublish', comment: '缓存测试撤稿' } })
    expect(down.status).toBe(200)
    expect((await anonymous(storyPath(story.id))).body.docs).toEqual([])
  })

  it('edits of what a story shows at depth 1 — its caption, its photo, its district — are visible on the next read', async () => {
    // Photo, district and caption set before the story goes live (afterwards they are live edits for the chief editor).
    const story = await createArticleAt(server.payload, 'approved', { title: '缓存：图片说明' })
    const image = await makePhoto({ width: 400, height: 300 })
    const photo = await server.payload.create({
      collection: 'photos',
      data: { alt: '旧替代文字', photographer: '李文' } as never,
      file: { data: image, mimetype: 'image/jpeg', name: 'cache-test.jpg', size: image.length },
      overrideAccess: true,
    })
    const [district] = (await server.payload.find({ collection: 'districts', where: { slug: { equals: 'anyuan' } }, overrideAccess: true })).docs
    await server.payload.update({ collection: 'articles', id: story.id, data: { heroPhoto: photo.id, districts: [district!.id] } as never, overrideAccess: true })
    const caption = await server.payload.create({
      collection: 'captions',
      data: { text: '旧说明', article: story.id, photo: photo.id, position: 0 } as never,
      overrideAccess: true,
    })
    await publishAs(server.payload, story.id)

    const before = await warm(storyPath(story.id))
    expect(before.body.docs[0].captions.docs[0].text).toBe('旧说明')
    expect(before.body.docs[0].heroPhoto.alt).toBe('旧替代文字')

    expect((await callApi(server.url, `/api/captions/${caption.id}`, { method: 'PATCH', token: chief.token, body: { text: '新说明' } })).status).toBe(200)
    expect((await anonymous(storyPath(story.id))).body.docs[0].captions.docs[0].text).toBe('新说明')

    await warm(storyPath(story.id))
    expect((await callApi(server.url, `/api/photos/${photo.id}`, { method: 'PATCH', token: chief.token, body: { alt: '新替代文字' } })).status).toBe(200)
    expect((await anonymous(storyPath(story.id))).body.docs[0].heroPhoto.alt).toBe('新替代文字')

    await warm(storyPath(story.id))
    expect((await callApi(server.url, `/api/districts/${district!.id}`, { method: 'PATCH', token: admin.token, body: { description: '缓存测试简介' } })).status).toBe(200)
    expect((await anonymous(storyPath(story.id))).body.docs[0].districts[0].description).toBe('缓存测试简介')
  })

  it('a story published by another process (npm run worker) is visible on this server’s next read', async () => {
    const story = await createArticleAt(server.payload, 'approved', { title: '缓存：另一进程发布' })
    expect((await warm(storyPath(story.id))).body.docs).toEqual([])
    const job = await queueScheduledChange(server.payload, { articleId: story.id, type: 'publish', at: new Date(Date.now() + 1000), userId: chief.id })

    // This server runs no jobs (JOBS_AUTORUN=false): the worker, a process of its own on the same database, publishes.
    const worker = startWorkerProcess(server.databaseUri)
    try {
      // The job is marked complete after the publish has returned, in the worker.
      const deadline = Date.now() + 60_000
      let completed = false
      while (!completed && Date.now() < deadline) {
        await sleep(100)
        const current = await server.payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0, overrideAccess: true })
        completed = Boolean(current.completedAt)
      }
      expect(completed, worker.output()).toBe(true)
      const live = await anonymous(storyPath(story.id))
      expect(live.headers.get('x-cache')).toBe('miss')
      expect(live.body.docs.map((doc: { title: string }) => doc.title)).toEqual(['缓存：另一进程发布'])
    } finally {
      await worker.stop()
    }
  }, 90_000)
})

describe('response cache off (API_CACHE_MAX_MB=0)', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer('response-cache-off', { env: { API_CACHE_MAX_MB: '0' } })
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  it('every anonymous read is answered from the database, with the ETag and no X-Cache', async () => {
    const story = await createArticleAt(server.payload, 'published', { title: '不缓存' })
    for (let i = 0; i < 2; i++) {
      const read = await callApi(server.url, `/api/articles?where[id][equals]=${story.id}`)
      expect(read.body.docs[0].title).toBe('不缓存')
      expect(read.headers.get('etag')).toMatch(/^"/)
      expect(read.headers.get('x-cache')).toBeNull()
    }
  })
})
