import path from 'node:path'
import { fieldSchemasToFormState } from '@payloadcms/ui/forms/fieldSchemasToFormState'
import { createLocalReq } from 'payload'
import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi, type TestUser, signedInAs, userDocOf } from '../support/api'
import { importAndCollect } from '../support/importer'
import { publishOverWarningsAs } from '../support/publishing'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { makePhoto, uploadPhoto } from '../support/photos'
import { CaptionedPhotoBlock } from '../../collections/Articles/blocks/captionedPhoto'

const PRINT_SEED = path.resolve(import.meta.dirname, '../../seeds/001_14f00e902adda0b7.txt')

type BodyNode = { type: string; children?: { text: string }[]; fields?: { blockType?: string; caption?: unknown } }
type Body = { root: { children: BodyNode[] } }

/** Where the body's photo blocks stand, and the caption each shows (its text when populated, else its id). */
function photoBlocksOf(body: Body): { index: number; caption: unknown }[] {
  return body.root.children.flatMap((node, index) =>
    node.type === 'block' && node.fields?.blockType === 'captionedPhoto' ? [{ index, caption: node.fields.caption }] : [],
  )
}

const captionText = (caption: unknown) => (caption as { text: string }).text
const idOf = (caption: unknown) => (typeof caption === 'object' ? String((caption as { id: string }).id) : String(caption))

