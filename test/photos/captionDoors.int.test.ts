import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildLexicalBody } from '../../src/importer/store/buildLexicalBody'
import { buildCaptionBlockNode } from '../../src/photos/captionBlocks'
import { callApi, type TestUser, signedInAs, userDocOf } from '../support/api'
import { eventually } from '../support/eventually'
import { moveToStage } from '../support/publishing'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

type Body = ReturnType<typeof buildLexicalBody>
type Id = string | number
type Locale = 'zh-Hans' | 'zh-Hant'

/** What the caller of a door hears: the HTTP status (or the Local API error's), and the message. */
interface Outcome {
  status: number
  message: string
}

/** A refusal of the photo block's caption names the field by its labels (collections/Articles/blocks/captionedPhoto.ts). */
const NAMES_THE_CAPTION = /正文 > 图片说明|Body > Caption/

let blockCount = 0

/** A body of one paragraph, followed by a photo block showing the given caption when one is given. */
function bodyShowing(text: string, captionId?: Id): Body {
  const body = buildLexicalBody([{ type: 'paragraph', text } as never])
  if (captionId !== undefined) body.root.children.push(buildCaptionBlockNode(`d0${String(++blockCount).padStart(22, '0')}`, captionId))
  return body
}

type StoredNode = { type: string; children?: { text: string }[]; fields?: { caption?: unknown } }

/** The body as a reader would list it: each paragraph's text, and `[photo <caption id>]` where a photo block stands. */
function outline(body: { root: { children: StoredNode[] } } | null | undefined): string[] {
  return (body?.root.children ?? []).map((node) =>
    node.type === 'block' ? `[photo ${String(node.fields?.caption)}]` : (node.children ?? []).map((child) => child.text).join(''),
  )
}


/**
 * A photo block may show only a caption of its own story (the caption's `article` is the story).
 * test/photos/photoBlocks.int.test.ts checks the draft save over REST and the admin's picker; this
 * file tries every other door Payload opens to an article's body, with a body whose block points at
 * another story's caption: each refuses it and stores nothing, and takes the story's own caption.
 */
