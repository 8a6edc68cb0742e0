import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { StoryView } from '../../src/components/site/StoryView'
import { findPublishedStory } from '../../src/site/readerQueries'
import { CAPTIONS_IN_BODY_UPGRADE, placeCaptionsInStoredBodies } from '../../src/startup/placeCaptionsInStoredBodies'
import { callApi, type TestUser, signedInAs } from '../support/api'
import { makePhoto, uploadPhoto } from '../support/photos'
import { moveToStage, publishAs } from '../support/publishing'
import { createStory } from '../support/site'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

type BodyNode = { type: string; children?: { text: string }[]; fields?: { blockType?: string; caption?: unknown } }
type Body = { root: { children: BodyNode[] } }

/** The body as a reader would list it: each paragraph's text, and `[photo: <caption id>]` where a photo block stands. */
function outline(body: Body): string[] {
  return body.root.children.map((node) =>
    node.type === 'block' && node.fields?.blockType === 'captionedPhoto'
      ? `[photo: ${typeof node.fields.caption === 'object' ? (node.fields.caption as { id: string }).id : node.fields.caption}]`
      : node.children!.map((child) => child.text).join(''),
  )
}

const PARAGRAPHS = ['第一段：萍水河综合治理工程启动。', '第二段：河道清淤十二公里。', '第三段：沿岸新建绿道。', '第四段：工程年底完工。']
const HANT = ['第一段：萍水河綜合治理工程啟動。', '第二段：河道清淤十二公里。', '第三段：沿岸新建綠道。', '第四段：工程年底完工。']

/**
 * Stories stored before photo blocks existed: captions with the paragraph index they belonged to,
 * bodies without blocks. A start-up of the new version places the photos in their bodies.
 */
