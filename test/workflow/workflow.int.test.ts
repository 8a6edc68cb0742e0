import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Stage } from '../../src/workflow/stages'

import { callApi, createSignedInUser, type TestUser } from '../support/api'
import { createArticleAt } from '../support/articles'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

type Who = 'own reporter' | 'other reporter' | 'editor' | 'chief' | 'photographer' | 'admin'

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString()

/**
 * The permission matrix, written out by hand from the issue (not derived from the
 * code's table): each row is one role trying one transition from a stage where
 * the transition exists.
 */
const MATRIX: { action: string; from: Stage; to: Stage; allowed: Who[]; body?: () => Record<string, string> }[] = [
  { action: 'submit', from: 'draft', to: 'in-review', allowed: ['own reporter', 'editor', 'chief', 'admin'] },
  { action: 'submit', from: 'changes-requested', to: 'in-review', allowed: ['own reporter', 'editor', 'chief', 'admin'] },
  { action: 'request-changes', from: 'in-review', to: 'changes-requested', allowed: ['editor', 'chief', 'admin'], body: () => ({ comment: '导语太长' }) },
  { action: 'request-changes', from: 'approved', to: 'changes-requested', allowed: ['editor', 'chief', 'admin'], body: () => ({ comment: '数据需核实' }) },
  { action: 'approve', from: 'in-review', to: 'approved', allowed: ['editor', 'chief', 'admin'] },
  { action: 'publish', from: 'approved', to: 'published', allowed: ['chief', 'admin'] },
  { action: 'schedule', from: 'approved', to: 'scheduled', allowed: ['chief', 'admin'], body: () => ({ publishAt: inAnHour() }) },
  { action: 'unschedule', from: 'scheduled', to: 'approved', allowed: ['chief', 'admin'] },
  { action: 'unpublish', from: 'published', to: 'unpublished', allowed: ['chief', 'admin'], body: () => ({ comment: '当事人要求更正' }) },
  { action: 'reopen', from: 'unpublished', to: 'draft', allowed: ['editor', 'chief', 'admin'] },
]
const EVERYONE: Who[] = ['own reporter', 'other reporter', 'editor', 'chief', 'photographer', 'admin']

