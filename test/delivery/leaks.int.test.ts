import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi, type TestUser, signedInAs } from '../support/api'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { publishOverWarningsAs, transitionAs } from '../support/publishing'

/**
 * Nothing internal reaches an anonymous caller, by any path the delivery API offers:
 * drafts and unpublished stories, provenance and importer warnings, the audit trail,
 * who created a story, user e-mails, jobs.
 */
describe('anonymous callers see published content only', () => {
  let server: TestServer
  let admin: TestUser
  let published: { id: string; slug: string }
  let draft: { id: string; slug: string }
  const SECRET_TITLE = '尚未发布的新标题SECRETDRAFT'
  const SECRET_SOURCE_FILE = 'secret-source/漏洞检测.txt'

  /** Every string in a response, flattened, so one assertion covers any nesting depth. */
  const text = (body: unknown) => JSON.stringify(body)

  beforeAll(async () => {
    server = await startTestServer('leaks')
    admin = await signedInAs(server, 'admin')
    const { payload } = server
    const created = await payload.create({
      collection: 'articles',
      data: {
        title: '已发布的稿件',
        _status: 'draft',
        provenance: {
          sourceFile: SECRET_SOURCE_FILE,
          contentHash: 'deadbeef',
          warnings: [{ kind: 'mojibake', severity: 'warning', message: '导入警告SECRETWARNING' }],
        },
        createdBy: admin.id,
      } as never,
      draft: true,
      overrideAccess: true,
    })
    // Captions before going live: a live story's captions are changed only by those who may publish.
    await payload.create({ collection: 'captions', data: { text: '公开说明', article: created.id } as never, overrideAccess: true })
    const live = await publishOverWarningsAs(payload, String(created.id), '测试：来源记录中的警告已核对')
    // A takedown planned for later: its time is the newsroom's, not readers'.
    await transitionAs(payload, String(created.id), { action: 'unpublish', comment: '到期撤稿', unpublishAt: new Date(Date.now() + 2 * 86_400_000).toISOString() })
    // A newer, unpublished revision of the live story: its title must stay in the newsroom.
    await payload.update({
      collection: 'articles',
      id: created.id,
      data: { title: SECRET_TITLE } as never,
      draft: true,
      overrideAccess: true,
    })
    published = { id: String(live.id), slug: String(live.slug) }
    const unpublished = await payload.create({
      collection: 'articles',
      data: { title: '一篇草稿DRAFTONLY', _status: 'draft', provenance: { sourceFile: 'draft-only.txt' } } as never,
      draft: true,
      overrideAccess: true,
    })
    draft = { id: String(unpublished.id), slug: String(unpublished.slug) }
    await payload.create({ collection: 'captions', data: { text: '草稿说明DRAFTCAPTION', article: draft.id } as never, overrideAccess: true })
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  /** What must never appear in an anonymous response. */
  function expectNothingInternal(body: unknown) {
    const seen = text(body)
    expect(seen).not.toContain(SECRET_TITLE)
    expect(seen).not.toContain('DRAFTONLY')
    expect(seen).not.toContain('DRAFTCAPTION')
    expect(seen).not.toContain(SECRET_SOURCE_FILE)
    expect(seen).not.toContain('SECRETWARNING')
    expect(seen).not.toContain('draft-only.txt')
    expect(seen).not.toContain(admin.email)
    expect(seen).not.toContain('"provenance"')
    expect(seen).not.toContain('"workflowHistory"')
    expect(seen).not.toContain('"createdBy"')
    // Workflow internals: the stage and the planned takedown time.
    expect(seen).not.toContain('"workflowStage"')
    expect(seen).not.toContain('"scheduledUnpublishAt"')
    expect(seen).not.toContain('"scheduledPublishAt"')
  }

  it('the newsroom itself sees the draft revision and provenance (so the checks below are meaningful)', async () => {
    const { body } = await callApi(server.url, `/api/articles/${published.id}?draft=true`, { token: admin.token })
    expect(body.title).toBe(SECRET_TITLE)
    expect(body.provenance.sourceFile).toBe(SECRET_SOURCE_FILE)
  })

  it('REST list: only the published story, its live title, no internal fields', async () => {
    const { status, body } = await callApi(server.url, '/api/articles?limit=100')
    expect(status).toBe(200)
    expect(body.docs.map((doc: { id: string }) => doc.id)).toEqual([published.id])
    expect(body.docs[0].title).toBe('已发布的稿件')
    expectNothingInternal(body)
  })

  it('REST by id: the published story without internal fields, the draft is 404', async () => {
    const live = await callApi(server.url, `/api/articles/${published.id}`)
    expect(live.status).toBe(200)
    expectNothingInternal(live.body)
    const hidden = await callApi(server.url, `/api/articles/${draft.id}`)
    expect(hidden.status).toBe(404)
    expectNothingInternal(hidden.body)
  })

  it.each([
    { name: 'list with draft=true', path: () => '/api/articles?draft=true&limit=100' },
    { name: 'by id with draft=true', path: () => `/api/articles/${published.id}?draft=true` },
    { name: 'draft by id with draft=true', path: () => `/api/articles/${draft.id}?draft=true` },
  ])('$name does not reveal drafts', async ({ path }) => {
    const { body } = await callApi(server.url, path())
    expectNothingInternal(body)
  })

  it.each([
    { name: 'list', path: () => '/api/articles/versions' },
    { name: 'list with a where', path: () => `/api/articles/versions?where[parent][equals]=${published.id}` },
  ])('versions endpoint ($name) is refused', async ({ path }) => {
    const { status, body } = await callApi(server.url, path())
    expect(status).toBe(403)
    expectNothingInternal(body)
  })

  it('a version by id is refused', async () => {
    const versions = await server.payload.findVersions({ collection: 'articles', overrideAccess: true, limit: 1 })
    const { status, body } = await callApi(server.url, `/api/articles/versions/${versions.docs[0]!.id}`)
    expect(status).toBe(403)
    expectNothingInternal(body)
  })

  it.each(['*', 'all', 'zh-Hant'])('locale=%s shows no drafts or internal fields', async (locale) => {
    const list = await callApi(server.url, `/api/articles?locale=${locale}&limit=100`)
    expect(list.status).toBe(200)
    expect(list.body.docs).toHaveLength(1)
    expectNothingInternal(list.body)
    const one = await callApi(server.url, `/api/articles/${published.id}?locale=${locale}&draft=true`)
    expectNothingInternal(one.body)
  })

  it.each([
    { name: 'exists on provenance', query: 'where[provenance.sourceFile][exists]=true' },
    { name: 'equals on provenance', query: `where[provenance.sourceFile][equals]=${encodeURIComponent(SECRET_SOURCE_FILE)}` },
    { name: 'like on importer warnings', query: 'where[provenance.warnings.message][like]=SECRET' },
    { name: 'nested in or', query: 'where[or][0][provenance.contentHash][equals]=deadbeef' },
    { name: 'on the creator', query: `where[createdBy][equals]=${'$'}{admin}` },
    { name: 'on the creator e-mail', query: 'where[createdBy.email][exists]=true' },
    { name: 'on the planned takedown time', query: 'where[scheduledUnpublishAt][exists]=true' },
    { name: 'on the workflow stage', query: 'where[workflowStage][equals]=published' },
  ])('where on a hidden field ($name) reveals nothing', async ({ query }) => {
    const { status, body } = await callApi(server.url, `/api/articles?${query.replace('${admin}', admin.id)}`)
    // A filter on a field the caller cannot read is refused, not answered (an answer would be an oracle).
    expect(status).toBe(400)
    expect(body.docs).toBeUndefined()
    expect(text(body)).not.toContain(SECRET_SOURCE_FILE)
    expect(text(body)).not.toContain(admin.email)
  })

  it.each(['provenance.sourceFile', '-provenance.contentHash', 'createdBy'])('sort on hidden field %s is refused', async (sort) => {
    const { status } = await callApi(server.url, `/api/articles?sort=${sort}`)
    expect(status).toBe(400)
  })

  it('select of hidden fields returns none of them', async () => {
    const { body } = await callApi(server.url, '/api/articles?select[provenance]=true&select[createdBy]=true&select[workflowHistory]=true')
    expect(body.docs).toHaveLength(1)
    expectNothingInternal(body)
  })

  it('captions: only those of published stories; depth 2 population of the article hides its internals', async () => {
    const { status, body } = await callApi(server.url, '/api/captions?depth=2&limit=100')
    expect(status).toBe(200)
    expect(body.docs.map((caption: { text: string }) => caption.text)).toEqual(['公开说明'])
    expect(body.docs[0].article.id).toBe(published.id)
    expectNothingInternal(body)
  })

  it('captions filtered through the article on a hidden field are refused', async () => {
    const { status, body } = await callApi(server.url, '/api/captions?where[article.provenance.sourceFile][exists]=true')
    expect(status).toBe(400)
    expectNothingInternal(body)
  })

  it('articles at depth 2 with joins: captions of the live story only, no audit trail', async () => {
    const { body } = await callApi(server.url, `/api/articles/${published.id}?depth=2&joins[workflowHistory][limit]=10`)
    expect(body.captions.docs.map((caption: { text: string }) => caption.text)).toEqual(['公开说明'])
    expectNothingInternal(body)
  })

  it.each([
    { name: 'audit trail', path: '/api/workflow-events' },
    { name: 'users', path: '/api/users' },
    { name: 'jobs', path: '/api/payload-jobs' },
    { name: 'job claims', path: '/api/job-claims' },
    { name: 'locked documents', path: '/api/payload-locked-documents' },
    { name: 'preferences', path: '/api/payload-preferences' },
  ])('$name: refused', async ({ path }) => {
    const { status, body } = await callApi(server.url, path)
    expect(status).toBe(403)
    expectNothingInternal(body)
  })

  it('users/me answers no user', async () => {
    const { body } = await callApi(server.url, '/api/users/me')
    expect(body.user).toBeNull()
  })

  describe('GraphQL', () => {
    const graphql = (query: string) => callApi(server.url, '/api/graphql', { method: 'POST', body: { query } })

    it('Articles: the live story, internal fields null', async () => {
      const { body } = await graphql(
        '{ Articles(limit: 100) { docs { id title provenance { sourceFile warnings { message } } createdBy { email } workflowHistory { docs { id } } } } }',
      )
      const docs = body.data?.Articles?.docs ?? []
      // Reading the audit trail is refused outright (an error at that path), never answered.
      expect(body.errors.map((error: { path: string[] }) => error.path.at(-1))).toEqual(['workflowHistory'])
      expect(docs.map((doc: { id: string }) => doc.id)).toEqual([published.id])
      expect(docs[0].title).toBe('已发布的稿件')
      // GraphQL answers the group's shape with every value withheld.
      expect(Object.values(docs[0].provenance ?? {}).every((value) => value === null)).toBe(true)
      expect(docs[0].createdBy).toBeNull()
      expect(docs[0].workflowHistory).toBeNull()
      expect(text(body)).not.toContain(SECRET_SOURCE_FILE)
      expect(text(body)).not.toContain(admin.email)
    })

    it('Articles with draft: true shows no draft revision', async () => {
      const { body } = await graphql('{ Articles(limit: 100, draft: true) { docs { id title } } }')
      expect(text(body)).not.toContain(SECRET_TITLE)
      expect(text(body)).not.toContain('DRAFTONLY')
    })

    it('Article by id of a draft: not found', async () => {
      const { body } = await graphql(`{ Article(id: "${draft.id}", draft: true) { id title } }`)
      expect(body.data?.Article ?? null).toBeNull()
      expect(text(body)).not.toContain('DRAFTONLY')
    })

    it('where on provenance is refused', async () => {
      const { body } = await graphql('{ Articles(where: { provenance__sourceFile: { exists: true } }) { docs { id } } }')
      expect(body.data?.Articles?.docs ?? []).toEqual([])
      expect(body.errors?.length ?? 0).toBeGreaterThan(0)
    })

    it.each([
      { name: 'versions', query: '{ versionsArticles { docs { id version { title } } } }' },
      { name: 'users', query: '{ Users { docs { email } } }' },
      { name: 'audit trail', query: '{ WorkflowEvents { docs { id action } } }' },
    ])('$name: refused', async ({ query }) => {
      const { body } = await graphql(query)
      expect(body.errors?.length ?? 0).toBeGreaterThan(0)
      expectNothingInternal(body.data)
      expect(text(body)).not.toContain(admin.email)
    })
  })
})