describe('a photo block shows only its own story’s caption, through every door', () => {
  let server: TestServer
  let chief: TestUser
  let editor: TestUser

  const rest = (path: string, init: Parameters<typeof callApi>[2] = {}) => callApi(server.url, path, init)
  const graphql = (token: string, query: string, variables: Record<string, unknown>) => rest('/api/graphql', { method: 'POST', token, body: { query, variables } })
  const restOutcome = (response: { status: number; body: any }): Outcome => ({ status: response.status, message: response.body?.errors?.[0]?.message ?? '' })
  const graphqlOutcome = (response: { body: any }): Outcome => {
    const error = response.body.errors?.[0]
    return error ? { status: error.extensions?.statusCode ?? 500, message: error.message } : { status: 200, message: '' }
  }
  /** A Local API call: 200 when it returns, else the status and message of what it threw. */
  const localOutcome = async (call: () => Promise<unknown>): Promise<Outcome> => {
    try {
      await call()
      return { status: 200, message: '' }
    } catch (error) {
      return { status: (error as { status?: number }).status ?? 500, message: (error as Error).message }
    }
  }

  /** A new draft story written by the editor over REST, with one paragraph and no photo yet. */
  const createStory = async (title: string): Promise<Id> => {
    const created = await rest('/api/articles?draft=true', { method: 'POST', token: editor.token, body: { title, body: bodyShowing(`${title}：正文`), _status: 'draft' } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    return created.body.doc.id
  }
  const createCaption = async (articleId: Id, text: string): Promise<Id> => {
    const created = await rest('/api/captions', { method: 'POST', token: editor.token, body: { text, article: articleId } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    return created.body.doc.id
  }
  /** Saves a body as a draft over REST (the way photoBlocks.int.test.ts shows is guarded), in one script. */
  const saveDraftBody = async (articleId: Id, body: Body, locale: Locale = 'zh-Hans') => {
    const saved = await rest(`/api/articles/${articleId}?draft=true&locale=${locale}`, { method: 'PATCH', token: editor.token, body: { body } })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
  }
  /** The chief editor gives a caption to another story (Captions' `article`), as the photo desk's reassignment does. */
  const moveCaption = async (captionId: Id, toArticle: Id) => {
    const moved = await rest(`/api/captions/${captionId}`, { method: 'PATCH', token: chief.token, body: { article: toArticle } })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
  }
  /** The stored body read back over REST: the newsroom's latest version, or (live) what anonymous readers get. */
  const storedOutline = async (articleId: Id, { locale = 'zh-Hans', live = false }: { locale?: Locale; live?: boolean } = {}) => {
    const read = await rest(`/api/articles/${articleId}?depth=0&locale=${locale}${live ? '' : '&draft=true'}`, { token: live ? undefined : chief.token })
    expect(read.status).toBe(200)
    return outline(read.body.body)
  }
  const latestVersionId = async (articleId: Id): Promise<Id> => {
    const versions = await rest(`/api/articles/versions?where[parent][equals]=${articleId}&sort=-createdAt&limit=1&depth=0`, { token: editor.token })
    return versions.body.docs[0].id
  }

  let story: Id
  let ownCaption: Id
  let otherStory: Id
  let otherCaption: Id

  beforeAll(async () => {
    server = await startTestServer('caption-doors')
    await signedInAs(server, 'admin')
    chief = await signedInAs(server, 'chief-editor')
    editor = await signedInAs(server, 'editor')
    story = await createStory('本稿件')
    ownCaption = await createCaption(story, '本稿件的图片说明')
    otherStory = await createStory('另一篇稿件')
    otherCaption = await createCaption(otherStory, '另一篇稿件的图片说明')
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  /** Doors that save an existing story's body, each as the editor unless it says otherwise. */
  const UPDATE_DOORS: { name: string; save: (articleId: Id, body: Body) => Promise<Outcome> }[] = [
    {
      name: 'REST PATCH without draft (a save of the document itself)',
      save: async (id, body) => restOutcome(await rest(`/api/articles/${id}`, { method: 'PATCH', token: editor.token, body: { body } })),
    },
    {
      name: 'REST PATCH ?draft=true naming the other story’s id in its data',
      save: async (id, body) => restOutcome(await rest(`/api/articles/${id}?draft=true`, { method: 'PATCH', token: editor.token, body: { id: otherStory, body } })),
    },
    {
      name: 'REST PATCH ?autosave=true&draft=true (the admin’s autosave)',
      save: async (id, body) => restOutcome(await rest(`/api/articles/${id}?autosave=true&draft=true`, { method: 'PATCH', token: editor.token, body: { body } })),
    },
    {
      name: 'REST PATCH ?draft=true&locale=zh-Hant (the other script’s body)',
      save: async (id, body) => restOutcome(await rest(`/api/articles/${id}?draft=true&locale=zh-Hant`, { method: 'PATCH', token: editor.token, body: { body } })),
    },
    {
      name: 'GraphQL updateArticle',
      save: async (id, body) =>
        graphqlOutcome(await graphql(editor.token, 'mutation($id: String!, $data: mutationArticleUpdateInput!) { updateArticle(id: $id, data: $data) { id } }', { id: String(id), data: { body } })),
    },
    {
      name: 'GraphQL updateArticle(draft: true)',
      save: async (id, body) =>
        graphqlOutcome(await graphql(editor.token, 'mutation($id: String!, $data: mutationArticleUpdateInput!) { updateArticle(id: $id, data: $data, draft: true) { id } }', { id: String(id), data: { body } })),
    },
    {
      name: 'REST bulk PATCH /api/articles?where[id][equals]=…',
      save: async (id, body) => {
        const response = await rest(`/api/articles?where[id][equals]=${id}&draft=true`, { method: 'PATCH', token: editor.token, body: { body } })
        return restOutcome(response)
      },
    },
    {
      name: 'Local API update by where, as the editor (overrideAccess: false)',
      save: async (id, body) => {
        const result = await server.payload.update({ collection: 'articles', where: { id: { equals: id } }, data: { body } as never, draft: true, user: await userDocOf(server.payload, editor.id), overrideAccess: false })
        return result.errors.length > 0 ? { status: 400, message: String(result.errors[0]!.message) } : { status: result.docs.length === 1 ? 200 : 404, message: '' }
      },
    },
    {
      name: 'Local API update by id, as the editor (overrideAccess: false)',
      save: async (id, body) =>
        localOutcome(async () => server.payload.update({ collection: 'articles', id, data: { body } as never, draft: true, user: await userDocOf(server.payload, editor.id), overrideAccess: false })),
    },
    {
      name: 'Local API update by id without a user, overrideAccess: true (a system path)',
      save: async (id, body) => localOutcome(() => server.payload.update({ collection: 'articles', id, data: { body } as never, draft: true, overrideAccess: true })),
    },
  ]

  it.each(UPDATE_DOORS)('$name: another story’s caption is refused and nothing is stored; the story’s own is saved', async ({ name, save }) => {
    const locale: Locale = name.includes('zh-Hant') ? 'zh-Hant' : 'zh-Hans'
    const before = await storedOutline(story, { locale })
    const refused = await save(story, bodyShowing('配上别的稿件的图', otherCaption))
    expect(refused.status).toBe(400)
    expect(refused.message).toMatch(NAMES_THE_CAPTION)
    expect(await storedOutline(story, { locale })).toEqual(before)

    const text = `配上本稿件的图：${name}`
    const saved = await save(story, bodyShowing(text, ownCaption))
    expect(saved, saved.message).toEqual({ status: 200, message: '' })
    expect(await storedOutline(story, { locale })).toEqual([text, `[photo ${ownCaption}]`])
  })

  it('a block already in the body that is given another story’s caption is judged like a new one', async () => {
    await saveDraftBody(story, bodyShowing('原有的图', ownCaption))
    const stored = (await rest(`/api/articles/${story}?draft=true&depth=0`, { token: editor.token })).body.body
    const block = stored.root.children.find((node: { type: string }) => node.type === 'block')
    block.fields.caption = otherCaption
    const refused = await rest(`/api/articles/${story}?draft=true`, { method: 'PATCH', token: editor.token, body: { body: stored } })
    expect(refused.status).toBe(400)
    expect(restOutcome(refused).message).toMatch(NAMES_THE_CAPTION)
    expect(await storedOutline(story)).toEqual(['原有的图', `[photo ${ownCaption}]`])
  })

  it('a bulk update by where over two stories saves the body where the caption is the story’s own and refuses it on the other', async () => {
    const otherBefore = await storedOutline(otherStory)
    const response = await rest(`/api/articles?where[id][in]=${story},${otherStory}&draft=true`, {
      method: 'PATCH',
      token: editor.token,
      body: { body: bodyShowing('批量修改', ownCaption) },
    })
    expect(response.status).toBe(400)
    expect(response.body.docs.map((doc: { id: Id }) => String(doc.id))).toEqual([String(story)])
    expect(response.body.errors).toEqual([expect.objectContaining({ id: otherStory, message: expect.stringMatching(NAMES_THE_CAPTION) })])
    expect(await storedOutline(story)).toEqual(['批量修改', `[photo ${ownCaption}]`])
    expect(await storedOutline(otherStory)).toEqual(otherBefore)
  })

  it('the live story: a live edit (PATCH without draft) or a publish over REST refuses another story’s caption and readers keep the live body; its own goes live', async () => {
    const live = await createStory('已发布的稿件')
    const liveCaption = await createCaption(live, '已发布稿件的图片说明')
    await saveDraftBody(live, bodyShowing('发布时的正文', liveCaption))
    await moveToStage(server.payload, String(live), 'published')
    const published = ['发布时的正文', `[photo ${liveCaption}]`]
    expect(await storedOutline(live, { live: true })).toEqual(published)

    for (const data of [{}, { _status: 'published' }]) {
      const refused = await rest(`/api/articles/${live}`, { method: 'PATCH', token: chief.token, body: { ...data, body: bodyShowing('换上别的稿件的图', otherCaption) } })
      expect(refused.status).toBe(400)
      expect(restOutcome(refused).message).toMatch(NAMES_THE_CAPTION)
      expect(await storedOutline(live, { live: true })).toEqual(published)
    }
    const edited = await rest(`/api/articles/${live}`, { method: 'PATCH', token: chief.token, body: { body: bodyShowing('修改后的正文', liveCaption) } })
    expect(edited.status).toBe(200)
    expect(await storedOutline(live, { live: true })).toEqual(['修改后的正文', `[photo ${liveCaption}]`])
  })

  it('publishing puts both scripts live: a caption given away is refused while either body still shows it', async () => {
    const story = await createStory('两种字体的稿件')
    const caption = await createCaption(story, '后来移走的说明')
    await saveDraftBody(story, bodyShowing('简体正文', caption))
    await saveDraftBody(story, bodyShowing('繁體正文', caption), 'zh-Hant')
    await moveToStage(server.payload, String(story), 'approved')
    await moveCaption(caption, otherStory)
    const publish = () => rest(`/api/articles/${story}/transition`, { method: 'POST', token: chief.token, body: { action: 'publish' } })

    // The editor takes the block out of the zh-Hans body (a draft save: the block left standing is not judged again).
    await saveDraftBody(story, bodyShowing('简体正文'))
    const refused = await publish()
    expect(refused.status).toBe(400)
    expect(restOutcome(refused).message).toMatch(NAMES_THE_CAPTION)
    expect((await rest(`/api/articles/${story}`)).status).toBe(404)

    await saveDraftBody(story, bodyShowing('繁體正文'), 'zh-Hant')
    expect((await publish()).status).toBe(200)
    expect(await storedOutline(story, { live: true, locale: 'zh-Hant' })).toEqual(['繁體正文'])
  })

  /**
   * A story being created has no id, so it owns no caption yet: a block in its first save is refused
   * whatever caption it names (every caption belongs to a story), and so is an `id` the request claims.
   * The importer saves a new story without its blocks and places them once its captions exist.
   */
  const CREATE_DOORS: { name: string; create: (data: Record<string, unknown>) => Promise<Outcome> }[] = [
    { name: 'REST POST', create: async (data) => restOutcome(await rest('/api/articles', { method: 'POST', token: editor.token, body: data })) },
    { name: 'REST POST ?draft=true', create: async (data) => restOutcome(await rest('/api/articles?draft=true', { method: 'POST', token: editor.token, body: data })) },
    {
      name: 'REST POST claiming the other story’s id',
      create: async (data) => restOutcome(await rest('/api/articles?draft=true', { method: 'POST', token: editor.token, body: { ...data, id: otherStory } })),
    },
    {
      name: 'GraphQL createArticle(draft: true)',
      create: async (data) => graphqlOutcome(await graphql(editor.token, 'mutation($data: mutationArticleInput!) { createArticle(data: $data, draft: true) { id } }', { data })),
    },
    {
      name: 'Local API create without a user, overrideAccess: true (as the importer saves)',
      create: (data) => localOutcome(() => server.payload.create({ collection: 'articles', data: data as never, draft: true, overrideAccess: true })),
    },
  ]

  it.each(CREATE_DOORS)('$name: a new story with a block showing another story’s caption is refused and not created; without the block it is', async ({ name, create }) => {
    const title = `新稿件：${name}`
    const countTitled = async () => (await rest(`/api/articles?where[title][equals]=${encodeURIComponent(title)}&draft=true&depth=0`, { token: chief.token })).body.totalDocs
    const refused = await create({ title, body: bodyShowing('新稿件借用别的稿件的图', otherCaption), _status: 'draft' })
    expect(refused.status).toBe(400)
    expect(refused.message).toMatch(NAMES_THE_CAPTION)
    expect(await countTitled()).toBe(0)

    const created = await create({ title, body: bodyShowing('新稿件，还没有图'), _status: 'draft' })
    expect(created.status, created.message).toBe(name.startsWith('REST') ? 201 : 200)
    expect(await countTitled()).toBe(1)
  })

  describe('restoring a version (REST POST /api/articles/versions/:id, GraphQL restoreVersionArticle)', () => {
    const restore = async (versionId: Id) => restOutcome(await rest(`/api/articles/versions/${versionId}?draft=true`, { method: 'POST', token: editor.token }))
    const restoreOverGraphql = async (versionId: Id) =>
      graphqlOutcome(await graphql(editor.token, 'mutation($id: String!) { restoreVersionArticle(id: $id, draft: true) { id } }', { id: String(versionId) }))

    it('a version whose block shows a caption since given to another story is not restored, in either script; one whose caption stayed is', async () => {
      const restored = await createStory('恢复版本的稿件')
      const [moved, movedHant, stays] = [await createCaption(restored, '后来移走的说明'), await createCaption(restored, '后来移走的繁体说明'), await createCaption(restored, '一直属于本稿件的说明')]

      // Version 1: both scripts show `moved`. Version 2: only the zh-Hant body shows `movedHant`. Version 3: `stays`.
      await saveDraftBody(restored, bodyShowing('第一版', moved))
      await saveDraftBody(restored, bodyShowing('第一版', moved), 'zh-Hant')
      const first = await latestVersionId(restored)
      await saveDraftBody(restored, bodyShowing('第二版'))
      await saveDraftBody(restored, bodyShowing('第二版', movedHant), 'zh-Hant')
      const second = await latestVersionId(restored)
      await saveDraftBody(restored, bodyShowing('第三版', stays))
      await saveDraftBody(restored, bodyShowing('第三版', stays), 'zh-Hant')
      const third = await latestVersionId(restored)
      // The latest: no photo in either script.
      await saveDraftBody(restored, bodyShowing('最新版'))
      await saveDraftBody(restored, bodyShowing('最新版'), 'zh-Hant')

      await moveCaption(moved, otherStory)
      await moveCaption(movedHant, otherStory)
      for (const version of [first, second]) {
        for (const refused of [await restore(version), await restoreOverGraphql(version)]) {
          expect(refused.status).toBe(400)
          expect(refused.message).toMatch(NAMES_THE_CAPTION)
          expect(await storedOutline(restored)).toEqual(['最新版'])
          expect(await storedOutline(restored, { locale: 'zh-Hant' })).toEqual(['最新版'])
        }
      }

      expect(await restore(third)).toEqual({ status: 200, message: '' })
      expect(await storedOutline(restored)).toEqual(['第三版', `[photo ${stays}]`])
      expect(await storedOutline(restored, { locale: 'zh-Hant' })).toEqual(['第三版', `[photo ${stays}]`])
    })
  })

  /**
   * A copy is a new story: it owns no caption, so it does not take the original's. The copy keeps the
   * body's text and leaves its photo blocks out; the original keeps its captions and its body.
   */
  describe('duplicating a story', () => {
    it.each([
      {
        name: 'REST POST /api/articles/:id/duplicate',
        duplicate: async (id: Id) => {
          const response = await rest(`/api/articles/${id}/duplicate?draft=true`, { method: 'POST', token: editor.token, body: {} })
          expect(response.status, JSON.stringify(response.body)).toBe(200)
          return response.body.doc.id as Id
        },
      },
      {
        name: 'Local API duplicate, as the editor (overrideAccess: false)',
        duplicate: async (id: Id) =>
          (await server.payload.duplicate({ collection: 'articles', id, draft: true, user: await userDocOf(server.payload, editor.id), overrideAccess: false })).id as Id,
      },
    ])('$name: the copy has the text without the original’s photos, and can be saved', async ({ name, duplicate }) => {
      const original = await createStory(`被复制的稿件：${name}`)
      const caption = await createCaption(original, '原稿的图片说明')
      await saveDraftBody(original, bodyShowing('原稿正文', caption))
      await saveDraftBody(original, bodyShowing('原稿正文（繁）', caption), 'zh-Hant')

      const copy = await duplicate(original)
      expect(String(copy)).not.toBe(String(original))
      expect(await storedOutline(copy)).toEqual(['原稿正文'])
      expect(await storedOutline(copy, { locale: 'zh-Hant' })).toEqual(['原稿正文（繁）'])
      expect(await storedOutline(original)).toEqual(['原稿正文', `[photo ${caption}]`])
      const captionsOfCopy = await rest(`/api/captions?where[article][equals]=${copy}&depth=0`, { token: editor.token })
      expect(captionsOfCopy.body.totalDocs).toBe(0)
      // The copy is a story the newsroom can go on with (a copy still showing the original's captions could not be saved).
      await saveDraftBody(copy, bodyShowing('复制后改写的正文'))
      expect(await storedOutline(copy)).toEqual(['复制后改写的正文'])
    })
  })

  /**
   * Payload's schedulePublish job publishes the latest draft at its time, saving as the chief editor who
   * scheduled it. A caption the draft showed when it was approved may have been given to another story
   * since: the publish is refused (the job fails, visible under 后台任务) rather than putting another
   * story's caption in a live story; a story whose captions stayed goes live on time.
   */
  it('the scheduled publish of a draft whose caption was since given to another story is refused; its neighbour goes live', async () => {
    const [stale, fine] = [await createStory('定时发布：说明已移走'), await createStory('定时发布：说明仍在')]
    const [staleCaption, fineCaption] = [await createCaption(stale, '将被移走的说明'), await createCaption(fine, '仍属本稿件的说明')]
    await saveDraftBody(stale, bodyShowing('定时发布的正文', staleCaption))
    await saveDraftBody(fine, bodyShowing('定时发布的正文', fineCaption))
    const publishAt = new Date(Date.now() + 4000).toISOString()
    for (const id of [stale, fine]) {
      await moveToStage(server.payload, String(id), 'approved')
      const scheduled = await rest(`/api/articles/${id}/transition`, { method: 'POST', token: chief.token, body: { action: 'schedule', publishAt } })
      expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200)
    }
    await moveCaption(staleCaption, otherStory)

    const jobOf = async (id: Id) =>
      (await server.payload.find({ collection: 'payload-jobs', where: { 'input.doc.value': { equals: String(id) } }, depth: 0, overrideAccess: true })).docs[0] as
        | { totalTried?: number; log?: { state: string; error?: unknown }[] }
        | undefined
    expect(await eventually(async () => (await rest(`/api/articles/${fine}`)).status === 200)).toBe(true)
    expect(await storedOutline(fine, { live: true })).toEqual(['定时发布的正文', `[photo ${fineCaption}]`])
    expect(await eventually(async () => ((await jobOf(stale))?.totalTried ?? 0) >= 1)).toBe(true)
    const failed = (await jobOf(stale))!.log!.find((entry) => entry.state === 'failed')
    expect(JSON.stringify(failed?.error)).toMatch(NAMES_THE_CAPTION)
    expect((await rest(`/api/articles/${stale}`)).status).toBe(404)
    // Not judged again by a save that neither places it anew nor publishes: the chief editor can take the
    // schedule back (no more retries), and a live story whose caption was given away can still be taken down.
    expect((await rest(`/api/articles/${stale}/transition`, { method: 'POST', token: chief.token, body: { action: 'unschedule' } })).status).toBe(200)
    await moveCaption(fineCaption, otherStory)
    const takenDown = await rest(`/api/articles/${fine}/transition`, { method: 'POST', token: chief.token, body: { action: 'unpublish', comment: '撤稿' } })
    expect(takenDown.status, JSON.stringify(takenDown.body)).toBe(200)
    expect((await rest(`/api/articles/${fine}`)).status).toBe(404)
  })
})
