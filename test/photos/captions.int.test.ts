import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { AWAITING_PHOTO_QUERY } from '../../src/photos/awaitingPhoto'
import { PHOTO_DERIVATIVES } from '../../src/photos/photoSizes'
import { callApi, type TestUser, signedInAs } from '../support/api'
import { createArticleAt } from '../support/articles'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { makePhoto, uploadPhoto } from '../support/photos'
import { publishAs } from '../support/publishing'

interface PhotoDoc {
  id: string
  url: string
  width: number
  height: number
  mimeType: string
  alt: string
  placeholder: string
  dominantColor: string
  focalX: number
  focalY: number
  sizes: Record<string, { url: string; width: number; height: number; mimeType: string }>
}

/** Captions through the REST API: per-use text, credits, photos at depth 1, and the 待配图 queue. */
describe('captions over REST', () => {
  let server: TestServer
  let editor: TestUser
  let reporter: TestUser
  let photographer: TestUser
  let chief: TestUser

  beforeAll(async () => {
    server = await startTestServer('captions')
    // The first account of a database is always an admin.
    await signedInAs(server, 'admin')
    editor = await signedInAs(server, 'editor')
    reporter = await signedInAs(server, 'reporter')
    photographer = await signedInAs(server, 'photographer')
    chief = await signedInAs(server, 'chief-editor')
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  async function newPhoto(data: Record<string, unknown>, width = 1800, height = 1200): Promise<PhotoDoc> {
    const response = await uploadPhoto(server.url, await makePhoto({ width, height }), { token: photographer.token, data })
    expect(response.status).toBe(201)
    return response.body.doc
  }
  const createArticle = async (title: string, status: 'published' | 'draft' = 'published') => {
    const article = await server.payload.create({ collection: 'articles', data: { title, _status: 'draft' } as never, overrideAccess: true })
    if (status === 'published') await publishAs(server.payload, String(article.id))
    return article
  }
  // As the chief editor: a caption of a live story is live content (editors' refusals are tested in liveContent.int.test.ts).
  const createCaption = (data: Record<string, unknown>) =>
    callApi(server.url, '/api/captions', { method: 'POST', token: chief.token, body: data })

  /** What a caption should carry for front ends: exactly the photo's URLs, dimensions, alt and placeholder. */
  function expectedImage(photo: PhotoDoc) {
    return {
      url: photo.url,
      width: photo.width,
      height: photo.height,
      mimeType: photo.mimeType,
      alt: photo.alt,
      placeholder: photo.placeholder,
      dominantColor: photo.dominantColor,
      focalX: photo.focalX,
      focalY: photo.focalY,
      sizes: Object.fromEntries(
        PHOTO_DERIVATIVES.map(({ name }) => {
          const { url, width, height, mimeType } = photo.sizes[name]!
          return [name, { url, width, height, mimeType }]
        }),
      ),
    }
  }

  it('an article read at depth 1 carries its captions in order, each with its photo’s URLs per size, dimensions, alt, placeholder and printed credit', async () => {
    const article = await createArticle('安源区中心城区面貌焕然一新')
    const street = await newPhoto({ alt: '安源区中心城区街景', photographer: '郁佳敏' })
    const museum = await newPhoto({ alt: '安源路矿工人纪念馆', photographer: '李羽晨' }, 1200, 1800)
    // Created out of order: the article lists them by position.
    for (const [text, position, photo, credit] of [
      ['学生在安源路矿工人纪念馆开展红色研学活动', 2, museum.id, '王五 李四'],
      ['安源区中心城区面貌焕然一新', 0, street.id, null],
      ['尚未配图的说明', 1, null, null],
    ] as const) {
      const created = await createCaption({ text, position, article: article.id, photo, credit })
      expect(created.status).toBe(201)
    }

    const response = await callApi(server.url, `/api/articles/${article.id}?depth=1`)
    expect(response.status).toBe(200)
    const captions = response.body.captions.docs.map((caption: Record<string, unknown>) => ({
      text: caption.text,
      position: caption.position,
      creditLine: caption.creditLine,
      image: caption.image,
    }))
    expect(captions).toEqual([
      { text: '安源区中心城区面貌焕然一新', position: 0, creditLine: '郁佳敏 摄', image: expectedImage(street) },
      { text: '尚未配图的说明', position: 1, creditLine: null, image: null },
      { text: '学生在安源路矿工人纪念馆开展红色研学活动', position: 2, creditLine: '王五、李四 摄', image: expectedImage(museum) },
    ])
    // The concrete values, so the test does not only compare the API with itself.
    const first = captions[0].image
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/photos\/file\/photo(-\d+)?\.jpg$/)
    expect(first.sizes.thumbnailWebp).toMatchObject({ width: 320, height: 213, mimeType: 'image/webp' })
    expect(first.sizes.hero).toMatchObject({ width: 1600, height: 1067, mimeType: 'image/jpeg' })
    expect(captions[2].image.sizes.card).toMatchObject({ width: 768, height: 1152 })
    expect(first.alt).toBe('安源区中心城区街景')
    expect(first.placeholder).toMatch(/^data:image\/webp;base64,[A-Za-z0-9+/]+=*$/)
    // Every URL an anonymous reader is given works for them.
    for (const url of [first.url, first.sizes.thumbnail.url, captions[2].image.sizes.heroWebp.url]) {
      const file = await fetch(url)
      await file.arrayBuffer()
      expect({ url, status: file.status }).toEqual({ url, status: 200 })
    }
  })

  it('a `select` of only the computed fields still computes them', async () => {
    const photo = await newPhoto({ alt: '选择字段', photographer: '郁佳敏' })
    const article = await createArticle('select 稿件')
    const caption = await createCaption({ text: 'select 说明', article: article.id, photo: photo.id })
    const response = await callApi(server.url, `/api/captions/${caption.body.doc.id}?select[image]=true&select[creditLine]=true`)
    expect(response.body.creditLine).toBe('郁佳敏 摄')
    expect(response.body.image).toEqual(expectedImage(photo))
    expect(response.body.text).toBeUndefined()
  })

  it('the same photo carries a different caption in each article that uses it', async () => {
    const photo = await newPhoto({ alt: '萍乡武功山云海', photographer: '钟进文' })
    const first = await createArticle('武功山迎来旅游旺季')
    const second = await createArticle('芦溪县发展全域旅游')
    await createCaption({ text: '游客在武功山观赏云海', article: first.id, photo: photo.id })
    await createCaption({ text: '芦溪县武功山景区', article: second.id, photo: photo.id, credit: '芦溪县融媒体中心 供图' })
    const read = async (id: string) => (await callApi(server.url, `/api/articles/${id}?depth=1`)).body.captions.docs[0]
    const [a, b] = [await read(first.id), await read(second.id)]
    expect([a.text, a.creditLine, a.image.url]).toEqual(['游客在武功山观赏云海', '钟进文 摄', photo.url])
    expect([b.text, b.creditLine, b.image.url]).toEqual(['芦溪县武功山景区', '芦溪县融媒体中心 供图', photo.url])
  })

  it('prints the credit in the reader’s script: 攝 for zh-Hant', async () => {
    const photo = await newPhoto({ alt: '湘东区', photographer: '郁佳敏' })
    const article = await createArticle('湘東區')
    const caption = await createCaption({ text: '湘东区城区', article: article.id, photo: photo.id })
    const hant = await callApi(server.url, `/api/captions/${caption.body.doc.id}?locale=zh-Hant`)
    expect(hant.body.creditLine).toBe('郁佳敏 攝')
  })

  it('captions of drafts stay hidden from anonymous readers, with their photos', async () => {
    const photo = await newPhoto({ alt: '草稿图片' })
    const draft = await createArticle('草稿稿件', 'draft')
    const caption = await createCaption({ text: '草稿说明', article: draft.id, photo: photo.id })
    expect((await callApi(server.url, `/api/captions/${caption.body.doc.id}`)).status).toBe(404)
    expect((await callApi(server.url, `/api/photos/${photo.id}`)).status).toBe(404)
    // The newsroom sees the caption with its image.
    const signedIn = await callApi(server.url, `/api/captions/${caption.body.doc.id}`, { token: reporter.token })
    expect(signedIn.body.image).toEqual(expectedImage(photo))
  })

  describe('待配图: captions waiting for their photo', () => {
    const queue = async (token: string) => {
      const response = await callApi(server.url, `/api/captions?${AWAITING_PHOTO_QUERY}&limit=500&depth=0`, { token })
      expect(response.status).toBe(200)
      return response.body.docs
        .map((doc: { text: string }) => doc.text)
        .filter((text: string) => text.startsWith('队列'))
        .sort()
    }

    it('lists exactly the captions without a photo; attaching, uploading in place, removing and deleting move them in and out', async () => {
      const article = await createArticle('配图队列稿件', 'draft')
      const ids: Record<string, string> = {}
      for (const text of ['队列1', '队列2', '队列3']) {
        ids[text] = (await createCaption({ text, article: article.id })).body.doc.id
      }
      const library = await newPhoto({ alt: '图库里的图片' })
      ids['队列4'] = (await createCaption({ text: '队列4', article: article.id, photo: library.id })).body.doc.id
      expect(await queue(photographer.token)).toEqual(['队列1', '队列2', '队列3'])

      // A photographer attaches an existing photo…
      const attached = await callApi(server.url, `/api/captions/${ids['队列1']}`, {
        method: 'PATCH',
        token: photographer.token,
        body: { photo: library.id },
      })
      expect(attached.status).toBe(200)
      // …or uploads one in place (the admin's upload drawer: create the photo, then set it on the caption).
      const uploaded = await newPhoto({ alt: '现场上传', photographer: '郁佳敏' })
      await callApi(server.url, `/api/captions/${ids['队列2']}`, { method: 'PATCH', token: photographer.token, body: { photo: uploaded.id } })
      expect(await queue(photographer.token)).toEqual(['队列3'])

      // Removing the photo puts the caption back; so does deleting the photo itself.
      await callApi(server.url, `/api/captions/${ids['队列4']}`, { method: 'PATCH', token: editor.token, body: { photo: null } })
      expect(await queue(editor.token)).toEqual(['队列3', '队列4'])
      const deleted = await server.payload.delete({ collection: 'photos', id: uploaded.id, overrideAccess: true })
      expect(deleted.id).toBe(uploaded.id)
      expect(await queue(editor.token)).toEqual(['队列2', '队列3', '队列4'])
    })

    it('reporters attach existing photos to captions but cannot upload', async () => {
      const article = await createArticle('记者的稿件', 'draft')
      const caption = await createCaption({ text: '队列记者', article: article.id })
      const photo = await newPhoto({ alt: '已有图片' })
      const attached = await callApi(server.url, `/api/captions/${caption.body.doc.id}`, {
        method: 'PATCH',
        token: reporter.token,
        body: { photo: photo.id },
      })
      expect(attached.status).toBe(200)
      expect(attached.body.doc.image.url).toBe(photo.url)
      expect((await uploadPhoto(server.url, await makePhoto({ width: 400, height: 300 }), { token: reporter.token })).status).toBe(403)
    })
  })

  describe('a caption is public exactly while its article is live', () => {
    const isPublic = async (captionId: string) => (await callApi(server.url, `/api/captions/${captionId}`)).status === 200
    const inArticle = async (articleId: string) =>
      (await callApi(server.url, `/api/articles/${articleId}?depth=1`)).body.captions?.docs.map((caption: { text: string }) => caption.text)

    it('through publish, a pending draft revision, unpublish, republish and a move', async () => {
      const transition = (articleId: string, action: string) =>
        callApi(server.url, `/api/articles/${articleId}/transition`, { method: 'POST', token: chief.token, body: { action, comment: '测试' } })
      const article = await createArticleAt(server.payload, 'approved', { title: '说明跟随稿件' })
      const caption = (await createCaption({ text: '跟随稿件的说明', article: article.id })).body.doc
      expect(await isPublic(caption.id)).toBe(false)

      expect((await transition(article.id, 'publish')).status).toBe(200)
      expect(await isPublic(caption.id)).toBe(true)
      expect(await inArticle(article.id)).toEqual(['跟随稿件的说明'])
      // A newer draft of the live story: readers still get the live story, captions included.
      await callApi(server.url, `/api/articles/${article.id}?draft=true`, { method: 'PATCH', token: chief.token, body: { summary: '草稿修改' } })
      expect(await isPublic(caption.id)).toBe(true)

      expect((await transition(article.id, 'unpublish')).status).toBe(200)
      expect(await isPublic(caption.id)).toBe(false)
      expect((await transition(article.id, 'publish')).status).toBe(200)
      expect(await isPublic(caption.id)).toBe(true)

      const draft = await createArticle('另一篇草稿', 'draft')
      await callApi(server.url, `/api/captions/${caption.id}`, { method: 'PATCH', token: chief.token, body: { article: draft.id } })
      expect(await isPublic(caption.id)).toBe(false)
      await callApi(server.url, `/api/captions/${caption.id}`, { method: 'PATCH', token: chief.token, body: { article: article.id } })
      expect(await isPublic(caption.id)).toBe(true)
    })

    it('through the delete of its article: the captions go with it, on every database', async () => {
      // A story that was ever live has an audit trail and cannot be deleted (next test): a draft can.
      const article = await createArticle('将被删除的稿件', 'draft')
      const caption = (await createCaption({ text: '稿件删除后的说明', article: article.id })).body.doc
      expect((await callApi(server.url, `/api/captions/${caption.id}`, { token: editor.token })).status).toBe(200)
      const deleted = await callApi(server.url, `/api/articles/${article.id}`, { method: 'DELETE', token: chief.token })
      expect(deleted.status).toBe(200)
      expect(await isPublic(caption.id)).toBe(false)
      expect((await callApi(server.url, `/api/captions/${caption.id}`, { token: editor.token })).status).toBe(404)
    })

    it('a story with an audit trail cannot be deleted: 409 with the reason, nothing removed', async () => {
      const article = await createArticleAt(server.payload, 'published')
      const caption = (await createCaption({ text: '有流程记录的稿件的说明', article: article.id })).body.doc
      const refused = await callApi(server.url, `/api/articles/${article.id}`, { method: 'DELETE', token: chief.token })
      expect(refused.status).toBe(409)
      expect(JSON.stringify(refused.body)).toContain('流程记录')
      expect(refused.body.errors[0].data.code).toBe('delete-audited')
      expect((await callApi(server.url, `/api/articles/${article.id}`)).status).toBe(200)
      expect((await callApi(server.url, `/api/captions/${caption.id}`, { token: editor.token })).status).toBe(200)
    })

    it('no one can set the flag by hand', async () => {
      const draft = await createArticle('手动标记的草稿', 'draft')
      const created = await createCaption({ text: '想要公开的说明', article: draft.id, articlePublished: true })
      expect(created.status).toBe(201)
      await callApi(server.url, `/api/captions/${created.body.doc.id}`, { method: 'PATCH', token: editor.token, body: { articlePublished: true } })
      expect(await isPublic(created.body.doc.id)).toBe(false)
    })
  })

  it('GraphQL gives anonymous readers the same image and credit', async () => {
    const photo = await newPhoto({ alt: '图表', photographer: '尚健' })
    const article = await createArticle('GraphQL 稿件')
    await createCaption({ text: 'GraphQL 说明', article: article.id, photo: photo.id })
    const response = await callApi(server.url, '/api/graphql', {
      method: 'POST',
      body: { query: `{ Captions(where: { article: { equals: "${article.id}" } }) { docs { text creditLine image } } }` },
    })
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.Captions.docs).toEqual([{ text: 'GraphQL 说明', creditLine: '尚健 摄', image: expectedImage(photo) }])
  })

  // Last: it restarts the server.
  it('a start brings captions whose flag is missing or wrong in step with their articles', async () => {
    const live = await createArticle('重启前已发布')
    const draft = await createArticle('重启前的草稿', 'draft')
    const shown = (await createCaption({ text: '应当公开', article: live.id })).body.doc
    const hidden = (await createCaption({ text: '应当隐藏', article: draft.id })).body.doc
    // As written before the flag existed, or by a write that was not atomic.
    await server.payload.db.updateOne({ collection: 'captions', id: shown.id, data: { articlePublished: false }, returning: false })
    await server.payload.db.updateOne({ collection: 'captions', id: hidden.id, data: { articlePublished: true }, returning: false })
    expect((await callApi(server.url, `/api/captions/${shown.id}`)).status).toBe(404)

    const { databaseUri } = server
    await server.close()
    server = await startTestServer('captions', { databaseUri })
    expect((await callApi(server.url, `/api/captions/${shown.id}`)).status).toBe(200)
    expect((await callApi(server.url, `/api/captions/${hidden.id}`)).status).toBe(404)
  })
})
