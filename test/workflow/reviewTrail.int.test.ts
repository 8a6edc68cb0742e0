import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findReturnReasons, findReviewComparison } from '../../src/workflow/audit/findReviewEvents'
import { callApi, type TestUser, signedInAs, userDocOf } from '../support/api'
import { createArticleAt } from '../support/articles'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

/** What the newsroom reads about a story's review: who did what (by name, for every role), why it came back, what changed since. */
describe('the review trail over REST', () => {
  let server: TestServer
  let reporter: TestUser
  let editor: TestUser
  let chief: TestUser
  let photographer: TestUser

  beforeAll(async () => {
    server = await startTestServer('review-trail')
    reporter = await signedInAs(server, 'reporter')
    editor = await signedInAs(server, 'editor')
    chief = await signedInAs(server, 'chief-editor')
    photographer = await signedInAs(server, 'photographer')
    for (const [user, name] of [
      [reporter, '张记者'],
      [editor, '王编辑'],
      [chief, '李总编'],
    ] as const) {
      await server.payload.update({ collection: 'users', id: user.id, data: { name }, overrideAccess: true })
    }
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  const transition = (id: string, user: TestUser, body: Record<string, unknown>) =>
    callApi(server.url, `/api/articles/${id}/transition`, { method: 'POST', token: user.token, body })

  it('every role reads each audit entry with the name of who did it, kept as it was when written', async () => {
    const article = await createArticleAt(server.payload, 'draft', { createdBy: reporter.id })
    for (const [user, body] of [
      [reporter, { action: 'submit' }],
      [editor, { action: 'request-changes', comment: '请补充数据来源' }],
      [reporter, { action: 'submit' }],
      [editor, { action: 'approve' }],
      [chief, { action: 'publish' }],
    ] as const) {
      expect((await transition(article.id, user, body)).status).toBe(200)
    }
    // A later rename does not rewrite the trail.
    await server.payload.update({ collection: 'users', id: chief.id, data: { name: '李总编（已调离）' }, overrideAccess: true })

    for (const reader of [reporter, editor, chief, photographer]) {
      const events = await callApi(server.url, `/api/workflow-events?where[article][equals]=${article.id}&sort=at&depth=0&limit=50`, { token: reader.token })
      expect(events.status).toBe(200)
      expect(events.body.docs.map((event: any) => [event.action, event.byName])).toEqual([
        ['submit', '张记者'],
        ['request-changes', '王编辑'],
        ['submit', '张记者'],
        ['approve', '王编辑'],
        ['publish', '李总编'],
      ])
    }
    // An entry written before names were stored (none kept) reads with the account's current name.
    const publishEntry = (await server.payload.find({ collection: 'workflow-events', where: { and: [{ article: { equals: article.id } }, { action: { equals: 'publish' } }] }, overrideAccess: true })).docs[0]!
    await server.payload.update({ collection: 'workflow-events', id: publishEntry.id, data: { byName: null }, overrideAccess: true })
    const legacy = await callApi(server.url, `/api/workflow-events/${publishEntry.id}?depth=0`, { token: reporter.token })
    expect(legacy.body.byName).toBe('李总编（已调离）')
    await server.payload.update({ collection: 'workflow-events', id: publishEntry.id, data: { byName: '李总编' }, overrideAccess: true })

    // The article's 流程记录 (the join the admin shows) carries the names with the entries.
    const withHistory = await callApi(server.url, `/api/articles/${article.id}?depth=1&draft=true`, { token: editor.token })
    expect(withHistory.body.workflowHistory.docs.map((event: any) => event.byName)).toEqual(['李总编', '王编辑', '张记者', '王编辑', '张记者'])
  })

  it('a returned story carries why, who and when; the versions since the return are the ones to compare', async () => {
    const article = await createArticleAt(server.payload, 'in-review', { createdBy: reporter.id, title: '安源区春耕备耕' })
    expect((await transition(article.id, editor, { action: 'request-changes', comment: '导语太长，请补充采访对象' })).status).toBe(200)

    const reasons = await findReturnReasons(server.payload, await userDocOf(server.payload, reporter.id), [article.id])
    expect(reasons.get(article.id)).toMatchObject({ action: 'request-changes', comment: '导语太长，请补充采访对象', byName: '王编辑' })

    const unchanged = await findReviewComparison(server.payload, await userDocOf(server.payload, reporter.id), article.id)
    expect(unchanged!.event.action).toBe('request-changes')
    expect(unchanged!.fromVersionId).toBe(unchanged!.toVersionId)

    // The reporter rewrites the title (a draft save, as the admin's autosave does).
    const edit = await callApi(server.url, `/api/articles/${article.id}?draft=true`, { method: 'PATCH', token: reporter.token, body: { title: '安源区春耕备耕忙' } })
    expect(edit.status).toBe(200)
    const comparison = await findReviewComparison(server.payload, await userDocOf(server.payload, editor.id), article.id)
    expect(comparison!.fromVersionId).not.toBe(comparison!.toVersionId)
    const versionAt = async (versionId: string) =>
      (await callApi(server.url, `/api/articles/versions/${versionId}?depth=0`, { token: editor.token })).body.version.title
    expect(await versionAt(comparison!.fromVersionId)).toBe('安源区春耕备耕')
    expect(await versionAt(comparison!.toVersionId)).toBe('安源区春耕备耕忙')

    // Resubmitted and approved: the comparison now starts at the approval.
    expect((await transition(article.id, reporter, { action: 'submit' })).status).toBe(200)
    expect((await transition(article.id, editor, { action: 'approve' })).status).toBe(200)
    const sinceApproval = await findReviewComparison(server.payload, await userDocOf(server.payload, chief.id), article.id)
    expect(sinceApproval!.event.action).toBe('approve')
    expect(sinceApproval!.fromVersionId).toBe(sinceApproval!.toVersionId)
  })

  it('a story never returned or approved has nothing to compare', async () => {
    const article = await createArticleAt(server.payload, 'in-review', { createdBy: reporter.id })
    expect(await findReviewComparison(server.payload, await userDocOf(server.payload, editor.id), article.id)).toBeNull()
  })
})

describe('the first account', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer('first-account')
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  it('made on the create-first-user screen is the administrator, whatever role the request names', async () => {
    const response = await callApi(server.url, '/api/users/first-register', {
      method: 'POST',
      body: { email: 'first@newsroom.test', password: 'first-account-password', name: '第一位管理员', roles: ['reporter'] },
    })
    expect(response.status).toBe(200)
    expect(response.body.user.roles).toEqual(['admin'])
    // A second first-register is refused: the screen is for an empty newsroom only.
    const again = await callApi(server.url, '/api/users/first-register', {
      method: 'POST',
      body: { email: 'second@newsroom.test', password: 'second-account-password', name: '第二位', roles: ['admin'] },
    })
    expect(again.status).toBe(403)
  })
})
