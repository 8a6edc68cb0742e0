import path from 'node:path'

import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { trackReadDependencies } from '../../src/delivery/changeLog/trackReadDependencies'
import { parseArticlePageQuery } from '../../src/delivery/fastReads/parseArticlePageQuery'
import { createSqlitePublishedArticleReader } from '../../src/delivery/fastReads/readPublishedArticles'
import { buildCaptionBlockNode } from '../../src/photos/captionBlocks'
import { callApi, signedInAs, type TestUser } from '../support/api'
import { importAndCollect } from '../support/importer'
import { makePhoto } from '../support/photos'
import { moveToStage, publishAs, publishOverWarningsAs, transitionAs } from '../support/publishing'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { currentLane } from '../support/testDatabase'

const PRINT_SEED = path.resolve(import.meta.dirname, '../../seeds/001_14f00e902adda0b7.txt')

const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
})
const lexicalBody = (children: unknown[]) => ({ root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } })

/** Headers a reader sees that must not tell the two answers apart (rate limit and date differ per request). */
const COMPARED_HEADERS = ['status', 'content-type', 'content-length', 'cache-control', 'vary', 'etag', 'x-cache']

/**
 * The anonymous fast path for article pages (src/delivery/fastReads/): on SQLite its answers are
 * Payload's own, byte for byte, with the same headers and the same dependency tags for the response
 * cache, in every state a story can be in; any other request, and every request on MongoDB, is Payload's.
 * Payload's answer is asked for with one parameter more (`&payload=1`, which Payload ignores and the
 * fast path does not take), and its finds on articles are counted to tell who answered.
 */
