import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi, type TestUser, signedInAs } from '../support/api'
import { createArticleAt } from '../support/articles'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

/** Revisions: versions to compare and restore (audited), document locks, stale saves. */
describe('revisions, locking and stale saves', () => {
  let server: TestServer
  let editor: TestUser
  let otherEditor: TestUser
  let chief: TestUser

  beforeAll(async () => {
    server = await startTestServer('revisions')
    await signedInAs(server, 'admin')
    editor = await signedInAs(server, 'editor')
    otherEditor = await signedInAs(server, 'editor')
    chief = await signedInAs(server, 'chief-editor')
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  const patchDraft = (id: string, user: TestUser, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    callApi(server.url, `/api/articles/${id}?draft=true`, { method: 'PATCH', token: user.token, body, headers })

  it('every save is a version; two versions can be compared and an earlier one restored, which is audited', async () => {
    const article = await createArticleAt(server.payload, 'in-review', { title: '第一稿标题' })
    expect((await patchDraft(article.id, editor, { title: '第二稿标题' })).status).toBe(200)
    expect((await patchDraft(article.id, editor, { title: '第三稿标题' })).status).toBe(200)

    const versions = await callApi(server.url, `/api/articles/versions?where[parent][equals]=${article.id}&sort=createdAt&limit=50`, {
      token: editor.token,
    })
    const titles = versions.body.docs.map((v: any) => v.version.title)
    expect(titles).toEqual(expect.arrayContaining(['第一稿标题', '第二稿标题', '第三稿标题']))
    const second = versions.body.docs.find((v: any) => v.version.title === '第二稿标题')
    const third = versions.body.docs.find((v: any) => v.version.title === '第三稿标题')
    // Compare: both versions are there to diff, field by field.
    const [a, b] = await Promise.all(
      [second.id, third.id].map((id) => callApi(server.url, `/api/articles/versions/${id}`, { token: editor.token })),
    )
    expect([a!.body.version.title, b!.body.version.title]).toEqual(['第二稿标题', '第三稿标题'])

    const restore = await callApi(server.url, `/api/articles/versions/${second.id}?draft=true`, { method: 'POST', token: editor.token })
    expect(restore.status).toBe(200)
    const latest = await callApi(server.url, `/api/articles/${article.id}?draft=true`, { token: editor.token })
    expect(latest.body.title).toBe('第二稿标题')
    expect(latest.body.workflowStage).toBe('in-review')

    const events = await callApi(server.url, `/api/workflow-events?where[article][equals]=${article.id}&where[action][equals]=restore&depth=0`, {
      token: editor.token,
    })
    expect(events.body.docs).toHaveLength(1)
    expect(events.body.docs[0]).toMatchObject({ action: 'restore', by: editor.id, comment: `恢复到版本 ${second.id}` })
  })

  it('an editor cannot restore a published version (payloadcms/payload#8350): that would publish', async () => {
    const article = await createArticleAt(server.payload, 'approved', { title: '发布前的标题' })
    await callApi(server.url, `/api/articles/${article.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'request-changes', comment: '再改改' } })
    await callApi(server.url, `/api/articles/${article.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'submit' } })
    await callApi(server.url, `/api/articles/${article.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'approve' } })
    const published = await callApi(server.url, `/api/articles/${article.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'publish' } })
    expect(published.status).toBe(200)
    const unpublished = await callApi(server.url, `/api/articles/${article.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'unpublish', comment: '核实' } })
    expect(unpublished.status).toBe(200)
    await callApi(server.url, `/api/articles/${article.id}/transition`, { method: 'POST', token: editor.token, body: { action: 'reopen' } })

    const versions = await callApi(server.url, `/api/articles/versions?where[parent][equals]=${article.id}&where[version._status][equals]=published&limit=1`, {
      token: editor.token,
    })
    const publishedVersion = versions.body.docs[0]
    expect(publishedVersion.version._status).toBe('published')
    const restore = await callApi(server.url, `/api/articles/versions/${publishedVersion.id}`, { method: 'POST', token: editor.token })
    expect(restore.status).toBe(403)
    expect((await callApi(server.url, `/api/articles/${article.id}`)).status).toBe(404)
  })

  it('a document locked by one editor cannot be saved by another', async () => {
    const article = await createArticleAt(server.payload, 'in-review')
    // What the admin does when an editor opens the story.
    await server.payload.create({
      collection: 'payload-locked-documents',
      data: { document: { relationTo: 'articles', value: article.id }, user: { relationTo: 'users', value: editor.id } },
      overrideAccess: true,
    })
    const blocked = await patchDraft(article.id, otherEditor, { subtitle: '另一位编辑的修改' })
    expect(blocked.status).toBe(423)
    expect(JSON.stringify(blocked.body)).toMatch(/locked|锁定|编辑/)
    const stored = await server.payload.findByID({ collection: 'articles', id: article.id, draft: true, overrideAccess: true })
    expect(stored.subtitle ?? null).toBeNull()
    // The lock holder saves as usual.
    expect((await patchDraft(article.id, editor, { subtitle: '持锁编辑的修改' })).status).toBe(200)
  })

  it('a stale save is refused with 409 and a clear message; nothing is merged', async () => {
    const article = await createArticleAt(server.payload, 'in-review')
    const read = await callApi(server.url, `/api/articles/${article.id}?draft=true`, { token: editor.token })
    const basedOn = read.body.updatedAt
    expect((await patchDraft(article.id, otherEditor, { subtitle: '先保存的修改' }, { 'x-expected-updated-at': basedOn })).status).toBe(200)
    const stale = await patchDraft(article.id, editor, { subtitle: '基于旧版本的修改' }, { 'x-expected-updated-at': basedOn })
    expect(stale.status).toBe(409)
    expect(stale.body.errors[0].message).toMatch(/被他人修改.*请刷新后重新修改/)
    expect(stale.body.errors[0].data.code).toBe('stale-save')
    const stored = await server.payload.findByID({ collection: 'articles', id: article.id, draft: true, overrideAccess: true })
    expect(stored.subtitle).toBe('先保存的修改')
  })
})