/** The print-layout seed imported as a newcomer's first start does: photos in their place in the body, as blocks. */
describe('photos in their place: the body’s photo blocks over REST', () => {
  let server: TestServer
  let editor: TestUser
  let photographer: TestUser
  let chief: TestUser
  let articleId: string
  let captionIds: string[]

  beforeAll(async () => {
    server = await startTestServer('photoblocks')
    await signedInAs(server, 'admin')
    editor = await signedInAs(server, 'editor')
    photographer = await signedInAs(server, 'photographer')
    chief = await signedInAs(server, 'chief-editor')
    const [result] = await importAndCollect(server.payload, [PRINT_SEED], { dryRun: false })
    expect(result!.ok).toBe(true)
    articleId = String(result!.id)
    const captions = await callApi(server.url, `/api/captions?where[article][equals]=${articleId}&sort=position&depth=0&limit=50`, { token: editor.token })
    captionIds = captions.body.docs.map((caption: { id: string }) => String(caption.id))
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  const anonymous = (url: string) => callApi(server.url, url)
  const readBody = async (query: string, token?: string): Promise<Body> =>
    (await callApi(server.url, `/api/articles/${articleId}?${query}`, { token })).body.body

  it('the imported story’s body carries each photo before the paragraph its caption preceded, the caption populated at depth 1', async () => {
    const body = await readBody('draft=true&depth=1', editor.token)
    const blocks = photoBlocksOf(body)
    expect(blocks.map((block) => block.index)).toEqual([0, 7, 10, 11, 16, 17])
    expect(blocks.map((block) => captionText(block.caption))).toEqual([
      '安源区中心城区面貌焕然一新',
      '伯乐智能公司的工人正在进行注塑机的整机组装',
      '青山傍居 秀美村庄',
      '村民脸上洋溢着丰收的喜悦',
      '学生在安源路矿工人纪念馆开展红色研学活动',
      '景美人 喜迎客来',
    ])
    // The photo of the Bole workers follows the paragraph about Bole, as in the print edition.
    expect(body.root.children[6]!.children![0]!.text).toMatch(/^伯乐智能发展态势/)
    expect(blocks[0]!.caption).toMatchObject({ creditLine: '郁佳敏 摄', image: null })
    // Each caption's position is its block's own place; none shares one.
    const captions = await callApi(server.url, `/api/captions?where[article][equals]=${articleId}&sort=position&depth=0&limit=50`, { token: editor.token })
    expect(captions.body.docs.map((caption: { position: number }) => caption.position)).toEqual([0, 7, 10, 11, 16, 17])
  })

  it('depth 0 gives the captions’ ids in place; the zh-Hant body has the same blocks with the zh-Hant captions', async () => {
    expect(photoBlocksOf(await readBody('draft=true&depth=0', editor.token)).map((block) => block.caption)).toEqual(captionIds)
    const hant = photoBlocksOf(await readBody('draft=true&depth=1&locale=zh-Hant', editor.token))
    expect(hant.map((block) => block.index)).toEqual([0, 7, 10, 11, 16, 17])
    expect(captionText(hant[0]!.caption)).toBe('安源區中心城區面貌煥然一新')
  })

  it('the block’s caption picker offers the story’s own captions only, and a caption made for the story from it joins them', async () => {
    // Another story's caption, which the picker must not offer.
    const other = await callApi(server.url, '/api/articles', { method: 'POST', token: editor.token, body: { title: '另一篇稿件', _status: 'draft' } })
    expect(other.status).toBe(201)
    const foreign = await callApi(server.url, '/api/captions', { method: 'POST', token: editor.token, body: { text: '别的稿件的图片', article: other.body.doc.id } })
    expect(foreign.status).toBe(201)

    // The form state the admin builds for a photo block of this story (as the body's editor does): the picker adds its filterOptions to its query.
    const req = await createLocalReq({ user: await userDocOf(server.payload, editor.id) }, server.payload)
    const state = await fieldSchemasToFormState({
      id: articleId,
      collectionSlug: 'articles',
      data: { blockType: 'captionedPhoto', caption: captionIds[0] },
      documentData: {},
      fields: CaptionedPhotoBlock.fields,
      fieldSchemaMap: undefined,
      operation: 'update',
      permissions: {},
      preferences: { fields: {} },
      renderAllFields: false,
      req,
      schemaPath: '',
    })
    const filter = (state.caption as { filterOptions?: Record<string, unknown> }).filterOptions!.captions
    const offered = async () =>
      (await callApi(server.url, `/api/captions?${stringify({ where: filter, limit: 100, depth: 0 })}`, { token: editor.token })).body.docs.map((caption: { id: string }) => String(caption.id))
    expect((await offered()).sort()).toEqual([...captionIds].sort())

    // “Create new” in the picker makes a caption of this story: the picker then offers it too.
    const made = await callApi(server.url, '/api/captions', { method: 'POST', token: editor.token, body: { text: '新补的图片说明', article: articleId } })
    expect(made.status).toBe(201)
    expect(await offered()).toContain(String(made.body.doc.id))
    expect(await offered()).not.toContain(String(foreign.body.doc.id))

    // A block pointing at another story's caption is refused on save; this story's new caption is accepted.
    const body = await readBody('draft=true&depth=0', editor.token)
    const withBlockFor = (captionId: string): Body => ({ ...body, root: { ...body.root, children: [...body.root.children, { type: 'block', version: 2, format: '', fields: { id: `ff${captionId.replace(/-/g, '').slice(0, 22)}`, blockName: '', blockType: 'captionedPhoto', caption: captionId } } as never] } })
    const refused = await callApi(server.url, `/api/articles/${articleId}?draft=true`, { method: 'PATCH', token: editor.token, body: { body: withBlockFor(String(foreign.body.doc.id)) } })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors).toEqual([expect.objectContaining({ label: '正文 > 图片说明', path: 'body.caption' })])
    // The refusal names the field by its labels in the admin's language, never by its key.
    expect(refused.body.errors[0].message).toBe('下面的字段是无效的：正文 > 图片说明')
    const refusedInEnglish = await callApi(server.url, `/api/articles/${articleId}?draft=true`, { method: 'PATCH', token: editor.token, headers: { 'accept-language': 'en' }, body: { body: withBlockFor(String(foreign.body.doc.id)) } })
    expect(refusedInEnglish.body.errors[0].message).toBe('The following field is invalid: Body > Caption')
    const accepted = await callApi(server.url, `/api/articles/${articleId}?draft=true`, { method: 'PATCH', token: editor.token, body: { body: withBlockFor(String(made.body.doc.id)) } })
    expect(accepted.status).toBe(200)
    expect(photoBlocksOf(accepted.body.doc.body).map((block) => idOf(block.caption))).toEqual([...captionIds, String(made.body.doc.id)])
    // The story's body as it was, for the tests after this one.
    expect((await callApi(server.url, `/api/articles/${articleId}?draft=true`, { method: 'PATCH', token: editor.token, body: { body } })).status).toBe(200)
  })

  it('readers get the photos in place once the story is published; a block taken out of the published body hides its caption and its photo again', async () => {
    const [kept, removed] = [captionIds[1]!, captionIds[2]!]
    const photoIds: string[] = []
    for (const captionId of [kept, removed]) {
      const upload = await uploadPhoto(server.url, await makePhoto({ width: 800, height: 600 }), { token: photographer.token, data: { alt: '配图' } })
      expect(upload.status).toBe(201)
      photoIds.push(String(upload.body.doc.id))
      const attached = await callApi(server.url, `/api/captions/${captionId}`, { method: 'PATCH', token: photographer.token, body: { photo: upload.body.doc.id } })
      expect(attached.status).toBe(200)
    }
    const [keptPhoto, removedPhoto] = photoIds as [string, string]
    expect((await anonymous(`/api/captions/${kept}`)).status).toBe(404)
    expect((await anonymous(`/api/photos/${keptPhoto}`)).status).toBe(404)

    await publishOverWarningsAs(server.payload, articleId, '已核对原文')
    const live = photoBlocksOf((await anonymous(`/api/articles/${articleId}?depth=1`)).body.body)
    expect(live.map((block) => block.index)).toEqual([0, 7, 10, 11, 16, 17])
    expect(live[1]!.caption).toMatchObject({ text: '伯乐智能公司的工人正在进行注塑机的整机组装', image: { alt: '配图' } })
    for (const url of [`/api/captions/${kept}`, `/api/captions/${removed}`, `/api/photos/${keptPhoto}`, `/api/photos/${removedPhoto}`]) {
      expect((await anonymous(url)).status, url).toBe(200)
    }

    // The chief editor takes the third photo out of the live story's body in both scripts: a pending draft changes nothing for readers…
    for (const locale of ['zh-Hans', 'zh-Hant']) {
      const body = await readBody(`draft=true&depth=0&locale=${locale}`, chief.token)
      const children = body.root.children.filter((node) => !(node.type === 'block' && node.fields?.caption === removed))
      const saved = await callApi(server.url, `/api/articles/${articleId}?draft=true&locale=${locale}`, {
        method: 'PATCH',
        token: chief.token,
        body: { body: { ...body, root: { ...body.root, children } } },
      })
      expect(saved.status).toBe(200)
    }
    expect((await anonymous(`/api/captions/${removed}`)).status).toBe(200)

    // …until it is published: then that caption and its photo are no longer public, the others stay.
    await publishOverWarningsAs(server.payload, articleId, '已核对原文')
    const republished = photoBlocksOf((await anonymous(`/api/articles/${articleId}?depth=1`)).body.body)
    expect(republished.map((block) => captionText(block.caption))).not.toContain('青山傍居 秀美村庄')
    expect(republished).toHaveLength(5)
    expect((await anonymous(`/api/captions/${removed}`)).status).toBe(404)
    expect((await anonymous(`/api/photos/${removedPhoto}`)).status).toBe(404)
    expect((await anonymous(`/api/captions/${kept}`)).status).toBe(200)
    expect((await anonymous(`/api/photos/${keptPhoto}`)).status).toBe(200)
    // The newsroom still has the caption: it waits to be placed again.
    expect((await callApi(server.url, `/api/captions/${removed}`, { token: editor.token })).status).toBe(200)
  })
})
