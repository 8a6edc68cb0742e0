import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi, type TestUser, userDocOf, signedInAs } from '../support/api'
import { createArticleAt } from '../support/articles'
import { publishAs } from '../support/publishing'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { makePhoto, uploadPhoto } from '../support/photos'

/**
 * What readers see changes only through someone who may publish, and is audited: the doors an
 * adversarial review found open (a draft save with `_status: published`; captions of a live story
 * edited, added or moved by a reporter or photographer), and a forged grant through the Local API.
 * The generated access test (access.int.test.ts) tries every door; these are the reported cases, by name.
 */
describe('live content changes only with the right to publish', () => {
  let server: TestServer
  let admin: TestUser
  let chief: TestUser
  let editor: TestUser
  let reporter: TestUser
  let photographer: TestUser

  beforeAll(async () => {
    server = await startTestServer('live-content')
    admin = await signedInAs(server, 'admin')
    chief = await signedInAs(server, 'chief-editor')
    editor = await signedInAs(server, 'editor')
    reporter = await signedInAs(server, 'reporter')
    photographer = await signedInAs(server, 'photographer')
  })
  afterAll(async () => stopTestServer(server))

  const anonymous = (path: string) => callApi(server.url, path)
  const auditOf = async (articleId: string) =>
    (
      await server.payload.find({ collection: 'workflow-events', where: { article: { equals: articleId } }, sort: 'at', depth: 0, overrideAccess: true })
    ).docs.map((event) => ({ action: event.action, by: String(event.by) }))
  const userDoc = (user: TestUser) => userDocOf(server.payload, user.id)

  describe('finding 1: a draft save that says _status: published', () => {
    it.each([
      { door: 'REST ?draft=true', path: '?draft=true' },
      { door: 'REST ?draft=true&autosave=true', path: '?draft=true&autosave=true' },
    ])('a reporter publishing their own draft through $door: 403, not public, no audit entry', async ({ path }) => {
      const story = await createArticleAt(server.payload, 'draft', { createdBy: reporter.id })
      const before = await auditOf(story.id)
      const response = await callApi(server.url, `/api/articles/${story.id}${path}`, { method: 'PATCH', token: reporter.token, body: { _status: 'published' } })
      expect(response.status).toBe(403)
      expect(response.body.errors[0].data.code).toBe('publish-refused')
      expect((await anonymous(`/api/articles/${story.id}`)).status).toBe(404)
      expect(await auditOf(story.id)).toEqual(before)
    })

    it('an editor publishing a story in review through GraphQL with draft: true: refused, not public', async () => {
      const story = await createArticleAt(server.payload, 'in-review')
      const response = await callApi(server.url, '/api/graphql', {
        method: 'POST',
        token: editor.token,
        body: { query: `mutation { updateArticle(id: "${story.id}", draft: true, data: { _status: published }) { id } }` },
      })
      expect(response.body.errors?.[0]?.message).toMatch(/^不能发布/)
      expect((await anonymous(`/api/articles/${story.id}`)).status).toBe(404)
    })

    it('a chief editor publishing through a draft save goes live with an audit entry by them', async () => {
      const story = await createArticleAt(server.payload, 'approved')
      const response = await callApi(server.url, `/api/articles/${story.id}?draft=true`, { method: 'PATCH', token: chief.token, body: { _status: 'published' } })
      expect(response.status).toBe(200)
      expect((await anonymous(`/api/articles/${story.id}`)).status).toBe(200)
      expect((await auditOf(story.id)).at(-1)).toEqual({ action: 'publish', by: chief.id })
    })

    it('a Local API caller with a user cannot forge the publishing service’s grant through the context', async () => {
      const story = await createArticleAt(server.payload, 'draft', { createdBy: reporter.id })
      const forged = { articleId: story.id, action: 'publish', from: 'approved', to: 'published', by: reporter.id, used: false }
      await expect(
        server.payload.update({
          collection: 'articles',
          id: story.id,
          data: { _status: 'published' } as never,
          user: await userDoc(reporter),
          overrideAccess: false,
          context: { 'workflow:publishingGrant': forged, workflowTransition: { action: 'publish', from: 'approved', to: 'published' } },
        }),
      ).rejects.toMatchObject({ code: 'publish-refused', status: 403 })
      expect((await anonymous(`/api/articles/${story.id}`)).status).toBe(404)
    })

    it('a Local API save without a user cannot publish either (only the publishing service, as someone)', async () => {
      const story = await createArticleAt(server.payload, 'approved')
      await expect(
        server.payload.update({ collection: 'articles', id: story.id, data: { _status: 'published' } as never, overrideAccess: true }),
      ).rejects.toMatchObject({ code: 'live-change-without-user' })
      expect((await anonymous(`/api/articles/${story.id}`)).status).toBe(404)
    })
  })

  describe('finding 2: captions and photos of a live story', () => {
    async function liveStoryWithCaption() {
      const story = await createArticleAt(server.payload, 'approved', { title: `有图的稿件${Math.random().toString(36).slice(2, 6)}` })
      const caption = await server.payload.create({ collection: 'captions', data: { text: '原来的说明', article: story.id, position: 0 }, overrideAccess: true })
      await publishAs(server.payload, story.id)
      return { story, caption: { id: String(caption.id) } }
    }
    const liveCaptionTexts = async (storyId: string) =>
      (await anonymous(`/api/articles/${storyId}?depth=1`)).body.captions.docs.map((caption: { text: string }) => caption.text)

    it.each([
      { role: 'reporter', user: () => reporter },
      { role: 'photographer', user: () => photographer },
      { role: 'editor', user: () => editor },
    ])('a $role cannot edit, add or move a caption of a live story; readers still get the original', async ({ user }) => {
      const { story, caption } = await liveStoryWithCaption()
      const other = await createArticleAt(server.payload, 'draft')
      const token = user().token
      const edit = await callApi(server.url, `/api/captions/${caption.id}`, { method: 'PATCH', token, body: { text: '被改的说明' } })
      const add = await callApi(server.url, '/api/captions', { method: 'POST', token, body: { text: '新加的说明', article: story.id } })
      const move = await callApi(server.url, `/api/captions/${caption.id}`, { method: 'PATCH', token, body: { article: other.id } })
      expect([edit.status, add.status, move.status]).toEqual([403, 403, 403])
      expect(edit.body.errors[0].data.code).toBe('live-caption-refused')
      expect(await liveCaptionTexts(story.id)).toEqual(['原来的说明'])
      expect((await auditOf(story.id)).filter((event) => event.action === 'live-edit')).toEqual([])
    })

    it('the chief editor edits a live caption: public at once, with a live-edit entry in the audit trail', async () => {
      const { story, caption } = await liveStoryWithCaption()
      const edit = await callApi(server.url, `/api/captions/${caption.id}`, { method: 'PATCH', token: chief.token, body: { text: '总编辑改的说明' } })
      expect(edit.status).toBe(200)
      expect(await liveCaptionTexts(story.id)).toEqual(['总编辑改的说明'])
      expect((await auditOf(story.id)).filter((event) => event.action === 'live-edit')).toEqual([{ action: 'live-edit', by: chief.id }])
    })

    it('a photographer cannot change a photo a live story shows; the chief editor can, audited', async () => {
      const story = await createArticleAt(server.payload, 'approved')
      const photo = (await uploadPhoto(server.url, await makePhoto({ width: 320, height: 240 }), { token: photographer.token, data: { alt: '原来的替代文字' } })).body.doc
      await callApi(server.url, `/api/articles/${story.id}`, { method: 'PATCH', token: admin.token, body: { heroPhoto: photo.id } })
      await publishAs(server.payload, story.id)
      const refused = await callApi(server.url, `/api/photos/${photo.id}`, { method: 'PATCH', token: photographer.token, body: { alt: '被改的替代文字' } })
      expect(refused.status).toBe(403)
      expect(refused.body.errors[0].data.code).toBe('live-photo-refused')
      expect((await anonymous(`/api/photos/${photo.id}`)).body.alt).toBe('原来的替代文字')
      const allowed = await callApi(server.url, `/api/photos/${photo.id}`, { method: 'PATCH', token: chief.token, body: { alt: '总编辑改的替代文字' } })
      expect(allowed.status).toBe(200)
      expect((await anonymous(`/api/photos/${photo.id}`)).body.alt).toBe('总编辑改的替代文字')
      expect((await auditOf(story.id)).at(-1)).toEqual({ action: 'live-edit', by: chief.id })
    })

    it('captions of a story that is not live stay open to the newsroom', async () => {
      const story = await createArticleAt(server.payload, 'in-review')
      const add = await callApi(server.url, '/api/captions', { method: 'POST', token: reporter.token, body: { text: '草稿的说明', article: story.id } })
      expect(add.status).toBe(201)
      const edit = await callApi(server.url, `/api/captions/${add.body.doc.id}`, { method: 'PATCH', token: photographer.token, body: { text: '摄影记者改的说明' } })
      expect(edit.status).toBe(200)
    })
  })
})
