import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi, type TestUser, userDocOf, signedInAs } from '../support/api'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

/** Articles through the REST API: CRUD, slugs, drafts, and who may do what. */
describe('articles over REST', () => {
  let server: TestServer
  let admin: TestUser
  let chief: TestUser
  let editor: TestUser
  let reporter: TestUser
  let otherReporter: TestUser
  let photographer: TestUser

  beforeAll(async () => {
    server = await startTestServer('articles')
    admin = await signedInAs(server, 'admin')
    chief = await signedInAs(server, 'chief-editor')
    editor = await signedInAs(server, 'editor')
    reporter = await signedInAs(server, 'reporter')
    otherReporter = await signedInAs(server, 'reporter')
    photographer = await signedInAs(server, 'photographer')
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  async function districtId(slug: string): Promise<string> {
    const { body } = await callApi(server.url, `/api/districts?where[slug][equals]=${slug}`)
    return body.docs[0].id
  }

  async function createDraft(user: TestUser, title: string, extra: Record<string, unknown> = {}) {
    return callApi(server.url, '/api/articles?draft=true', {
      method: 'POST',
      token: user.token,
      body: { title, _status: 'draft', ...extra },
    })
  }

  it('a reporter creates a draft: 201, a readable pinyin slug, and the reporter recorded as creator', async () => {
    const anyuan = await districtId('anyuan')
    const response = await createDraft(reporter, '安源区：释放领跑工业经济“核动能”', {
      districts: [anyuan],
      authors: ['李羽晨', '钟进文'],
      source: '萍乡日报',
      originalPublishedAt: '2022-01-03T07:00:29+08:00',
      originalPublishedAt_tz: 'Asia/Shanghai',
    })
    expect(response.status).toBe(201)
    const doc = response.body.doc
    expect(doc.slug).toBe('an-yuan-qu-shi-fang-ling-pao-gong-ye-jing-ji-he-dong-neng')
    expect(doc._status).toBe('draft')
    expect(doc.createdBy.id ?? doc.createdBy).toBe(reporter.id)
    expect(doc.authors).toEqual(['李羽晨', '钟进文'])
    expect(doc.originalPublishedAt).toBe('2022-01-02T23:00:29.000Z')
    expect(doc.originalPublishedAt_tz).toBe('Asia/Shanghai')
    expect(typeof doc.id).toBe('string')
  })

  it('a second article with the same title gets the next free slug', async () => {
    const first = await createDraft(editor, '湘东区砥砺奋进')
    const second = await createDraft(editor, '湘东区砥砺奋进')
    expect(first.body.doc.slug).toBe('xiang-dong-qu-di-li-fen-jin')
    expect(second.body.doc.slug).toBe('xiang-dong-qu-di-li-fen-jin-2')
  })

  it('a title with no readable characters still gets a short slug', async () => {
    const response = await createDraft(editor, '“……”')
    expect(response.body.doc.slug).toMatch(/^a-[0-9a-f]{10}$/)
  })

  it('anonymous readers see published articles only, without provenance or creator', async () => {
    const draft = await createDraft(reporter, '一篇草稿')
    const published = await callApi(server.url, '/api/articles', {
      method: 'POST',
      token: admin.token,
      body: { title: '已发布的稿件', _status: 'published', summary: '公开摘要' },
    })
    expect(published.status).toBe(201)
    await server.payload.update({
      collection: 'articles',
      id: published.body.doc.id,
      data: { provenance: { sourceFile: 'secret.txt', contentHash: 'abc' } },
      overrideAccess: true,
      // An edit of a live story: only a user who may publish makes one (audited).
      user: await userDocOf(server.payload, admin.id),
    })

    const list = await callApi(server.url, '/api/articles?limit=100')
    expect(list.status).toBe(200)
    const titles = list.body.docs.map((doc: { title: string }) => doc.title)
    expect(titles).toContain('已发布的稿件')
    expect(titles).not.toContain('一篇草稿')
    expect(list.body.docs.every((doc: { _status: string }) => doc._status === 'published')).toBe(true)

    const one = await callApi(server.url, `/api/articles/${published.body.doc.id}`)
    expect(one.status).toBe(200)
    expect(one.body.summary).toBe('公开摘要')
    expect(one.body).not.toHaveProperty('provenance')
    expect(one.body).not.toHaveProperty('createdBy')

    expect((await callApi(server.url, `/api/articles/${draft.body.doc.id}`)).status).toBe(404)
    expect((await callApi(server.url, `/api/articles/${draft.body.doc.id}?draft=true`)).status).toBe(404)

    // The newsroom sees the provenance.
    const signedIn = await callApi(server.url, `/api/articles/${published.body.doc.id}`, { token: editor.token })
    expect(signedIn.body.provenance.sourceFile).toBe('secret.txt')
  })

  it('anonymous GraphQL readers see published articles only', async () => {
    const response = await callApi(server.url, '/api/graphql', {
      method: 'POST',
      body: { query: '{ Articles(limit: 100) { docs { title _status } } }' },
    })
    expect(response.status).toBe(200)
    const docs = response.body.data.Articles.docs as { title: string; _status: string }[]
    expect(docs.map((doc) => doc.title)).toContain('已发布的稿件')
    expect(docs.every((doc) => doc._status === 'published')).toBe(true)
  })

  it('anonymous callers cannot write', async () => {
    const response = await callApi(server.url, '/api/articles', { method: 'POST', body: { title: '匿名投稿' } })
    expect(response.status).toBe(403)
  })

  it('a reporter edits their own draft but not a colleague’s', async () => {
    const own = await createDraft(reporter, '记者自己的稿件')
    const colleagues = await createDraft(otherReporter, '同事的稿件')

    const ownEdit = await callApi(server.url, `/api/articles/${own.body.doc.id}?draft=true`, {
      method: 'PATCH',
      token: reporter.token,
      body: { subtitle: '补充副标题' },
    })
    expect(ownEdit.status).toBe(200)
    expect(ownEdit.body.doc.subtitle).toBe('补充副标题')

    const otherEdit = await callApi(server.url, `/api/articles/${colleagues.body.doc.id}?draft=true`, {
      method: 'PATCH',
      token: reporter.token,
      body: { subtitle: '改别人的稿' },
    })
    expect(otherEdit.status).toBe(403)
    const unchanged = await server.payload.findByID({ collection: 'articles', id: colleagues.body.doc.id, draft: true })
    expect(unchanged.subtitle ?? null).toBeNull()
  })

  it('a reporter cannot claim someone else as the creator', async () => {
    const response = await createDraft(reporter, '冒名稿件', { createdBy: editor.id })
    expect(response.status).toBe(201)
    expect(response.body.doc.createdBy.id ?? response.body.doc.createdBy).toBe(reporter.id)
  })

  it('an editor edits any article; only a chief editor or admin deletes', async () => {
    const draft = await createDraft(reporter, '待编辑修改的稿件')
    const edit = await callApi(server.url, `/api/articles/${draft.body.doc.id}?draft=true`, {
      method: 'PATCH',
      token: editor.token,
      body: { title: '编辑改过的标题' },
    })
    expect(edit.status).toBe(200)
    expect(edit.body.doc.title).toBe('编辑改过的标题')

    for (const user of [reporter, editor, photographer]) {
      const denied = await callApi(server.url, `/api/articles/${draft.body.doc.id}`, { method: 'DELETE', token: user.token })
      expect(denied.status).toBe(403)
    }
    const deleted = await callApi(server.url, `/api/articles/${draft.body.doc.id}`, { method: 'DELETE', token: chief.token })
    expect(deleted.status).toBe(200)
    const gone = await callApi(server.url, `/api/articles/${draft.body.doc.id}`, { token: admin.token })
    expect(gone.status).toBe(404)
  })

  it('a photographer cannot create articles', async () => {
    const response = await createDraft(photographer, '摄影记者的文字稿')
    expect(response.status).toBe(403)
  })

  it('an invalid source URL is refused with a message naming the field', async () => {
    const response = await callApi(server.url, '/api/articles', {
      method: 'POST',
      token: admin.token,
      body: { title: '坏链接', sourceUrl: 'not a url', _status: 'published' },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toContain('sourceUrl')
  })

  it('captions of drafts are hidden from anonymous readers; captions of published articles are public', async () => {
    const draft = await createDraft(reporter, '有图的草稿')
    const published = await callApi(server.url, '/api/articles', {
      method: 'POST',
      token: admin.token,
      body: { title: '有图的已发布稿件', _status: 'published' },
    })
    // A caption of a live story is live content: the admin adds that one (liveContent.int.test.ts has the refusals).
    for (const [article, text, user] of [
      [draft.body.doc.id, '草稿的图片说明', reporter],
      [published.body.doc.id, '已发布稿件的图片说明', admin],
    ] as const) {
      const created = await callApi(server.url, '/api/captions', {
        method: 'POST',
        token: user.token,
        body: { text, credit: '郁佳敏', article, position: 0 },
      })
      expect(created.status).toBe(201)
    }
    const anonymous = await callApi(server.url, '/api/captions?limit=100')
    const texts = anonymous.body.docs.map((doc: { text: string }) => doc.text)
    expect(texts).toContain('已发布稿件的图片说明')
    expect(texts).not.toContain('草稿的图片说明')

    const withCaptions = await callApi(server.url, `/api/articles/${published.body.doc.id}?depth=1`)
    expect(withCaptions.body.captions.docs.map((doc: { text: string }) => doc.text)).toEqual(['已发布稿件的图片说明'])
  })
})
