import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { appendChange, CHANGE_LOG_KEPT_ROWS, pruneChanges, readChangesAfter } from '../../src/delivery/changeLog/changeLog'
import { queueScheduledChange } from '../../src/workflow/scheduling/scheduledChanges'
import { callApi, type TestUser, signedInAs } from '../support/api'
import { createArticleAt } from '../support/articles'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { findFreePort } from '../support/freePort'
import { startApiServerProcess, startWorkerProcess } from '../support/worker'
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
  const slugPath = (slug: string) => `/api/articles?where[slug][equals]=${slug}&limit=1&depth=1`
  const districtList = (districtSlug: string) => `/api/articles?where[districts.slug][equals]=${districtSlug}&limit=100&depth=1`
  const titlesOf = (answer: { body: { docs: { title: string }[] } }) => answer.body.docs.map((doc) => doc.title)

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

  it('a draft save or autosave of a story leaves cached answers as they are (hits): its page, the lists, the districts', async () => {
    const story = await createArticleAt(server.payload, 'approved', { title: '缓存：草稿自动保存' })
    const live = await createArticleAt(server.payload, 'published', { title: '缓存：已发布' })
    const paths = [storyPath(live.id), storyPath(story.id), '/api/articles?limit=10&depth=1', '/api/districts', districtList('anyuan')]
    for (const path of paths) await warm(path)
    for (const query of ['?draft=true', '?draft=true&autosave=true']) {
      const saved = await callApi(server.url, `/api/articles/${story.id}${query}`, { method: 'PATCH', token: chief.token, body: { summary: `草稿${query}` } })
      expect(saved.status).toBe(200)
      for (const path of paths) expect((await anonymous(path)).headers.get('x-cache'), path).toBe('hit')
    }
    // A pending draft of the live story too: readers still get the live version, from the cache.
    const pending = await callApi(server.url, `/api/articles/${live.id}?draft=true&autosave=true`, { method: 'PATCH', token: chief.token, body: { summary: '待发布的修改' } })
    expect(pending.status).toBe(200)
    for (const path of paths) expect((await anonymous(path)).headers.get('x-cache'), path).toBe('hit')
    expect((await anonymous(storyPath(live.id))).body.docs[0].summary).not.toBe('待发布的修改')
    // Its publish refreshes its own page and the unpinned list; the other story's page stays in memory.
    expect((await callApi(server.url, `/api/articles/${story.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'publish' } })).status).toBe(200)
    expect((await anonymous(storyPath(story.id))).headers.get('x-cache')).toBe('miss')
    expect((await anonymous('/api/articles?limit=10&depth=1')).headers.get('x-cache')).toBe('miss')
    expect((await anonymous(storyPath(live.id))).headers.get('x-cache')).toBe('hit')
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

  it('the change log numbers changes appended at once without gaps or doubles, and is read back in order', async () => {
    const { latest: before } = await readChangesAfter(server.payload, undefined)
    const seqs = await Promise.all(Array.from({ length: 12 }, (_, index) => appendChange(server.payload, [`test:${index}`])))
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, index) => before + 1 + index))
    const { changes, latest } = await readChangesAfter(server.payload, before)
    expect(changes.map((change) => change.seq)).toEqual(Array.from({ length: 12 }, (_, index) => before + 1 + index))
    expect(latest).toBe(before + 12)
    expect(new Set(changes.flatMap((change) => change.tags)).size).toBe(12)
  })

  it('a server that fell behind the log’s pruning drops its whole cache; changes it can read drop only what they touch', async () => {
    const story = await createArticleAt(server.payload, 'published', { title: '缓存：落后于修剪' })
    await warm(storyPath(story.id))
    // Changes of other documents, read in full: the answer stays.
    for (let index = 0; index < 8; index++) await appendChange(server.payload, [`photos:pruning-test-${index}`])
    expect((await anonymous(storyPath(story.id))).headers.get('x-cache')).toBe('hit')
    // The same again, but pruned before this server reads them: it cannot know what they touched.
    const { latest: before } = await readChangesAfter(server.payload, undefined)
    for (let index = 0; index < 8; index++) await appendChange(server.payload, [`photos:pruning-test-${index}`])
    await pruneChanges(server.payload, before + 4 + CHANGE_LOG_KEPT_ROWS)
    expect((await readChangesAfter(server.payload, before)).changes.map((change) => change.seq)).toEqual([before + 5, before + 6, before + 7, before + 8])
    const after = await anonymous(storyPath(story.id))
    expect(after.headers.get('x-cache')).toBe('miss')
    expect(titlesOf(after)).toEqual(['缓存：落后于修剪'])
    expect((await anonymous(storyPath(story.id))).headers.get('x-cache')).toBe('hit')
  })

  it('the change log is nobody’s to read or change through the API', async () => {
    expect((await anonymous('/api/cache-changes')).status).toBe(403)
    expect((await callApi(server.url, '/api/cache-changes', { token: admin.token })).status).toBe(403)
    const write = await callApi(server.url, '/api/cache-changes', { method: 'POST', token: admin.token, body: { seq: 1e9, tags: ['*'] } })
    expect(write.status).toBe(403)
    expect((await anonymous('/api/globals/change-log-head')).status).toBe(403)
    expect((await callApi(server.url, '/api/globals/change-log-head', { method: 'POST', token: admin.token, body: { token: 'forged' } })).status).toBe(403)
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
    await warm(districtList('lianhua'))
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
      // The story is in no district: a district's list stays in memory.
      expect((await anonymous(districtList('lianhua'))).headers.get('x-cache')).toBe('hit')
    } finally {
      await worker.stop()
    }
  }, 90_000)

  describe('what a write refreshes: only the answers that depend on it', () => {
    const districtIds = new Map<string, string>()
    async function districtId(slug: string): Promise<string> {
      if (!districtIds.has(slug)) {
        const [district] = (await server.payload.find({ collection: 'districts', where: { slug: { equals: slug } }, overrideAccess: true })).docs
        districtIds.set(slug, String(district!.id))
      }
      return districtIds.get(slug)!
    }
    /** A story in the given districts (by slug), approved and, unless `live` is false, published. */
    async function storyIn(title: string, districtSlugs: string[], live = true) {
      const story = await createArticleAt(server.payload, 'approved', { title })
      const districts = await Promise.all(districtSlugs.map(districtId))
      const updated = await server.payload.update({ collection: 'articles', id: story.id, data: { districts } as never, overrideAccess: true })
      if (live) await publishAs(server.payload, story.id)
      return { id: story.id, slug: String((updated as { slug?: string }).slug) }
    }

    it('a live edit of story A refreshes A’s page (new text) and its district’s list; story B’s pages and list stay hits', async () => {
      const a = await storyIn('缓存：甲稿', ['anyuan'])
      const b = await storyIn('缓存：乙稿', ['lianhua'])
      const bPages = [slugPath(b.slug), storyPath(b.id), `/api/articles/${b.id}?depth=1`, districtList('lianhua')]
      for (const path of [slugPath(a.slug), districtList('anyuan'), ...bPages]) await warm(path)

      const edit = await callApi(server.url, `/api/articles/${a.id}`, { method: 'PATCH', token: chief.token, body: { title: '缓存：甲稿（更正）' } })
      expect(edit.status).toBe(200)
      const aPage = await anonymous(slugPath(a.slug))
      expect(aPage.headers.get('x-cache')).toBe('miss')
      expect(titlesOf(aPage)).toEqual(['缓存：甲稿（更正）'])
      const anyuan = await anonymous(districtList('anyuan'))
      expect(anyuan.headers.get('x-cache')).toBe('miss')
      expect(titlesOf(anyuan)).toContain('缓存：甲稿（更正）')
      for (const path of bPages) expect((await anonymous(path)).headers.get('x-cache'), path).toBe('hit')
    })

    it('publishing a story in 安源区 refreshes the 安源区 list and leaves the 莲花县 list and the districts hits', async () => {
      await storyIn('缓存：莲花旧闻', ['lianhua'])
      const story = await storyIn('缓存：安源新闻', ['anyuan'], false)
      for (const path of [districtList('anyuan'), districtList('lianhua'), '/api/districts']) await warm(path)
      expect(titlesOf(await anonymous(districtList('anyuan')))).not.toContain('缓存：安源新闻')

      const published = await callApi(server.url, `/api/articles/${story.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'publish' } })
      expect(published.status).toBe(200)
      const anyuan = await anonymous(districtList('anyuan'))
      expect(anyuan.headers.get('x-cache')).toBe('miss')
      expect(titlesOf(anyuan)).toContain('缓存：安源新闻')
      const lianhua = await anonymous(districtList('lianhua'))
      expect(lianhua.headers.get('x-cache')).toBe('hit')
      expect(titlesOf(lianhua)).toContain('缓存：莲花旧闻')
      expect((await anonymous('/api/districts')).headers.get('x-cache')).toBe('hit')
    })

    it('an unpublish removes the story from the list that held it; another district’s list stays a hit', async () => {
      const down = await storyIn('缓存：将撤下', ['anyuan'])
      const stays = await storyIn('缓存：留在列表', ['anyuan'])
      for (const path of [districtList('anyuan'), districtList('lianhua'), storyPath(stays.id)]) await warm(path)
      expect(titlesOf(await anonymous(districtList('anyuan')))).toEqual(expect.arrayContaining(['缓存：将撤下', '缓存：留在列表']))

      const unpublished = await callApi(server.url, `/api/articles/${down.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'unpublish', comment: '缓存测试撤稿' } })
      expect(unpublished.status).toBe(200)
      const afterUnpublish = await anonymous(districtList('anyuan'))
      expect(afterUnpublish.headers.get('x-cache')).toBe('miss')
      expect(titlesOf(afterUnpublish)).not.toContain('缓存：将撤下')
      expect(titlesOf(afterUnpublish)).toContain('缓存：留在列表')
      for (const path of [districtList('lianhua'), storyPath(stays.id)]) expect((await anonymous(path)).headers.get('x-cache'), path).toBe('hit')

      // A live story cannot be deleted (it has an audit trail: 409); the refusal changes nothing.
      await warm(districtList('anyuan'))
      expect((await callApi(server.url, `/api/articles/${stays.id}`, { method: 'DELETE', token: chief.token })).status).toBe(409)
      expect((await anonymous(districtList('anyuan'))).headers.get('x-cache')).toBe('hit')
    })

    it('a deleted caption leaves its story’s page (the captions joined there); other stories’ pages stay hits', async () => {
      const story = await storyIn('缓存：删图片说明', ['anyuan'], false)
      const other = await storyIn('缓存：无关稿件', ['anyuan'])
      const caption = await server.payload.create({ collection: 'captions', data: { text: '将删除的说明', article: story.id, position: 0 } as never, overrideAccess: true })
      await publishAs(server.payload, story.id)
      for (const path of [storyPath(story.id), storyPath(other.id), districtList('lianhua')]) await warm(path)
      expect((await anonymous(storyPath(story.id))).body.docs[0].captions.docs.map((doc: { text: string }) => doc.text)).toEqual(['将删除的说明'])

      expect((await callApi(server.url, `/api/captions/${caption.id}`, { method: 'DELETE', token: chief.token })).status).toBe(200)
      const page = await anonymous(storyPath(story.id))
      expect(page.headers.get('x-cache')).toBe('miss')
      expect(page.body.docs[0].captions.docs).toEqual([])
      for (const path of [storyPath(other.id), districtList('lianhua')]) expect((await anonymous(path)).headers.get('x-cache'), path).toBe('hit')
    })

    it('two app servers on one database: an edit through either refreshes that story on the other, whose other answers stay hits', async () => {
      const second = await startApiServerProcess(server.databaseUri, await findFreePort())
      try {
        const a = await storyIn('缓存：两台服务器甲', ['anyuan'])
        const b = await storyIn('缓存：两台服务器乙', ['lianhua'])
        const onSecond = (path: string) => callApi(second.url, path)
        const warmOn = async (read: (path: string) => Promise<{ headers: Headers }>, path: string) => {
          await read(path)
          expect((await read(path)).headers.get('x-cache'), path).toBe('hit')
        }
        for (const path of [slugPath(a.slug), slugPath(b.slug), districtList('anyuan'), districtList('lianhua')]) await warmOn(onSecond, path)
        for (const path of [slugPath(a.slug), slugPath(b.slug)]) await warm(path)

        expect((await callApi(server.url, `/api/articles/${a.id}`, { method: 'PATCH', token: chief.token, body: { title: '缓存：两台服务器甲（改）' } })).status).toBe(200)
        const aOnSecond = await onSecond(slugPath(a.slug))
        expect(aOnSecond.headers.get('x-cache')).toBe('miss')
        expect(titlesOf(aOnSecond)).toEqual(['缓存：两台服务器甲（改）'])
        expect((await onSecond(districtList('anyuan'))).headers.get('x-cache')).toBe('miss')
        for (const path of [slugPath(b.slug), districtList('lianhua')]) expect((await onSecond(path)).headers.get('x-cache'), path).toBe('hit')

        await warm(slugPath(a.slug))
        expect((await callApi(second.url, `/api/articles/${b.id}`, { method: 'PATCH', token: chief.token, body: { title: '缓存：两台服务器乙（改）' } })).status).toBe(200)
        const bHere = await anonymous(slugPath(b.slug))
        expect(bHere.headers.get('x-cache')).toBe('miss')
        expect(titlesOf(bHere)).toEqual(['缓存：两台服务器乙（改）'])
        expect((await anonymous(slugPath(a.slug))).headers.get('x-cache')).toBe('hit')
      } finally {
        await second.stop()
      }
    }, 120_000)

    it('moving a live story from 安源区 to 莲花县 refreshes both lists (by slug and by id); 湘东区’s stays a hit', async () => {
      const story = await storyIn('缓存：改行政区', ['anyuan'])
      const byId = `/api/articles?where[districts][in]=${await districtId('lianhua')}&depth=0`
      for (const path of [districtList('anyuan'), districtList('lianhua'), districtList('xiangdong'), byId]) await warm(path)

      const moved = await callApi(server.url, `/api/articles/${story.id}`, { method: 'PATCH', token: chief.token, body: { districts: [await districtId('lianhua')] } })
      expect(moved.status).toBe(200)
      const anyuan = await anonymous(districtList('anyuan'))
      expect(anyuan.headers.get('x-cache')).toBe('miss')
      expect(titlesOf(anyuan)).not.toContain('缓存：改行政区')
      for (const path of [districtList('lianhua'), byId]) {
        const answer = await anonymous(path)
        expect(answer.headers.get('x-cache'), path).toBe('miss')
        expect(titlesOf(answer), path).toContain('缓存：改行政区')
      }
      expect((await anonymous(districtList('xiangdong'))).headers.get('x-cache')).toBe('hit')
    })
  })
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