describe('editorial workflow over REST', () => {
  let server: TestServer
  let users: Record<Exclude<Who, 'own reporter' | 'other reporter'> | 'reporter' | 'otherReporter', TestUser>

  beforeAll(async () => {
    server = await startTestServer('workflow')
    const make = (roles: Parameters<typeof createSignedInUser>[2]) => createSignedInUser(server.payload, server.url, roles)
    const admin = await make(['admin']) // the first account is always an admin
    users = {
      admin,
      reporter: await make(['reporter']),
      otherReporter: await make(['reporter']),
      editor: await make(['editor']),
      chief: await make(['chief-editor']),
      photographer: await make(['photographer']),
    }
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  const tokenOf = (who: Who) =>
    ({
      'own reporter': users.reporter,
      'other reporter': users.otherReporter,
      editor: users.editor,
      chief: users.chief,
      photographer: users.photographer,
      admin: users.admin,
    })[who].token

  const transition = (id: string, token: string, body: Record<string, unknown>) =>
    callApi(server.url, `/api/articles/${id}/transition`, { method: 'POST', token, body })

  const rows = MATRIX.flatMap((row) => EVERYONE.map((who) => ({ ...row, who, expected: row.allowed.includes(who) })))

  it.each(rows)('$who: $action from $from → allowed: $expected', async ({ action, from, to, who, expected, body }) => {
    const article = await createArticleAt(server.payload, from, { createdBy: users.reporter.id })
    const response = await transition(article.id, tokenOf(who), { action, ...body?.() })
    const stored = await server.payload.findByID({ collection: 'articles', id: article.id, depth: 0, overrideAccess: true })
    if (expected) {
      expect(response.status).toBe(200)
      expect(response.body.doc.workflowStage).toBe(to)
      expect(stored.workflowStage).toBe(to)
    } else {
      expect(response.status).toBe(403)
      expect(response.body.errors[0].message).toMatch(/不能|只能/)
      expect(stored.workflowStage).toBe(from)
    }
  })

  it('a transition from the wrong stage is refused with the stage named', async () => {
    const article = await createArticleAt(server.payload, 'draft')
    const response = await transition(article.id, users.editor.token, { action: 'approve' })
    expect(response.status).toBe(403)
    expect(response.body.errors[0].message).toBe('稿件处于“草稿”阶段，不能审核通过（须处于：待审）')
  })

  it.each([
    { action: 'request-changes', from: 'in-review' as Stage, who: 'editor' as const },
    { action: 'unpublish', from: 'published' as Stage, who: 'chief' as const },
  ])('$action without a reason is a 400 naming the field', async ({ action, from, who }) => {
    const article = await createArticleAt(server.payload, from)
    const response = await transition(article.id, tokenOf(who), { action, comment: '   ' })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toMatch(/^[^a-z]*须填写原因$/)
    expect(response.body.errors[0].data).toEqual({ code: 'comment-required', field: 'comment' })
  })

  it('an unknown action and a schedule without a time are 400s', async () => {
    const article = await createArticleAt(server.payload, 'approved')
    expect((await transition(article.id, users.chief.token, { action: 'fast-track' })).body.errors[0]).toMatchObject({
      message: '未知的操作“fast-track”',
      data: { code: 'unknown-action', field: 'action' },
    })
    const noTime = await transition(article.id, users.chief.token, { action: 'schedule' })
    expect(noTime.status).toBe(400)
    expect(noTime.body.errors[0]).toMatchObject({ message: '定时发布须指定发布时间', data: { field: 'publishAt' } })
    const past = await transition(article.id, users.chief.token, { action: 'schedule', publishAt: '2020-01-01T00:00:00+08:00' })
    expect(past.body.errors[0]).toMatchObject({ message: '发布时间须在将来', data: { code: 'time-not-future', field: 'publishAt' } })
  })

  describe('Payload’s own _status path is guarded too', () => {
    it('a reporter’s PATCH with _status: published is a 403 that says why; nothing goes live', async () => {
      const article = await createArticleAt(server.payload, 'draft', { createdBy: users.reporter.id })
      const response = await callApi(server.url, `/api/articles/${article.id}`, {
        method: 'PATCH',
        token: users.reporter.token,
        body: { _status: 'published' },
      })
      expect(response.status).toBe(403)
      expect(response.body.errors[0].message).toBe('不能发布：记者不能发布；只有系统管理员、总编辑可以发布')
      expect((await callApi(server.url, `/api/articles/${article.id}`)).status).toBe(404)
    })

    it('an editor cannot publish an approved story through PATCH; a chief editor can, and it is audited', async () => {
      const article = await createArticleAt(server.payload, 'approved')
      const editorTry = await callApi(server.url, `/api/articles/${article.id}`, {
        method: 'PATCH',
        token: users.editor.token,
        body: { _status: 'published' },
      })
      expect(editorTry.status).toBe(403)

      const chiefPublish = await callApi(server.url, `/api/articles/${article.id}`, {
        method: 'PATCH',
        token: users.chief.token,
        body: { _status: 'published' },
      })
      expect(chiefPublish.status).toBe(200)
      expect(chiefPublish.body.doc.workflowStage).toBe('published')
      expect((await callApi(server.url, `/api/articles/${article.id}`)).body.title).toBe(article.title)
      const events = await callApi(server.url, `/api/workflow-events?where[article][equals]=${article.id}&depth=1`, {
        token: users.editor.token,
      })
      // The other entries are the set-up's submit and approve.
      expect(events.body.docs.filter((e: any) => e.action === 'publish').map((e: any) => [e.action, e.fromStage, e.toStage, e.by.id])).toEqual([
        ['publish', 'approved', 'published', users.chief.id],
      ])
    })

    it('a reporter cannot publish through GraphQL either', async () => {
      const article = await createArticleAt(server.payload, 'draft', { createdBy: users.reporter.id })
      const response = await callApi(server.url, '/api/graphql', {
        method: 'POST',
        token: users.reporter.token,
        body: { query: `mutation { updateArticle(id: "${article.id}", data: { _status: published }) { id _status } }` },
      })
      expect(response.body.errors[0].message).toMatch(/^不能发布/)
      expect(response.body.errors[0].extensions.statusCode).toBe(403)
    })

    it('an unpublish without a reason through PATCH _status: draft is refused', async () => {
      const article = await createArticleAt(server.payload, 'published')
      const response = await callApi(server.url, `/api/articles/${article.id}`, {
        method: 'PATCH',
        token: users.chief.token,
        body: { _status: 'draft' },
      })
      expect(response.status).toBe(400)
      expect(response.body.errors[0].message).toMatch(/^撤稿须填写原因/)
      expect((await callApi(server.url, `/api/articles/${article.id}`)).status).toBe(200)
    })

    it('a plain save of a live story with pending edits is refused instead of silently taking it down', async () => {
      const article = await createArticleAt(server.payload, 'published', { title: '在线稿件' })
      expect((await callApi(server.url, `/api/articles/${article.id}?draft=true`, { method: 'PATCH', token: users.chief.token, body: { subtitle: '草稿修改' } })).status).toBe(200)
      const plain = await callApi(server.url, `/api/articles/${article.id}`, { method: 'PATCH', token: users.chief.token, body: { subtitle: '直接保存' } })
      expect(plain.status).toBe(400)
      expect(plain.body.errors[0].data.code).toBe('unpublish-needs-transition')
      const explicit = await callApi(server.url, `/api/articles/${article.id}`, { method: 'PATCH', token: users.chief.token, body: { _status: 'draft' } })
      expect(explicit.status).toBe(400)
      expect(explicit.body.errors[0].data.code).toBe('unpublish-needs-transition')
      const live = await callApi(server.url, `/api/articles/${article.id}`)
      expect(live.status).toBe(200)
      expect(live.body.title).toBe('在线稿件')
      // The stage is the newsroom's: readers do not see it.
      expect((await callApi(server.url, `/api/articles/${article.id}`, { token: users.chief.token })).body.workflowStage).toBe('published')
    })

    it('the stage field cannot be written directly', async () => {
      const article = await createArticleAt(server.payload, 'draft', { createdBy: users.reporter.id })
      await callApi(server.url, `/api/articles/${article.id}?draft=true`, {
        method: 'PATCH',
        token: users.reporter.token,
        body: { workflowStage: 'approved' },
      })
      const stored = await server.payload.findByID({ collection: 'articles', id: article.id, overrideAccess: true })
      expect(stored.workflowStage).toBe('draft')
    })
  })

  describe('who edits what, by stage', () => {
    it.each([
      { who: 'own reporter' as Who, stage: 'draft' as Stage, status: 200 },
      { who: 'own reporter' as Who, stage: 'changes-requested' as Stage, status: 200 },
      { who: 'own reporter' as Who, stage: 'in-review' as Stage, status: 403 },
      { who: 'other reporter' as Who, stage: 'draft' as Stage, status: 403 },
      { who: 'editor' as Who, stage: 'approved' as Stage, status: 200 },
      { who: 'editor' as Who, stage: 'published' as Stage, status: 403 },
      { who: 'editor' as Who, stage: 'scheduled' as Stage, status: 403 },
      { who: 'photographer' as Who, stage: 'draft' as Stage, status: 403 },
      { who: 'chief' as Who, stage: 'published' as Stage, status: 200 },
    ])('$who editing a $stage story: $status', async ({ who, stage, status }) => {
      const article = await createArticleAt(server.payload, stage, { createdBy: users.reporter.id })
      const response = await callApi(server.url, `/api/articles/${article.id}?draft=true`, {
        method: 'PATCH',
        token: tokenOf(who),
        body: { subtitle: '修改后的副标题' },
      })
      expect(response.status).toBe(status)
    })

    it('a chief editor’s edit of a live story is a new draft; the live copy is untouched until published again', async () => {
      const article = await createArticleAt(server.payload, 'published', { title: '原标题' })
      const edit = await callApi(server.url, `/api/articles/${article.id}?draft=true`, {
        method: 'PATCH',
        token: users.chief.token,
        body: { title: '总编辑改过的标题' },
      })
      expect(edit.status).toBe(200)
      expect((await callApi(server.url, `/api/articles/${article.id}`)).body.title).toBe('原标题')
      const republish = await transition(article.id, users.chief.token, { action: 'publish' })
      expect(republish.status).toBe(200)
      expect((await callApi(server.url, `/api/articles/${article.id}`)).body.title).toBe('总编辑改过的标题')
    })
  })

  describe('audit trail', () => {
    it('records every transition with who, when, from, to and the reason; editors query it; nobody edits it', async () => {
      const article = await createArticleAt(server.payload, 'draft', { createdBy: users.reporter.id })
      const steps: [TestUser, Record<string, string>][] = [
        [users.reporter, { action: 'submit' }],
        [users.editor, { action: 'request-changes', comment: '请补充数据来源' }],
        [users.reporter, { action: 'submit' }],
        [users.editor, { action: 'approve' }],
        [users.chief, { action: 'publish' }],
        [users.chief, { action: 'unpublish', comment: '信息有误，撤稿核实' }],
      ]
      for (const [user, body] of steps) expect((await transition(article.id, user.token, body)).status).toBe(200)

      const events = await callApi(server.url, `/api/workflow-events?where[article][equals]=${article.id}&sort=at&depth=0&limit=50`, {
        token: users.editor.token,
      })
      expect(events.body.docs.map((e: any) => [e.action, e.fromStage, e.toStage, String(e.by), e.comment ?? null])).toEqual([
        ['submit', 'draft', 'in-review', users.reporter.id, null],
        ['request-changes', 'in-review', 'changes-requested', users.editor.id, '请补充数据来源'],
        ['submit', 'changes-requested', 'in-review', users.reporter.id, null],
        ['approve', 'in-review', 'approved', users.editor.id, null],
        ['publish', 'approved', 'published', users.chief.id, null],
        ['unpublish', 'published', 'unpublished', users.chief.id, '信息有误，撤稿核实'],
      ])
      expect(events.body.docs.every((e: any) => !Number.isNaN(Date.parse(e.at)))).toBe(true)

      // Visible on the article itself (the admin shows this join).
      const withHistory = await callApi(server.url, `/api/articles/${article.id}?depth=0`, { token: users.editor.token })
      expect(withHistory.body.workflowHistory.docs).toHaveLength(6)

      const eventId = events.body.docs[0].id
      for (const user of [users.editor, users.chief, users.admin]) {
        expect((await callApi(server.url, `/api/workflow-events/${eventId}`, { method: 'PATCH', token: user.token, body: { comment: '改' } })).status).toBe(403)
        expect((await callApi(server.url, `/api/workflow-events/${eventId}`, { method: 'DELETE', token: user.token })).status).toBe(403)
      }
      expect((await callApi(server.url, '/api/workflow-events', { method: 'POST', token: users.admin.token, body: { article: article.id, action: 'publish', at: new Date().toISOString() } })).status).toBe(403)
      expect((await callApi(server.url, '/api/workflow-events')).status).toBe(403)
      const anonymousArticle = await callApi(server.url, `/api/articles/${article.id}`)
      expect(anonymousArticle.status).toBe(404)
    })
  })
})