describe('stories stored before photo blocks get their photos in place at start-up', () => {
  let server: TestServer
  let editor: TestUser
  let chief: TestUser
  let live: { id: string; slug: string }
  let inReview: { id: string; slug: string }
  const captionIds: Record<string, string> = {}
  let liveBefore: Record<string, unknown>

  const readArticle = (id: string, query: string, token?: string) => callApi(server.url, `/api/articles/${id}?${query}`, { token })

  beforeAll(async () => {
    const first = await startTestServer('captions-in-body')
    await signedInAs(first, 'admin')
    editor = await signedInAs(first, 'editor')
    chief = await signedInAs(first, 'chief-editor')
    const photographer = await signedInAs(first, 'photographer')

    // A live story with four captions the old way (two sharing a place, one past the last paragraph), then a pending draft.
    live = await createStory(first.payload, { title: '萍水河治理工程启动', paragraphs: PARAGRAPHS, districts: [], hant: { title: '萍水河治理工程啟動', paragraphs: HANT } }, { publish: false })
    const upload = await uploadPhoto(first.url, await makePhoto({ width: 800, height: 600 }), { token: photographer.token, data: { alt: '清淤现场' } })
    expect(upload.status).toBe(201)
    for (const [name, text, position, photo] of [
      ['dredging', '清淤船在河道作业', 1, upload.body.doc.id],
      ['greenway', '沿岸绿道', 3, null],
      ['cyclists', '骑行的市民', 3, null],
      ['map', '工程示意图', 22, null],
    ] as const) {
      const created = await callApi(first.url, '/api/captions', { method: 'POST', token: editor.token, body: { text, article: live.id, position, photo } })
      expect(created.status).toBe(201)
      captionIds[name] = String(created.body.doc.id)
    }
    await publishAs(first.payload, live.id)
    const pending = await callApi(first.url, `/api/articles/${live.id}?draft=true&locale=zh-Hans`, { method: 'PATCH', token: chief.token, body: { title: '萍水河治理工程全面启动' } })
    expect(pending.status).toBe(200)

    // A story never published, waiting for review.
    inReview = await createStory(first.payload, { title: '安源区老旧小区改造', paragraphs: ['改造涉及三十个小区。', '年内完成。'], districts: [] }, { publish: false })
    const caption = await callApi(first.url, '/api/captions', { method: 'POST', token: editor.token, body: { text: '改造后的小区', article: inReview.id, position: 1 } })
    captionIds.estate = String(caption.body.doc.id)
    await moveToStage(first.payload, inReview.id, 'in-review')

    // The database as an older version left it: the upgrade has not run on it (a fresh database records it at its first start).
    const legacyLive = await callApi(first.url, `/api/articles/${live.id}?depth=0&locale=all`, { token: chief.token })
    expect(outline(legacyLive.body.body['zh-Hans'])).toEqual(PARAGRAPHS)
    liveBefore = legacyLive.body
    await first.payload.db.deleteMany({ collection: 'payload-migrations', where: { name: { equals: CAPTIONS_IN_BODY_UPGRADE } } })
    await first.close()
    server = await startTestServer('captions-in-body', { databaseUri: first.databaseUri })
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  it('readers get the live story with each photo before the paragraph its caption belonged to, in both scripts', async () => {
    const { dredging, greenway, cyclists, map } = captionIds
    const expected = (paragraphs: string[]) => [paragraphs[0], `[photo: ${dredging}]`, paragraphs[1], paragraphs[2], `[photo: ${greenway}]`, `[photo: ${cyclists}]`, paragraphs[3], `[photo: ${map}]`]
    const hans = await readArticle(live.id, 'depth=1&locale=zh-Hans')
    expect(hans.status).toBe(200)
    expect(outline(hans.body.body)).toEqual(expected(PARAGRAPHS))
    // The live version stays the live version: its title, not the pending draft's.
    expect(hans.body.title).toBe('萍水河治理工程启动')
    // Each caption's position is now its block's own place: the four no longer share 3 or point past the body.
    const captions = await callApi(server.url, `/api/captions?where[article][equals]=${live.id}&sort=position&depth=0`, { token: editor.token })
    expect(captions.body.docs.map((caption: { id: string; position: number }) => [caption.id, caption.position])).toEqual([
      [dredging, 1],
      [greenway, 4],
      [cyclists, 5],
      [map, 7],
    ])
    expect(outline((await readArticle(live.id, 'depth=0&locale=zh-Hant')).body.body)).toEqual(expected(HANT))
    // The story's captions list in the body's order; nothing else of the stored story changed, its time of last change included.
    const { body: _body, captions: joined, ...rest } = (await readArticle(live.id, 'depth=0&locale=all', chief.token)).body
    expect(joined.docs).toEqual([dredging, greenway, cyclists, map])
    const { body: _bodyBefore, captions: _joinedBefore, ...restBefore } = liveBefore
    expect(rest).toEqual(restBefore)
  })

  it('the reader site’s page shows the photo between the first and second paragraphs, and no list of photos after the body', async () => {
    const story = await findPublishedStory(server.payload, live.slug, 'zh-Hans')
    const html = renderToStaticMarkup(createElement(StoryView, { article: story!, locale: 'zh-Hans' }))
    const between = html.slice(html.indexOf(PARAGRAPHS[0]!), html.indexOf(PARAGRAPHS[1]!))
    expect(between).toContain(`<figure class="story__photo" data-caption-id="${captionIds.dredging}">`)
    expect(between).toContain('清淤船在河道作业')
    expect(html.match(/<figure class="story__photo"/g)).toHaveLength(1)
    expect(html).not.toContain('story__photos')
  })

  it('the pending draft has the blocks too and stays a draft; the story waiting for review gets its block and keeps its stage', async () => {
    const draft = await readArticle(live.id, 'draft=true&depth=0&locale=zh-Hans', chief.token)
    expect(draft.body.title).toBe('萍水河治理工程全面启动')
    expect(draft.body._status).toBe('draft')
    expect(outline(draft.body.body).filter((line) => line.startsWith('[photo'))).toHaveLength(4)
    expect(outline(draft.body.body)[1]).toBe(`[photo: ${captionIds.dredging}]`)
    expect((await readArticle(live.id, 'depth=0', chief.token)).body.workflowStage).toBe('published')

    const waiting = await readArticle(inReview.id, 'draft=true&depth=0', editor.token)
    expect(outline(waiting.body.body)).toEqual(['改造涉及三十个小区。', `[photo: ${captionIds.estate}]`, '年内完成。'])
    expect(waiting.body.workflowStage).toBe('in-review')
    expect((await readArticle(inReview.id, 'depth=0')).status).toBe(404)
  })

  it('running the upgrade again changes nothing', async () => {
    const readAll = () =>
      Promise.all([
        readArticle(live.id, 'depth=0&locale=all'),
        readArticle(live.id, 'draft=true&depth=0&locale=all', chief.token),
        readArticle(inReview.id, 'draft=true&depth=0&locale=all', editor.token),
        callApi(server.url, '/api/captions?sort=position&depth=0&limit=50&locale=all', { token: editor.token }),
      ])
    const before = await readAll()
    expect(await placeCaptionsInStoredBodies(server.payload)).toEqual({ articles: 0, documents: 0 })
    const after = await readAll()
    expect(after.map((response) => response.body)).toEqual(before.map((response) => response.body))
  })
})