describe('fast article reads', () => {
  let server: TestServer
  let chief: TestUser
  let articleFinds = 0
  const ids: Record<string, string> = {}
  const slugs: Record<string, string> = {}

  beforeAll(async () => {
    server = await startTestServer('fastreads', { env: { JOBS_AUTORUN: 'false' } })
    const { payload } = server
    await signedInAs(server, 'admin')
    chief = await signedInAs(server, 'chief-editor')
    // Payload's reads of article lists (a draft read queries drafts): counted to tell who answered.
    const db = payload.db as unknown as Record<'find' | 'queryDrafts', (args: { collection: string }) => Promise<unknown>>
    for (const method of ['find', 'queryDrafts'] as const) {
      const original = db[method].bind(db)
      db[method] = (args) => {
        if (args.collection === 'articles') articleFinds++
        return original(args)
      }
    }

    const districts = await payload.find({ collection: 'districts', limit: 0, pagination: false, depth: 0, overrideAccess: true })
    const district = (slug: string) => districts.docs.find((doc) => doc.slug === slug)!.id
    const uploadPhoto = async (photographer: string | null, index: number) => {
      const data = await makePhoto({ width: 320 + index, height: 240 })
      return payload.create({ collection: 'photos', data: { alt: `快速读取图片${index}`, photographer } as never, file: { data, mimetype: 'image/jpeg', name: `fast-read-${index}.jpg`, size: data.length }, overrideAccess: true })
    }
    const [heroPhoto, creditedPhoto, plainPhoto, draftOnlyPhoto, hiddenPhoto] = [await uploadPhoto('郁佳敏', 1), await uploadPhoto('李文', 2), await uploadPhoto(null, 3), await uploadPhoto('张强', 4), await uploadPhoto('王伟', 5)]
    const createStory = async (title: string, data: Record<string, unknown> = {}) =>
      String((await payload.create({ collection: 'articles', draft: true, overrideAccess: true, data: { title, _status: 'draft', ...data } as never })).id)
    const addCaption = async (article: string, text: string, credit: string | null, photo: unknown, position: number) =>
      String((await payload.create({ collection: 'captions', overrideAccess: true, data: { text, credit, article, photo, position } as never })).id)
    const setBody = (id: string, children: unknown[]) => payload.update({ collection: 'articles', id, draft: true, overrideAccess: true, data: { body: lexicalBody(children) } as never })

    // A story with everything: districts, hero photo, a caption with its own credit and one printing the
    // photographer's, a caption its body does not show, corrections.
    ids.full = await createStory('快速读取：完整稿件', {
      subtitle: '副标题',
      summary: '摘要',
      districts: [district('anyuan'), district('lianhua')],
      heroPhoto: heroPhoto.id,
      authors: ['王五', '李四'],
      tags: ['经济', '民生'],
      source: '萍乡日报',
      sourceUrl: 'https://example.com/original',
      originalPublishedAt: '2024-05-01T01:30:00.000Z',
      defaultCredit: '图片除署名外由安源区委宣传部提供',
      corrections: [
        { kind: 'correction', note: '更正：日期有误', at: '2024-05-02T00:00:00.000Z' },
        { kind: 'update', note: '更新：补充数据', at: '2024-05-03T00:00:00.000Z' },
      ],
    })
    const credited = await addCaption(ids.full, '有署名的说明', '本报记者', creditedPhoto.id, 0)
    const byPhotographer = await addCaption(ids.full, '署摄影者的说明', null, heroPhoto.id, 1)
    await addCaption(ids.full, '正文不用的说明', null, plainPhoto.id, 2)
    await setBody(ids.full, [buildCaptionBlockNode('fastread-block-1', credited), paragraph('第一段'), buildCaptionBlockNode('fastread-block-2', byPhotographer), paragraph('第二段')])
    await publishAs(payload, ids.full)

    // Published, then a pending draft: readers get the live version.
    ids.pending = await createStory('快速读取：已发布', { districts: [district('anyuan')], summary: '已发布的摘要' })
    await publishAs(payload, ids.pending)
    const pending = await callApi(server.url, `/api/articles/${ids.pending}?draft=true&autosave=true`, { method: 'PATCH', token: chief.token, body: { title: '快速读取：待发布的修改', summary: '待发布的摘要', corrections: [{ kind: 'correction', note: '尚未发布的更正', at: '2024-06-01T00:00:00.000Z' }] } })
    expect(pending.status).toBe(200)

    // Never published, with a photo only it uses and a caption another story's body points at.
    ids.draft = await createStory('快速读取：未发布', { districts: [district('anyuan')], heroPhoto: draftOnlyPhoto.id })
    const draftCaption = await addCaption(ids.draft, '未发布稿件的说明', null, draftOnlyPhoto.id, 0)
    await moveToStage(payload, ids.draft, 'approved')

    // A body that shows a caption since moved to the unpublished story: Payload leaves its id. (A block may
    // only pick its own story's captions; a chief editor moving a caption afterwards is how this arises.)
    ids.copied = await createStory('快速读取：引用他稿说明', { districts: [district('xiangdong')] })
    const movedAway = await addCaption(ids.copied, '移到未发布稿件的说明', null, draftOnlyPhoto.id, 1)
    const stays = await addCaption(ids.copied, '有署名的说明', '本报记者', creditedPhoto.id, 2)
    await setBody(ids.copied, [paragraph('引用'), buildCaptionBlockNode('fastread-block-3', movedAway), buildCaptionBlockNode('fastread-block-4', stays)])
    await publishAs(payload, ids.copied)
    const moved = await callApi(server.url, `/api/captions/${movedAway}`, { method: 'PATCH', token: chief.token, body: { article: ids.draft } })
    expect(moved.status).toBe(200)

    // Taken down.
    ids.takenDown = await createStory('快速读取：已撤稿', { districts: [district('anyuan')] })
    await publishAs(payload, ids.takenDown)
    await transitionAs(payload, ids.takenDown, { action: 'unpublish', comment: '测试撤稿' })

    // A hero photo anonymous readers may not get (its flag off, as before the visibility hooks catch up): its id only.
    ids.hiddenHero = await createStory('快速读取：头图不可见', { districts: [district('shangli')], heroPhoto: hiddenPhoto.id })
    await publishAs(payload, ids.hiddenHero)
    await payload.db.updateOne({ collection: 'photos', id: hiddenPhoto.id, data: { usedByPublished: false } })

    // Links in the body: to another site (as stored), and to a story (populated by Payload: left to it).
    const link = (fields: Record<string, unknown>) => ({ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'link', version: 3, direction: 'ltr', format: '', indent: 0, fields, children: [paragraph('链接').children[0]] }] })
    ids.externalLink = await createStory('快速读取：外部链接', { districts: [district('shangli')] })
    await setBody(ids.externalLink, [link({ linkType: 'custom', url: 'https://example.com/', newTab: true })])
    await publishAs(payload, ids.externalLink)
    ids.internalLink = await createStory('快速读取：内部链接', { districts: [district('shangli')] })
    await setBody(ids.internalLink, [link({ linkType: 'internal', doc: { relationTo: 'articles', value: ids.full }, newTab: false })])
    await publishAs(payload, ids.internalLink)

    // An imported story: photo blocks in the body, provenance (newsroom-only) stored.
    const [imported] = await importAndCollect(payload, [PRINT_SEED], { dryRun: false })
    ids.imported = String(imported!.id)
    await payload.update({ collection: 'articles', id: ids.imported, draft: true, overrideAccess: true, data: { districts: [district('anyuan')] } as never })
    await publishOverWarningsAs(payload, ids.imported, '测试：按原样发布')

    // Enough stories in one district for a second page.
    for (let index = 1; index <= 11; index++) {
      const id = await createStory(`快速读取：芦溪第${index}篇`, { districts: [district('luxi')] })
      await publishAs(payload, id)
    }

    for (const [name, id] of Object.entries(ids)) {
      slugs[name] = (await payload.findByID({ collection: 'articles', id, overrideAccess: true, depth: 0, draft: false })).slug!
    }
  }, 300_000)
  afterAll(async () => {
    await stopTestServer(server)
  })

  const bySlug = (slug: string) => `/api/articles?where[slug][equals]=${encodeURIComponent(slug)}&limit=1&depth=1`
  const byDistrict = (slug: string, extra = '') => `/api/articles?where[districts.slug][equals]=${slug}&limit=10&depth=1${extra}`

  /** Reads one URL anonymously: the answer's bytes, its compared headers, and whether Payload's find ran. */
  async function read(pathAndQuery: string, headers: Record<string, string> = {}) {
    const before = articleFinds
    const response = await fetch(`${server.url}${pathAndQuery}`, { headers })
    const body = await response.text()
    const compared = Object.fromEntries(COMPARED_HEADERS.map((name) => [name, name === 'status' ? String(response.status) : response.headers.get(name)]))
    return { body, json: JSON.parse(body), headers: compared, answeredByPayload: articleFinds > before }
  }

  /** The fast answer and Payload's (its URL with a parameter the fast path does not take), both misses. */
  async function readBoth(pathAndQuery: string) {
    const fast = await read(pathAndQuery)
    const payload = await read(`${pathAndQuery}&payload=1`)
    return { fast, payload }
  }

  const sqliteOnly = currentLane() === 'sqlite' ? describe : describe.skip
  const mongodbOnly = currentLane() === 'mongodb' ? describe : describe.skip

  sqliteOnly('on SQLite: the same answer as Payload’s', () => {
    const cases: { name: string; url: () => string; check?: (json: any) => void }[] = [
      {
        name: 'a story with districts, hero photo, captions (own credit; the photographer’s) and corrections, by slug',
        url: () => bySlug(slugs.full!),
        check: (json) => {
          const [story] = json.docs
          expect(story.districts.map((district: { slug: string }) => district.slug)).toEqual(['anyuan', 'lianhua'])
          expect(story.heroPhoto.photographer).toBe('郁佳敏')
          expect(story.captions.docs.map((caption: { creditLine: string }) => caption.creditLine)).toEqual(['本报记者 摄', '郁佳敏 摄'])
          expect(story.body.root.children[0].fields.caption.text).toBe('有署名的说明')
          expect(story.corrections.map((note: { kind: string }) => note.kind)).toEqual(['correction', 'update'])
        },
      },
      {
        name: 'a live story with a pending draft: the live version',
        url: () => bySlug(slugs.pending!),
        check: (json) => {
          expect(json.docs[0].title).toBe('快速读取：已发布')
          expect(json.docs[0].summary).toBe('已发布的摘要')
          expect(json.docs[0].corrections).toEqual([])
        },
      },
      { name: 'a story never published: nothing', url: () => bySlug(slugs.draft!), check: (json) => expect(json.totalDocs).toBe(0) },
      { name: 'a story taken down: nothing', url: () => bySlug(slugs.takenDown!), check: (json) => expect(json.totalDocs).toBe(0) },
      { name: 'a slug that does not exist: an empty list', url: () => bySlug('no-such-story'), check: (json) => expect(json.docs).toEqual([]) },
      { name: 'a slug that does not exist, page 3', url: () => `${bySlug('no-such-story')}&page=3` },
      {
        name: 'a body showing a caption that now belongs to an unpublished story: its id; its own caption populated',
        url: () => bySlug(slugs.copied!),
        check: (json) => {
          const blocks = json.docs[0].body.root.children.filter((node: { type: string }) => node.type === 'block')
          expect(typeof blocks[0].fields.caption).toBe('string')
          expect(blocks[1].fields.caption.text).toBe('有署名的说明')
        },
      },
      { name: 'a link to another site in the body', url: () => bySlug(slugs.externalLink!), check: (json) => expect(json.docs[0].body.root.children[0].children[0].fields.url).toBe('https://example.com/') },
      { name: 'a hero photo readers may not get: its id only', url: () => bySlug(slugs.hiddenHero!), check: (json) => expect(typeof json.docs[0].heroPhoto).toBe('string') },
      {
        name: 'an imported story: photo blocks populated, newsroom-only fields left out',
        url: () => bySlug(slugs.imported!),
        check: (json) => {
          expect(Object.keys(json.docs[0])).not.toEqual(expect.arrayContaining(['provenance']))
          for (const field of ['provenance', 'createdBy', 'workflowStage', 'scheduledPublishAt', 'workflowHistory']) expect(json.docs[0]).not.toHaveProperty(field)
        },
      },
      {
        name: 'a district’s stories: published ones only, newest first',
        url: () => byDistrict('anyuan'),
        check: (json) => expect(json.docs.map((doc: { id: string }) => doc.id).sort()).toEqual([ids.full, ids.pending, ids.imported].sort()),
      },
      { name: 'a district’s stories with locale=zh-Hans', url: () => byDistrict('anyuan', '&locale=zh-Hans') },
      { name: 'a district’s stories, page 2', url: () => byDistrict('luxi', '&page=2'), check: (json) => expect([json.page, json.docs.length, json.totalDocs]).toEqual([2, 1, 11]) },
      { name: 'a district’s stories, page 5 (past the end)', url: () => byDistrict('luxi', '&page=5') },
      { name: 'a district with no stories', url: () => byDistrict('pingxiang'), check: (json) => expect(json.totalDocs).toBe(0) },
      { name: 'a district that does not exist', url: () => byDistrict('no-such-district') },
      { name: 'a district, page=1 given', url: () => byDistrict('lianhua', '&page=1') },
      { name: 'a district with one story whose body points elsewhere', url: () => byDistrict('xiangdong') },
      { name: 'the latest stories', url: () => '/api/articles?limit=10&depth=1' },
      { name: 'the latest stories, page 2 of 3 per page', url: () => '/api/articles?limit=3&depth=1&page=2' },
    ]

    it.each(cases)('$name', async ({ url, check }) => {
      const { fast, payload } = await readBoth(url())
      expect(fast.answeredByPayload).toBe(false)
      expect(payload.answeredByPayload).toBe(true)
      expect(fast.body).toBe(payload.body)
      expect(fast.headers).toEqual(payload.headers)
      expect(fast.headers['x-cache']).toBe('miss')
      check?.(fast.json)
      // Kept in the response cache like Payload's answer.
      const again = await read(url())
      expect([again.headers['x-cache'], again.body]).toEqual(['hit', fast.body])
    })

    it.each(cases)('the response cache gets the tags Payload’s reads give: $name', async ({ url }) => {
      const pathAndQuery = url()
      const request = parseArticlePageQuery(pathAndQuery.split('?')[1]!, { maxLimit: 100, defaultLocale: 'zh-Hans' })
      const fast = await trackReadDependencies(() => createSqlitePublishedArticleReader(server.payload).readPage(request!))
      const payload = await trackReadDependencies(() => handleEndpoints({ config: server.payload.config, request: new Request(`${server.url}${pathAndQuery}`) }))
      // The fast reader reads past the adapter: it reports its tags itself (fastArticleReads notes them).
      expect(fast.tags).toEqual(['*'])
      expect(new Set(fast.value!.tags)).toEqual(new Set(payload.tags))
    })

    it('a live edit of a story is on the next fast read; the list that holds it too', async () => {
      const list = byDistrict('anyuan')
      await read(list)
      await read(bySlug(slugs.pending!))
      const edited = await callApi(server.url, `/api/articles/${ids.pending}/transition`, { method: 'POST', token: chief.token, body: { action: 'publish' } })
      expect(edited.status).toBe(200)
      const story = await read(bySlug(slugs.pending!))
      expect([story.headers['x-cache'], story.json.docs[0].title, story.answeredByPayload]).toEqual(['miss', '快速读取：待发布的修改', false])
      const listed = await read(list)
      expect(listed.json.docs.map((doc: { title: string }) => doc.title)).toContain('快速读取：待发布的修改')
      expect(listed.body).toBe((await read(`${list}&payload=1`)).body)
    })

    it.each([
      ['depth 2', (url: string) => url.replace('depth=1', 'depth=2')],
      ['depth 0', (url: string) => url.replace('depth=1', 'depth=0')],
      ['no depth', (url: string) => url.replace('&depth=1', '')],
      ['draft=true', (url: string) => `${url}&draft=true`],
      ['a sort', (url: string) => `${url}&sort=title`],
      ['a select', (url: string) => `${url}&select[title]=true`],
      ['another locale', (url: string) => `${url}&locale=zh-Hant`],
      ['a fallback locale', (url: string) => `${url}&fallback-locale=none`],
      ['a limit over API_MAX_LIMIT', (url: string) => url.replace('limit=1', 'limit=1000')],
      ['another operator', (url: string) => url.replace('[equals]', '[like]')],
      ['two conditions', (url: string) => `${url}&where[districts.slug][equals]=anyuan`],
    ])('near miss, answered by Payload: %s', async (_name, change) => {
      const answer = await read(change(bySlug(slugs.full!)))
      expect(answer.answeredByPayload).toBe(true)
    })

    it('a story whose body links to a story (populated by Payload) is Payload’s answer, alone or in a list', async () => {
      const story = await read(bySlug(slugs.internalLink!))
      expect(story.answeredByPayload).toBe(true)
      expect(story.json.docs[0].body.root.children[0].children[0].fields.doc.value.id).toBe(ids.full)
      expect((await read(byDistrict('shangli'))).answeredByPayload).toBe(true)
    })

    it('a signed-in read is Payload’s, private', async () => {
      const before = articleFinds
      const signedIn = await callApi(server.url, bySlug(slugs.full!), { token: chief.token })
      expect(signedIn.status).toBe(200)
      expect(signedIn.headers.get('cache-control')).toBe('private, no-store')
      expect(articleFinds).toBeGreaterThan(before)
    })
  })

  mongodbOnly('on MongoDB: Payload answers', () => {
    it('a district’s stories and a story by slug are Payload’s answers', async () => {
      for (const url of [byDistrict('anyuan'), bySlug(slugs.full!)]) {
        const { fast, payload } = await readBoth(url)
        expect(fast.answeredByPayload).toBe(true)
        expect(fast.json).toEqual(payload.json)
        expect(fast.json.totalDocs).toBeGreaterThan(0)
      }
    })
  })
})
