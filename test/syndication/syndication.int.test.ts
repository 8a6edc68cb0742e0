import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildLexicalBody } from '../../src/importer/store/buildLexicalBody'
import { callApi, type TestUser, userDocOf, signedInAs } from '../support/api'
import { createArticleAt } from '../support/articles'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { compileNinjsSchema, findSchemaCheckBlocker, parseXml, SCHEMAS_DIR, stripNewsExtension, validateWithXsd } from '../support/syndication'
import { makePhoto } from '../support/photos'

const schemaBlocker = findSchemaCheckBlocker()
if (schemaBlocker) console.warn(`syndication: schema checks skipped: ${schemaBlocker}`)

const TWO_DAYS_MS = 2 * 24 * 60 * 60 * 1000
/** W3C Datetime as Google News asks for it: a full date, or date and time with a time zone designator. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/

interface Story {
  id: string
  title: string
  slug: string
}

/**
 * Feeds, sitemaps and ninjs as aggregators, search engines and syndication partners get them:
 * over HTTP, parsed by a real XML parser, sitemaps validated against the Sitemaps XSD with xmllint,
 * ninjs against IPTC's JSON Schemas; drafts never appear, and corrections, takedowns and
 * republishing show on the very next request.
 */
describe('syndication: feeds, sitemaps, ninjs', () => {
  let server: TestServer
  let chief: TestUser
  let editor: TestUser
  let featured: Story
  let oldStory: Story
  let lianhuaStory: Story
  let draft: Story
  let anyuanId: string

  const get = (pathAndQuery: string, headers: Record<string, string> = {}) => fetch(`${server.url}${pathAndQuery}`, { headers })
  const text = async (pathAndQuery: string) => {
    const response = await get(pathAndQuery)
    expect(response.status, pathAndQuery).toBe(200)
    return { body: await response.text(), headers: response.headers }
  }
  const transition = (id: string, action: string, comment?: string) =>
    callApi(server.url, `/api/articles/${id}/transition`, { method: 'POST', token: chief.token, body: { action, comment } })

  async function districtId(slug: string): Promise<string> {
    const found = await server.payload.find({ collection: 'districts', where: { slug: { equals: slug } }, overrideAccess: true })
    return String(found.docs[0]!.id)
  }

  /** A story brought to "approved" with its content, then published by the chief editor through the workflow. */
  async function publishStory(title: string, fields: Record<string, unknown>, titleHant?: string): Promise<Story> {
    const created = await createArticleAt(server.payload, 'approved', { title })
    await server.payload.update({ collection: 'articles', id: created.id, data: fields as never, overrideAccess: true })
    if (titleHant) await server.payload.update({ collection: 'articles', id: created.id, locale: 'zh-Hant', data: { title: titleHant } as never, overrideAccess: true })
    const published = await transition(created.id, 'publish')
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    return { id: created.id, title, slug: published.body.doc.slug }
  }

  beforeAll(async () => {
    server = await startTestServer('syndication', { env: { JOBS_AUTORUN: 'false' } })
    await signedInAs(server, 'admin')
    chief = await signedInAs(server, 'chief-editor')
    editor = await signedInAs(server, 'editor')
    anyuanId = await districtId('anyuan')
    const image = await makePhoto({ width: 1200, height: 800 })
    const photo = await server.payload.create({
      collection: 'photos',
      data: { alt: '安源路矿工人运动纪念馆', photographer: '郁佳敏' } as never,
      file: { data: image, mimetype: 'image/jpeg', name: 'syndication-hero.jpg', size: image.length },
      overrideAccess: true,
    })
    featured = await publishStory(
      '安源区新建口袋公园',
      {
        subtitle: '城区新增绿地十二处',
        summary: '安源区今年新建口袋公园十二处。',
        body: buildLexicalBody([
          { type: 'paragraph', text: '安源区今年在老城区新建口袋公园十二处，方便居民就近休闲。' },
          { type: 'heading', text: '见缝插绿' },
          { type: 'paragraph', text: '公园利用边角地建设，<不拆一栋房>。' },
        ]),
        districts: [anyuanId, await districtId('pingxiang')],
        authors: ['李羽晨', '钟进文'],
        source: '萍乡日报',
        heroPhoto: photo.id,
      },
      '安源區新建口袋公園',
    )
    await server.payload.create({
      collection: 'captions',
      data: { text: '居民在口袋公园散步', article: featured.id, photo: photo.id, position: 0 } as never,
      overrideAccess: true,
      // A caption added to a live story is a live edit: the chief editor's (audited).
      user: await userDocOf(server.payload, chief.id),
    })
    oldStory = await publishStory('芦溪县旧闻一则', { originalPublishedAt: '2022-01-02T23:00:29.000Z', districts: [await districtId('luxi')] })
    lianhuaStory = await publishStory('莲花县新闻一则', { districts: [await districtId('lianhua')] })
    const inReview = await createArticleAt(server.payload, 'in-review', { title: '安源区待审稿件不得外泄' })
    await server.payload.update({ collection: 'articles', id: inReview.id, data: { districts: [anyuanId], slug: 'dai-shen-gao-jian' } as never, overrideAccess: true })
    draft = { id: inReview.id, title: inReview.title, slug: 'dai-shen-gao-jian' }
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  describe('RSS and Atom', () => {
    it('RSS 2.0 lists published stories with summary, full HTML, byline, districts as categories and the hero photo enclosed with its credit', async () => {
      const { body, headers } = await text('/feeds/rss.xml')
      expect(headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
      const channel = parseXml(body).rss.channel
      expect(channel.title).toBe('萍乡新闻')
      expect(channel['atom:link']['@href']).toBe(`${server.url}/feeds/rss.xml`)
      const titles = channel.item.map((item: { title: string }) => item.title)
      expect(titles).toEqual(expect.arrayContaining([featured.title, oldStory.title, lianhuaStory.title]))
      const item = channel.item.find((entry: { title: string }) => entry.title === featured.title)
      expect(item.link).toBe(`${server.url}/news/${featured.slug}`)
      expect(item.description).toBe('安源区今年新建口袋公园十二处。')
      expect(item['dc:creator']).toBe('李羽晨、钟进文')
      expect(item.category.map((category: { '#text': string; '@domain': string }) => [category['#text'], category['@domain']])).toEqual([
        ['安源区', 'urn:gbt2260:360302'],
        ['萍乡市', 'urn:gbt2260:360300'],
      ])
      // The full story as HTML: deck, body with its heading, escaped text kept as text.
      expect(item['content:encoded']).toContain('<h2>见缝插绿</h2>')
      expect(item['content:encoded']).toContain('公园利用边角地建设，&lt;不拆一栋房&gt;。')
      expect(item['content:encoded']).toContain('居民在口袋公园散步')
      expect(item.enclosure['@url'], item.enclosure['@url']).toMatch(new RegExp(`^${server.url}/api/photos/file/syndication-hero-hero-1200x800\\.jpg$`))
      expect(item.enclosure['@type']).toBe('image/jpeg')
      expect(Number(item.enclosure['@length'])).toBeGreaterThan(1000)
      expect(item['media:content']['media:credit']['#text']).toBe('郁佳敏 摄')
      expect(new Date(item.pubDate).toUTCString()).toBe(item.pubDate)
      // The enclosed file is really there for anonymous readers.
      expect((await get(new URL(item.enclosure['@url']).pathname)).status).toBe(200)
    })

    it('Atom 1.0 gives each entry published and updated times, authors, district categories with their codes, HTML content and an enclosure link', async () => {
      const { body, headers } = await text('/feeds/atom.xml')
      expect(headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
      const feed = parseXml(body).feed
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
      const entry = feed.entry.find((candidate: { title: string }) => candidate.title === featured.title)
      expect(entry.author.map((author: { name: string }) => author.name)).toEqual(['李羽晨', '钟进文'])
      expect(entry.category.map((category: { '@term': string; '@label': string }) => `${category['@term']} ${category['@label']}`)).toEqual(['360302 安源区', '360300 萍乡市'])
      expect(entry.content['@type']).toBe('html')
      expect(entry.content['#text']).toContain('<p>安源区今年在老城区新建口袋公园十二处，方便居民就近休闲。</p>')
      expect(entry.summary['#text']).toBe('安源区今年新建口袋公园十二处。')
      const enclosure = entry.link.find((link: { '@rel': string }) => link['@rel'] === 'enclosure')
      expect(enclosure['@title']).toBe('郁佳敏 摄')
      expect(Date.parse(entry.published)).toBeGreaterThan(Date.now() - 60_000)
      expect(entry.updated).toBe(entry.published)
      // An old story keeps its original publication time, however recently it went live here.
      const old = feed.entry.find((candidate: { title: string }) => candidate.title === oldStory.title)
      expect(old.published).toBe('2022-01-02T23:00:29.000Z')
    })

    it('a district feed lists only that district’s stories; an unknown district is a 404', async () => {
      const anyuan = parseXml((await text('/feeds/anyuan/rss.xml')).body).rss.channel
      expect(anyuan.title).toBe('萍乡新闻 · 安源区')
      expect(anyuan.item.map((item: { title: string }) => item.title)).toEqual([featured.title])
      const lianhua = parseXml((await text('/feeds/lianhua/atom.xml')).body).feed
      expect(lianhua.entry.map((entry: { title: string }) => entry.title)).toEqual([lianhuaStory.title])
      expect((await get('/feeds/nowhere/rss.xml')).status).toBe(404)
    })

    it('?locale=zh-Hant gives the traditional script: story titles, district names, feed title', async () => {
      const channel = parseXml((await text('/feeds/anyuan/rss.xml?locale=zh-Hant')).body).rss.channel
      expect(channel.title).toBe('萍鄉新聞 · 安源區')
      expect(channel.language).toBe('zh-Hant')
      expect(channel.item[0].title).toBe('安源區新建口袋公園')
      expect(channel.item[0].link).toBe(`${server.url}/news/${featured.slug}?locale=zh-Hant`)
      expect(channel.item[0].category[0]['#text']).toBe('安源區')
      expect(channel.item[0]['media:content']['media:credit']['#text']).toBe('郁佳敏 攝')
    })

    it('a strong ETag, 304 for If-None-Match, and the answer served from the response cache on the next read', async () => {
      const first = await get('/feeds/atom.xml')
      await first.text()
      const etag = first.headers.get('etag')!
      expect(etag).toMatch(/^"[\w-]+"$/)
      expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
      const again = await get('/feeds/atom.xml')
      await again.text()
      expect(again.headers.get('x-cache')).toBe('hit')
      expect(again.headers.get('etag')).toBe(etag)
      const conditional = await get('/feeds/atom.xml', { 'if-none-match': etag })
      expect(conditional.status).toBe(304)
      expect(await conditional.text()).toBe('')
    })

    it('never lists a draft: not in any feed or sitemap, nor its pending edits of a live story', async () => {
      const pending = await callApi(server.url, `/api/articles/${featured.id}?draft=true`, { method: 'PATCH', token: chief.token, body: { title: '未发布的改标题' } })
      expect(pending.status).toBe(200)
      for (const url of ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/anyuan/rss.xml', '/feeds/anyuan/atom.xml?locale=zh-Hant', '/sitemap.xml', '/news-sitemap.xml']) {
        const { body } = await text(url)
        expect(body, url).not.toContain('待审稿件')
        expect(body, url).not.toContain(draft.slug)
        expect(body, url).not.toContain('未发布的改标题')
      }
      // The signed-in newsroom gets the same public documents: the feed never reads as the caller.
      const asChief = await callApi(server.url, '/feeds/anyuan/rss.xml', { token: chief.token })
      expect(asChief.body).not.toContain('待审稿件')
      expect(asChief.headers.get('cache-control')).toBe('private, no-store')
      // Put the live title back for the tests that follow (a draft with the published title).
      await callApi(server.url, `/api/articles/${featured.id}?draft=true`, { method: 'PATCH', token: chief.token, body: { title: featured.title } })
    })
  })

  describe('sitemaps and robots.txt', () => {
    it.skipIf(schemaBlocker)('sitemap.xml lists every published story with its lastmod and is valid against the Sitemaps XSD', async () => {
      const { body, headers } = await text('/sitemap.xml')
      expect(headers.get('content-type')).toBe('application/xml; charset=utf-8')
      const urls = parseXml(body).urlset.url as { loc: string; lastmod: string }[]
      const live = await server.payload.find({ collection: 'articles', overrideAccess: true, pagination: false, where: { _status: { equals: 'published' } } })
      const expected = live.docs.map((doc) => [`${server.url}/news/${doc.slug}`, new Date(doc.updatedAt).toISOString()])
      expect(urls.filter((url) => url.loc.includes('/news/')).map((url) => [url.loc, url.lastmod])).toEqual(expect.arrayContaining(expected))
      expect(urls.filter((url) => url.loc.includes('/news/'))).toHaveLength(expected.length)
      expect(urls.map((url) => url.loc)).not.toContain(`${server.url}/news/${draft.slug}`)
      const xsd = validateWithXsd(body, path.join(SCHEMAS_DIR, 'sitemaps/sitemap.xsd'))
      expect(xsd.output).toBe('')
      expect(xsd.valid).toBe(true)
    })

    it.skipIf(schemaBlocker)('the XSD check itself refuses an invalid sitemap (a check on the check)', () => {
      const invalid = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>yesterday</lastmod></url></urlset>'
      expect(validateWithXsd(invalid, path.join(SCHEMAS_DIR, 'sitemaps/sitemap.xsd')).valid).toBe(false)
    })

    it.skipIf(schemaBlocker)('news-sitemap.xml follows Google News rules: only the last two days, publication name and zh-cn, W3C publication date, title', async () => {
      // A story first published here three days ago and corrected today: its live save is recent, its publication is not.
      const corrected = await publishStory('上栗县三天前的报道', { districts: [await districtId('shangli')] })
      const threeDaysAgo = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000).toISOString()
      const [publishEvent] = (await server.payload.find({ collection: 'workflow-events', overrideAccess: true, where: { article: { equals: corrected.id }, action: { equals: 'publish' } } })).docs
      await server.payload.db.updateOne({ collection: 'workflow-events', where: { id: { equals: publishEvent!.id } }, data: { at: threeDaysAgo } })
      const edit = await callApi(server.url, `/api/articles/${corrected.id}?draft=true`, { method: 'PATCH', token: chief.token, body: { corrections: [{ kind: 'update', note: '补充：活动延期一周。' }] } })
      expect(edit.status, JSON.stringify(edit.body)).toBe(200)
      expect((await transition(corrected.id, 'publish')).status).toBe(200)
      const rssItem = parseXml((await text('/feeds/shangli/rss.xml')).body).rss.channel.item[0]
      expect(rssItem.pubDate).toBe(new Date(threeDaysAgo).toUTCString())

      const { body } = await text('/news-sitemap.xml')
      const urlset = parseXml(body).urlset
      expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9')
      const urls = urlset.url as { loc: string; 'news:news': any }[]
      expect(urls.length).toBeLessThanOrEqual(1000)
      for (const url of urls) {
        const news = url['news:news']
        expect(news['news:publication']['news:name']).toBe('萍乡新闻')
        expect(news['news:publication']['news:language']).toBe('zh-cn')
        expect(news['news:publication_date']).toMatch(W3C_DATETIME)
        expect(Date.now() - Date.parse(news['news:publication_date'])).toBeLessThan(TWO_DAYS_MS)
        expect(String(news['news:title']).length).toBeGreaterThan(0)
      }
      const byLoc = new Map(urls.map((url) => [url.loc, url['news:news']['news:title']]))
      expect(byLoc.get(`${server.url}/news/${featured.slug}`)).toBe(featured.title)
      expect(byLoc.get(`${server.url}/news/${lianhuaStory.slug}`)).toBe(lianhuaStory.title)
      // Published here today, but first published in 2022: not news; nor a three-day-old story corrected today.
      expect(byLoc.has(`${server.url}/news/${oldStory.slug}`)).toBe(false)
      expect(byLoc.has(`${server.url}/news/${corrected.slug}`)).toBe(false)
      const xsd = validateWithXsd(stripNewsExtension(body), path.join(SCHEMAS_DIR, 'sitemaps/sitemap.xsd'))
      expect(xsd.output).toBe('')
    })

    it('robots.txt points at both sitemaps', async () => {
      const { body, headers } = await text('/robots.txt')
      expect(headers.get('content-type')).toBe('text/plain; charset=utf-8')
      const lines = body.split('\n')
      expect(lines).toContain(`Sitemap: ${server.url}/sitemap.xml`)
      expect(lines).toContain(`Sitemap: ${server.url}/news-sitemap.xml`)
      expect(lines).toContain('Disallow: /admin')
    })
  })

  describe('ninjs', () => {
    it.skipIf(schemaBlocker)('GET /api/articles/:id/ninjs is ninjs 3.1, valid against IPTC’s schema, with everything a partner needs', async () => {
      const response = await callApi(server.url, `/api/articles/${featured.id}/ninjs`)
      expect(response.status).toBe(200)
      const doc = response.body
      const validate = compileNinjsSchema('3.1')
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true)
      expect(doc.standard).toEqual({ name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json' })
      expect(doc.uri).toBe(`${server.url}/api/articles/${featured.id}`)
      expect(doc.language).toBe('zh-Hans')
      expect(doc.headlines).toEqual([
        { role: 'main', contentType: 'text/plain', value: featured.title },
        { role: 'sub', contentType: 'text/plain', value: '城区新增绿地十二处' },
      ])
      const html = doc.bodies.find((body: { contentType: string }) => body.contentType === 'text/html')
      const plain = doc.bodies.find((body: { contentType: string }) => body.contentType === 'text/plain')
      expect(html.value).toContain('<h2>见缝插绿</h2>')
      expect(plain.value).toContain('见缝插绿')
      expect(plain.value).not.toMatch(/<\/?(p|h2)>/)
      expect(plain.value).toContain('公园利用边角地建设，<不拆一栋房>。')
      expect(doc.by).toBe('李羽晨、钟进文')
      expect(doc.subjects).toEqual([
        { name: '安源区', rel: 'about', uri: 'urn:gbt2260:360302', literal: '360302' },
        { name: '萍乡市', rel: 'about', uri: 'urn:gbt2260:360300', literal: '360300' },
      ])
      expect(doc.located).toBe('江西省萍乡市安源区')
      expect(Date.parse(doc.firstCreated)).toBeGreaterThan(Date.now() - 120_000)
      expect(Date.parse(doc.versionCreated)).toBeGreaterThanOrEqual(Date.parse(doc.firstCreated))
      const hero = doc.associations.find((association: { name: string }) => association.name === 'hero')
      expect(hero).toMatchObject({ rel: 'hero', type: 'picture', by: '郁佳敏 摄', descriptions: [{ role: 'caption', contentType: 'text/plain', value: '居民在口袋公园散步' }] })
      const original = hero.renditions.find((rendition: { name: string }) => rendition.name === 'original')
      expect(original).toMatchObject({ contentType: 'image/jpeg', width: 1200, height: 800 })
      expect(original.sizeInBytes).toBeGreaterThan(1000)
      expect(hero.renditions.map((rendition: { name: string }) => rendition.name)).toEqual(
        expect.arrayContaining(['original', 'thumbnail', 'thumbnailWebp', 'card', 'cardWebp', 'hero', 'heroWebp']),
      )
      const captioned = doc.associations.find((association: { name: string }) => association.name === 'photo-1')
      expect(captioned).toMatchObject({ rel: 'photo', by: '郁佳敏 摄', descriptions: [{ role: 'caption', value: '居民在口袋公园散步' }] })
    })

    it.skipIf(schemaBlocker)('by slug, ?version=2.2 for partners on 2.x (valid against the 2.2 schema), ?locale=zh-Hant', async () => {
      const bySlug = await callApi(server.url, `/api/articles/by-slug/${featured.slug}/ninjs`)
      expect(bySlug.status).toBe(200)
      // Served like other anonymous reads: ETag, the response cache, 304.
      const again = await callApi(server.url, `/api/articles/by-slug/${featured.slug}/ninjs`)
      expect(again.headers.get('x-cache')).toBe('hit')
      expect(again.headers.get('etag')).toBe(bySlug.headers.get('etag'))
      expect((await get(`/api/articles/by-slug/${featured.slug}/ninjs`, { 'if-none-match': bySlug.headers.get('etag')! })).status).toBe(304)
      expect(bySlug.body.uri).toBe(`${server.url}/api/articles/${featured.id}`)
      const old = await callApi(server.url, `/api/articles/${featured.id}/ninjs?version=2.2`)
      const validate22 = compileNinjsSchema('2.2')
      expect(validate22(old.body), JSON.stringify(validate22.errors)).toBe(true)
      expect(old.body.standard.version).toBe('2.2')
      expect(old.body.versioncreated).toBe(bySlug.body.versionCreated)
      expect(old.body.associations[0].renditions[0].sizeinbytes).toBe(bySlug.body.associations[0].renditions[0].sizeInBytes)
      // The two versions really differ: a 3.1 document is not a valid 2.2 one.
      expect(validate22(bySlug.body)).toBe(false)
      const hant = await callApi(server.url, `/api/articles/${featured.id}/ninjs?locale=zh-Hant`)
      expect(hant.body.language).toBe('zh-Hant')
      expect(hant.body.headlines[0].value).toBe('安源區新建口袋公園')
      expect(hant.body.subjects[0].name).toBe('安源區')
      const unsupported = await callApi(server.url, `/api/articles/${featured.id}/ninjs?version=1.0`)
      expect(unsupported.status).toBe(400)
      expect(unsupported.body.errors[0]).toMatchObject({ message: '不支持 ninjs 1.0，可选 3.1、2.2', data: { field: 'version' } })
      // A partner asking in English is answered in English.
      const inEnglish = await callApi(server.url, `/api/articles/${featured.id}/ninjs?version=1.0`, { headers: { 'accept-language': 'en' } })
      expect(inEnglish.body.errors[0].message).toBe('ninjs 1.0 is not supported; choose 3.1 or 2.2')
      const missing = await callApi(server.url, '/api/articles/by-slug/no-such-story/ninjs', { headers: { 'accept-language': 'en' } })
      expect([missing.status, missing.body.errors[0].message]).toEqual([404, 'No published story here'])
    })

    it('a draft has no ninjs, by id or by slug, even for a signed-in chief editor', async () => {
      expect((await callApi(server.url, `/api/articles/${draft.id}/ninjs`)).status).toBe(404)
      expect((await callApi(server.url, `/api/articles/by-slug/${draft.slug}/ninjs`)).status).toBe(404)
      const asChief = await callApi(server.url, `/api/articles/${draft.id}/ninjs`, { token: chief.token })
      expect(asChief.status).toBe(404)
      expect(JSON.stringify(asChief.body)).not.toContain('待审稿件')
      expect((await callApi(server.url, '/api/articles/not-an-id/ninjs')).status).toBe(404)
    })
  })

  describe('corrections, takedown and republishing', () => {
    it('an editor may add a note to a live story only as a draft, and change nothing else of it', async () => {
      const path = `/api/articles/${featured.id}`
      const asEditor = (query: string, body: unknown) => callApi(server.url, `${path}${query}`, { method: 'PATCH', token: editor.token, body })
      const retitled = await asEditor('?draft=true', { title: '编辑改的标题', corrections: [{ kind: 'update', note: '顺带改标题' }] })
      expect(retitled.status).toBe(403)
      expect(retitled.body.errors[0].data).toMatchObject({ code: 'editor-notes-only', field: 'title' })
      const notDraft = await asEditor('', { corrections: [{ kind: 'update', note: '直接上线的说明' }] })
      expect(notDraft.status).toBe(403)
      // The other doors: a bulk update by `where`, and GraphQL.
      const bulk = await callApi(server.url, `/api/articles?where[id][equals]=${featured.id}&draft=true`, { method: 'PATCH', token: editor.token, body: { title: '批量改的标题' } })
      expect(bulk.body.docs ?? []).toEqual([])
      const graphql = await callApi(server.url, '/api/graphql', {
        method: 'POST',
        token: editor.token,
        body: { query: `mutation { updateArticle(id: "${featured.id}", draft: true, data: { title: "图形接口改的标题" }) { id title } }` },
      })
      expect(graphql.body.errors?.[0]?.message).toMatch(/编辑只能添加更正或更新说明/)
      const latest = await callApi(server.url, `${path}?draft=true`, { token: chief.token })
      expect(latest.body.title).toBe(featured.title)
      expect(latest.body.corrections).toEqual([])
    })

    it('a correction an editor writes on a live story stays in the pending draft until the chief editor publishes it; then it shows in the API, feeds, ninjs', async () => {
      const note = '本文第二段“十二处”应为“十三处”，特此更正。'
      const at = new Date(Date.now() + 1000).toISOString()
      const written = await callApi(server.url, `/api/articles/${featured.id}?draft=true`, {
        method: 'PATCH',
        token: editor.token,
        body: { corrections: [{ kind: 'correction', note, at }] },
      })
      expect(written.status, JSON.stringify(written.body)).toBe(200)
      // Pending: readers, feeds and partners still get the live version without the note.
      expect((await callApi(server.url, `/api/articles/${featured.id}`)).body.corrections).toEqual([])
      expect((await text('/feeds/rss.xml')).body).not.toContain(note)
      expect(JSON.stringify((await callApi(server.url, `/api/articles/${featured.id}/ninjs`)).body)).not.toContain(note)

      expect((await transition(featured.id, 'publish')).status).toBe(200)
      const api = await callApi(server.url, `/api/articles/${featured.id}`)
      expect(api.body.corrections).toMatchObject([{ kind: 'correction', note, at }])
      // Audited like any live edit.
      const audit = await server.payload.find({ collection: 'workflow-events', overrideAccess: true, where: { article: { equals: featured.id } }, sort: '-at' })
      expect(audit.docs[0]).toMatchObject({ action: 'publish', fromStage: 'published', toStage: 'published' })

      const atom = parseXml((await text('/feeds/atom.xml')).body).feed
      const entry = atom.entry.find((candidate: { title: string }) => candidate.title === featured.title)
      expect(entry.updated).toBe(at)
      expect(entry.published).not.toBe(at)
      expect(atom.updated).toBe(at)
      expect(entry.content['#text']).toContain(`<strong>更正</strong>`)
      expect(entry.content['#text']).toContain(note)
      const rss = parseXml((await text('/feeds/anyuan/rss.xml')).body).rss.channel
      expect(rss.item[0]['dcterms:modified']).toBe(at)
      expect(rss.item[0]['content:encoded']).toContain(note)

      // A published note is public record: an editor cannot rewrite it.
      const rewritten = await callApi(server.url, `/api/articles/${featured.id}?draft=true`, {
        method: 'PATCH',
        token: editor.token,
        body: { corrections: [{ kind: 'correction', note: '改写过的更正', at }] },
      })
      expect(rewritten.status).toBe(403)
      expect(rewritten.body.errors[0].data).toMatchObject({ code: 'notes-append-only', field: 'corrections' })

      const ninjs = (await callApi(server.url, `/api/articles/${featured.id}/ninjs`)).body
      expect(ninjs.descriptions).toContainEqual({ role: 'correction', contentType: 'text/plain', value: expect.stringContaining(note) })
      expect(ninjs.edNote).toContain(note)
      expect(Date.parse(ninjs.versionCreated)).toBeGreaterThan(Date.parse(ninjs.firstCreated))
      if (!schemaBlocker) {
        const validate = compileNinjsSchema('3.1')
        expect(validate(ninjs), JSON.stringify(validate.errors)).toBe(true)
      }
    })

    it('a story taken down leaves every feed and sitemap on the very next request; republished, it returns with its update note', async () => {
      const urls = ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/lianhua/rss.xml', '/feeds/lianhua/atom.xml?locale=zh-Hant', '/sitemap.xml', '/news-sitemap.xml']
      const loc = `/news/${lianhuaStory.slug}`
      for (const url of urls) {
        await text(url)
        const { body } = await text(url) // the second read is served from memory where cached
        expect(body, url).toContain(loc)
      }
      const down = await transition(lianhuaStory.id, 'unpublish', '内容有误，撤稿核实')
      expect(down.status).toBe(200)
      for (const url of urls) expect((await text(url)).body, url).not.toContain(loc)
      expect((await callApi(server.url, `/api/articles/${lianhuaStory.id}/ninjs`)).status).toBe(404)

      const note = '经核实，补充莲花县有关部门的说明。'
      const edited = await callApi(server.url, `/api/articles/${lianhuaStory.id}?draft=true`, {
        method: 'PATCH',
        token: chief.token,
        body: { corrections: [{ kind: 'update', note }] },
      })
      expect(edited.status, JSON.stringify(edited.body)).toBe(200)
      expect((await text('/feeds/rss.xml')).body).not.toContain(loc)
      expect((await transition(lianhuaStory.id, 'publish')).status).toBe(200)
      for (const url of urls) expect((await text(url)).body, url).toContain(loc)
      const entry = parseXml((await text('/feeds/lianhua/atom.xml')).body).feed.entry[0]
      expect(entry.content['#text']).toContain(`<strong>更新</strong>`)
      expect(entry.content['#text']).toContain(note)
      const ninjs = (await callApi(server.url, `/api/articles/by-slug/${lianhuaStory.slug}/ninjs`)).body
      expect(ninjs.descriptions).toContainEqual({ role: 'update', contentType: 'text/plain', value: expect.stringContaining(note) })
    })
  })
})
