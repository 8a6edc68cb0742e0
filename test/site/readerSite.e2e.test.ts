import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildLexicalBody } from '../../src/importer/store/buildLexicalBody'
import { callApi, type TestUser, signedInAs } from '../support/api'
import path from 'node:path'

import { failInCiWhenBlocked, findBrowserLaneBlocker, findProductionBuildBlocker, launchChromium, SCREENSHOT_DIR } from '../support/browser'
import { createStory, fetchPage, readDistrictSection, readHtmlLang } from '../support/site'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { makePhoto, uploadPhoto } from '../support/photos'
import { publishAs, workflowActor } from '../support/publishing'

const blocker = failInCiWhenBlocked(findProductionBuildBlocker(), 'reader-site tests')

const LIBRARY = {
  title: '安源区新建社区图书馆开放',
  subtitle: '市民家门口多了读书好去处',
  paragraphs: ['安源区凤凰街社区图书馆今日正式对外开放，藏书两万余册。', '图书馆设有少儿阅读区和自习室。'],
  originalPublishedAt: '2024-05-01T01:30:00.000Z',
  hant: {
    title: '安源區新建社區圖書館開放',
    subtitle: '市民家門口多了讀書好去處',
    paragraphs: ['安源區鳳凰街社區圖書館今日正式對外開放，藏書兩萬餘冊。', '圖書館設有少兒閱讀區和自習室。'],
  },
}
const CAPTION = { text: '读者在图书馆自习室阅读', hant: '讀者在圖書館自習室閱讀', credit: '郁佳敏' }
const OLD_STREET = { title: '安源区老街改造完工', paragraphs: ['老街改造历时一年。'], originalPublishedAt: '2023-03-01T00:00:00.000Z' }
const FIRE_DRILL = { title: '安源区开展消防安全演练', paragraphs: ['演练在安源区政府大楼举行。'] }
const RAPESEED = { title: '湘东区油菜花田迎来游客', paragraphs: ['湘东区麻山镇的油菜花进入盛花期。'], originalPublishedAt: '2024-04-20T02:00:00.000Z' }
const DRAFT_ONLY = { title: '安源区未发布草稿稿件', paragraphs: ['这段草稿正文不应被读者看到。'] }
const DRAFT_CAPTION = '草稿图片说明文字待配图'
const BOAT_RACE = { title: '湘东区举办龙舟赛', paragraphs: ['龙舟赛在萍水河举行。'], originalPublishedAt: '2024-06-10T01:00:00.000Z' }
const BOAT_RACE_EDIT = { title: '湘东区举办龙舟赛修改稿', paragraph: '修改稿新增的一段正文，尚未发布。' }
/** A story written in the newsroom (no original date), published, then corrected live; its source is stored in simplified script. */
const MARKET = { title: '安源区菜市场改造后重新开业', paragraphs: ['改造后的菜市场设有一百二十个摊位。'], source: '萍乡日报社', sourceHant: '萍鄉日報社', correctedTitle: '安源区菜市场改造后重新开业迎客' }

/**
 * The reader site (src/app/(site)) as a visitor and an editor meet it over HTTP, against the
 * production build: what anonymous readers see on `/` and `/news/<slug>` in both scripts, that
 * drafts never reach them, and the editors' draft preview.
 */
describe.skipIf(blocker !== null)(`reader site and draft preview${blocker ? ` (skipped: ${blocker})` : ''}`, () => {
  let server: TestServer
  let editor: TestUser
  const stories: Record<string, { id: string; slug: string }> = {}

  beforeAll(async () => {
    server = await startTestServer('reader-site', { withAdmin: true })
    const admin = await signedInAs(server, 'admin')
    editor = await signedInAs(server, 'editor')
    const districts = await server.payload.find({ collection: 'districts', pagination: false, overrideAccess: true })
    const district = (slug: string) => districts.docs.find((doc) => doc.slug === slug)!.id
    const anyuan = [district('anyuan')]
    const xiangdong = [district('xiangdong')]

    stories.library = await createStory(server.payload, { ...LIBRARY, districts: anyuan }, { publish: false })
    const photo = await uploadPhoto(server.url, await makePhoto({ width: 1800, height: 1200 }), { token: admin.token, data: { alt: '社区图书馆自习室' } })
    expect(photo.status).toBe(201)
    const caption = await server.payload.create({
      collection: 'captions',
      data: { text: CAPTION.text, credit: CAPTION.credit, article: stories.library.id, photo: photo.body.doc.id, position: 1 },
      locale: 'zh-Hans',
      overrideAccess: true,
    })
    await server.payload.update({ collection: 'captions', id: caption.id, data: { text: CAPTION.hant }, locale: 'zh-Hant', overrideAccess: true })
    await publishAs(server.payload, stories.library.id)

    stories.oldStreet = await createStory(server.payload, { ...OLD_STREET, districts: anyuan }, { publish: true })
    stories.fireDrill = await createStory(server.payload, { ...FIRE_DRILL, districts: anyuan }, { publish: true })
    stories.rapeseed = await createStory(server.payload, { ...RAPESEED, districts: xiangdong }, { publish: true })
    stories.draftOnly = await createStory(server.payload, { ...DRAFT_ONLY, districts: anyuan }, { publish: false })
    await server.payload.create({
      collection: 'captions',
      data: { text: DRAFT_CAPTION, article: stories.draftOnly.id, position: 1 },
      overrideAccess: true,
    })
    stories.boatRace = await createStory(server.payload, { ...BOAT_RACE, districts: xiangdong }, { publish: true })
    // A newer draft of a live story: an edit not yet published.
    await server.payload.update({
      collection: 'articles',
      id: stories.boatRace.id,
      data: { title: BOAT_RACE_EDIT.title, body: buildLexicalBody([{ type: 'paragraph', text: BOAT_RACE_EDIT.paragraph }] as never) } as never,
      draft: true,
      overrideAccess: true,
    })

    // Written here, published, and a minute's work later corrected on the live story by the chief editor.
    stories.market = await createStory(server.payload, { ...MARKET, districts: anyuan }, { publish: false })
    await server.payload.update({ collection: 'articles', id: stories.market.id, data: { source: MARKET.source } as never, draft: true, overrideAccess: true })
    await publishAs(server.payload, stories.market.id)
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    await server.payload.update({
      collection: 'articles',
      id: stories.market.id,
      data: { title: MARKET.correctedTitle, _status: 'published' } as never,
      locale: 'zh-Hans',
      user: await workflowActor(server.payload),
      overrideAccess: false,
    })
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  /** The page's text as a reader reads it: tags and React's text separators out, spaces collapsed. */
  const readText = (html: string) =>
    html
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<!-- -->/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
  /** The times in the audit trail: when a story went live. */
  const publishTimes = async (id: string) =>
    (
      await server.payload.find({ collection: 'workflow-events', where: { and: [{ article: { equals: id } }, { action: { equals: 'publish' } }] }, sort: 'at', overrideAccess: true })
    ).docs.map((event) => new Date(event.at).toISOString())

  describe('home page', () => {
    it('lists the published stories under their districts, newest first, and no draft', async () => {
      const page = await fetchPage(server.url, '/')
      expect(page.status).toBe(200)
      expect(readHtmlLang(page.html)).toBe('zh-Hans')
      const anyuan = readDistrictSection(page.html, 'anyuan')
      const xiangdong = readDistrictSection(page.html, 'xiangdong')
      expect(anyuan).toContain('>安源区</h2>')
      expect(xiangdong).toContain('>湘东区</h2>')
      // Newest first by the time shown: the undated story (published just now), then by original publication time.
      const titlesIn = (section: string | null) => [...(section ?? '').matchAll(/class="story-card__title" href="([^"]+)">([^<]+)</g)].map((m) => [m[1], m[2]])
      expect(titlesIn(anyuan)).toEqual([
        [`/news/${stories.market.slug}`, MARKET.correctedTitle],
        [`/news/${stories.fireDrill.slug}`, FIRE_DRILL.title],
        [`/news/${stories.library.slug}`, LIBRARY.title],
        [`/news/${stories.oldStreet.slug}`, OLD_STREET.title],
      ])
      expect(titlesIn(xiangdong)).toEqual([
        [`/news/${stories.boatRace.slug}`, BOAT_RACE.title],
        [`/news/${stories.rapeseed.slug}`, RAPESEED.title],
      ])
      expect(page.html.indexOf('id="anyuan"')).toBeLessThan(page.html.indexOf('id="xiangdong"'))
      // Districts without a published story are left out.
      expect(readDistrictSection(page.html, 'lianhua')).toBeNull()
      // Nothing of a draft, anywhere in the page (markup or the RSC payload).
      for (const hidden of [DRAFT_ONLY.title, BOAT_RACE_EDIT.title]) expect(page.html).not.toContain(hidden)
    })

    it('shows each story’s picture: its hero photo, else its first captioned photo; none for a story without one', async () => {
      const page = await fetchPage(server.url, '/')
      const cards = (readDistrictSection(page.html, 'anyuan') ?? '').split('<li ').slice(1)
      const card = (slug: string) => cards.find((markup) => markup.includes(`href="/news/${slug}"`)) ?? ''
      expect(card(stories.library.slug)).toContain('class="story-card__picture"')
      expect(card(stories.library.slug)).toMatch(/<img src="[^"]+-card-768x512\.jpg"[^>]*alt="社区图书馆自习室"/)
      expect(card(stories.fireDrill.slug)).not.toContain('<img')
    })

    it('orders an imported story by its original date, not the day it was published here', async () => {
      // The library story (2024) went live after the old-street story (2023) and the market story went live last of all.
      const page = await fetchPage(server.url, '/')
      const anyuan = readDistrictSection(page.html, 'anyuan') ?? ''
      expect(anyuan.indexOf(LIBRARY.title)).toBeLessThan(anyuan.indexOf(OLD_STREET.title))
      const [libraryLive] = await publishTimes(stories.library.id)
      expect(anyuan).toContain(`dateTime="${LIBRARY.originalPublishedAt}"`)
      expect(anyuan).not.toContain(`dateTime="${libraryLive}"`)
    })

    it('shows the times in Beijing time', async () => {
      const page = await fetchPage(server.url, '/')
      expect(readDistrictSection(page.html, 'anyuan')).toContain(`dateTime="${LIBRARY.originalPublishedAt}">2024年5月1日 09:30</time>`)
    })

    it('?locale=zh-Hant is the traditional-script home page', async () => {
      const page = await fetchPage(server.url, '/?locale=zh-Hant')
      expect(page.status).toBe(200)
      expect(readHtmlLang(page.html)).toBe('zh-Hant')
      const anyuan = readDistrictSection(page.html, 'anyuan')
      expect(anyuan).toContain('>安源區</h2>')
      expect(anyuan).toContain(`href="/news/${stories.library.slug}?locale=zh-Hant">${LIBRARY.hant.title}</a>`)
      expect(page.html).not.toContain(LIBRARY.title)
      // The 简/繁 switch links back to the simplified page.
      expect(page.html).toMatch(/<a lang="zh-Hans"[^>]*href="\/"[^>]*>简<\/a>/)
    })
  })

  describe('story page', () => {
    it('shows headline, deck, district, time, body, and each photo with its caption and credit', async () => {
      const page = await fetchPage(server.url, `/news/${stories.library.slug}`)
      expect(page.status).toBe(200)
      expect(readHtmlLang(page.html)).toBe('zh-Hans')
      expect(page.html).toContain(`<h1 class="story__title">${LIBRARY.title}</h1>`)
      expect(page.html).toContain(`<p class="story__deck">${LIBRARY.subtitle}</p>`)
      expect(page.html).toContain('<a href="/#anyuan">安源区</a>')
      expect(page.html).toContain('2024年5月1日 09:30</time>')
      for (const paragraph of LIBRARY.paragraphs) expect(page.html).toContain(`<p>${paragraph}</p>`)
      expect(page.html).toContain(`<figcaption><span class="caption">${CAPTION.text}</span><span class="credit">郁佳敏 摄</span></figcaption>`)
      expect(page.html).toContain('<a lang="zh-Hant" title="繁體中文" href="/news/' + stories.library.slug + '?locale=zh-Hant"')
    })

    it('serves the photo from its derivatives: WebP and JPEG srcsets by width, with its placeholder and dominant colour', async () => {
      const page = await fetchPage(server.url, `/news/${stories.library.slug}`)
      const webp = /<source type="image\/webp" srcSet="([^"]+)"/.exec(page.html)?.[1]
      const jpeg = /<img src="[^"]+-card-768x512\.jpg" srcSet="([^"]+)"/.exec(page.html)?.[1]
      const widths = (srcset: string | undefined) => (srcset ?? '').split(', ').map((entry) => entry.split(' ')[1])
      expect(widths(webp)).toEqual(['320w', '768w', '1600w'])
      expect(widths(jpeg)).toEqual(['320w', '768w', '1600w'])
      expect(webp).toMatch(/-card-webp-768x512\.webp 768w/)
      expect(page.html).toMatch(/style="background-color:#[0-9a-f]{6};background-image:url\(&quot;data:image\/webp;base64,/)
      // An anonymous reader can load the files: the photo belongs to a published story.
      const webpCard = webp!.split(', ')[1]!.split(' ')[0]!
      const file = await fetch(webpCard)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe('image/webp')
    })

    it('?locale=zh-Hant shows the story in traditional script, credit with 攝', async () => {
      const page = await fetchPage(server.url, `/news/${stories.library.slug}?locale=zh-Hant`)
      expect(page.status).toBe(200)
      expect(readHtmlLang(page.html)).toBe('zh-Hant')
      expect(page.html).toContain(`<h1 class="story__title">${LIBRARY.hant.title}</h1>`)
      expect(page.html).toContain(`<p class="story__deck">${LIBRARY.hant.subtitle}</p>`)
      for (const paragraph of LIBRARY.hant.paragraphs) expect(page.html).toContain(`<p>${paragraph}</p>`)
      expect(page.html).toContain(`<figcaption><span class="caption">${CAPTION.hant}</span><span class="credit">郁佳敏 攝</span></figcaption>`)
      expect(page.html).toContain('<a href="/?locale=zh-Hant#anyuan">安源區</a>')
      expect(page.html).not.toContain(LIBRARY.paragraphs[0])
    })

    it('a story published once shows 发布时间, its original date, and no 更新时间', async () => {
      const text = readText((await fetchPage(server.url, `/news/${stories.library.slug}`)).html)
      expect(text).toContain('发布时间 2024年5月1日 09:30')
      expect(text).not.toContain('更新时间')
    })

    it('a story written here, corrected after it went live: 发布时间 when it first went live, 更新时间 when the correction did', async () => {
      const [first, correction] = await publishTimes(stories.market.id)
      expect(correction).toBeDefined()
      const page = await fetchPage(server.url, `/news/${stories.market.slug}`)
      expect(page.html).toMatch(new RegExp(`<span class="story__published">发布时间(<!-- -->)? <time dateTime="${first}">`))
      expect(page.html).toMatch(new RegExp(`<span class="story__updated">更新时间(<!-- -->)? <time dateTime="${correction}">`))
    })

    it('shows the source in the page’s script', async () => {
      expect(readText((await fetchPage(server.url, `/news/${stories.market.slug}`)).html)).toContain(`来源：${MARKET.source}`)
      const hant = readText((await fetchPage(server.url, `/news/${stories.market.slug}?locale=zh-Hant`)).html)
      expect(hant).toContain(`來源：${MARKET.sourceHant}`)
      expect(hant).toContain('發布時間')
      expect(hant).not.toContain(MARKET.source)
    })

    it.each([
      { locale: 'zh-Hans', query: '', speaks: ['找不到这篇报道', '返回首页', '萍乡新闻'], never: ['找不到這篇報道', '返回首頁', '萍鄉新聞'] },
      { locale: 'zh-Hant', query: '?locale=zh-Hant', speaks: ['找不到這篇報道', '返回首頁', '萍鄉新聞'], never: ['找不到这篇报道', '返回首页', '萍乡新闻'] },
    ])('the 404 page speaks $locale only', async ({ locale, query, speaks, never }) => {
      const page = await fetchPage(server.url, `/news/no-such-story${query}`)
      expect(page.status).toBe(404)
      // Next 16 answers a notFound() with its error shell and the not-found page in its payload, <html lang> there.
      expect(page.html).toContain(`<title>${speaks[2]}</title>`)
      expect(page.html).toContain(`\\"html\\",null,{\\"lang\\":\\"${locale}\\"`)
      for (const words of speaks) expect(page.html).toContain(words)
      // Anywhere in the page: markup, title and the RSC payload.
      for (const words of never) expect(page.html).not.toContain(words)
    })

    it('a live story with a newer draft shows the published version only', async () => {
      const page = await fetchPage(server.url, `/news/${stories.boatRace.slug}`)
      expect(page.status).toBe(200)
      expect(page.html).toContain(`<h1 class="story__title">${BOAT_RACE.title}</h1>`)
      expect(page.html).not.toContain(BOAT_RACE_EDIT.title)
      expect(page.html).not.toContain(BOAT_RACE_EDIT.paragraph)
    })

    it.each([
      { name: 'a story that was never published', slug: () => stories.draftOnly.slug },
      { name: 'an unknown slug', slug: () => 'no-such-story' },
    ])('404 for $name, with nothing of the draft', async ({ slug }) => {
      for (const path of [`/news/${slug()}`, `/news/${slug()}?locale=zh-Hant`]) {
        const page = await fetchPage(server.url, path)
        expect(page.status).toBe(404)
        expect(page.html).not.toContain(DRAFT_ONLY.title)
        expect(page.html).not.toContain(DRAFT_ONLY.paragraphs[0])
      }
    })

    it('a signed-in editor on the public page still gets the published story only', async () => {
      const page = await fetchPage(server.url, `/news/${stories.draftOnly.slug}`, { token: editor.token })
      expect(page.status).toBe(404)
      expect(page.html).not.toContain(DRAFT_ONLY.title)
    })
  })

  describe('draft preview', () => {
    const previewPath = (id: string, query = '') => `/preview/articles/${encodeURIComponent(id)}${query}`

    it.each<{ name: string; headers: Record<string, string> }>([
      { name: 'no cookie', headers: {} },
      { name: 'a forged session cookie', headers: { cookie: 'payload-token=not-a-token', 'sec-fetch-site': 'same-origin' } },
      { name: 'a JWT not signed with this server’s secret', headers: { cookie: 'payload-token=eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IngifQ.c2lnbmF0dXJl', 'sec-fetch-site': 'same-origin' } },
    ])('$name: sent to sign in, nothing of the draft, private, no-store', async ({ headers }) => {
      const page = await fetchPage(server.url, previewPath(stories.draftOnly.id), { headers })
      expect(page.status).toBe(307)
      expect(page.headers.get('location')).toBe(`/admin/login?redirect=${encodeURIComponent(previewPath(stories.draftOnly.id))}`)
      expect(page.headers.get('cache-control')).toBe('private, no-store')
      for (const hidden of [DRAFT_ONLY.title, DRAFT_ONLY.paragraphs[0], DRAFT_CAPTION]) expect(page.html).not.toContain(hidden)
    })

    it('an editor’s session cookie sent from another site is refused like no cookie (Payload’s CSRF check)', async () => {
      const page = await fetchPage(server.url, previewPath(stories.draftOnly.id), {
        headers: { cookie: `payload-token=${editor.token}`, origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' },
      })
      expect(page.status).toBe(307)
      expect(page.html).not.toContain(DRAFT_ONLY.title)
    })

    it('a signed-in editor sees the never-published draft, with its captions, marked private, no-store and noindex', async () => {
      const page = await fetchPage(server.url, previewPath(stories.draftOnly.id), { token: editor.token })
      expect(page.status).toBe(200)
      expect(page.headers.get('cache-control')).toBe('private, no-store')
      expect(page.html).toContain(`<h1 class="story__title">${DRAFT_ONLY.title}</h1>`)
      expect(page.html).toContain(`<p>${DRAFT_ONLY.paragraphs[0]}</p>`)
      expect(page.html).toContain(`<div class="photo photo--awaiting">待配图</div><figcaption><span class="caption">${DRAFT_CAPTION}</span>`)
      expect(page.html).toContain('class="preview-banner"')
      expect(page.html).toMatch(/<meta name="robots" content="noindex, nofollow"/)
    })

    it('a live story’s preview shows the newer draft, in either script', async () => {
      const page = await fetchPage(server.url, previewPath(stories.boatRace.id), { token: editor.token })
      expect(page.status).toBe(200)
      expect(page.html).toContain(`<h1 class="story__title">${BOAT_RACE_EDIT.title}</h1>`)
      expect(page.html).toContain(`<p>${BOAT_RACE_EDIT.paragraph}</p>`)
      const hant = await fetchPage(server.url, previewPath(stories.library.id, '?locale=zh-Hant'), { token: editor.token })
      expect(readHtmlLang(hant.html)).toBe('zh-Hant')
      expect(hant.html).toContain(`<h1 class="story__title">${LIBRARY.hant.title}</h1>`)
      expect(hant.headers.get('cache-control')).toBe('private, no-store')
    })

    it.each([
      { name: 'an id of no story', id: () => (stories.draftOnly.id.includes('-') ? '00000000-0000-4000-8000-000000000000' : '000000000000000000000000') },
      { name: 'an id of the other database’s kind', id: () => (stories.draftOnly.id.includes('-') ? '000000000000000000000000' : '00000000-0000-4000-8000-000000000000') },
      { name: 'a malformed id', id: () => 'not-an-id' },
    ])('404 for $name, even signed in', async ({ id }) => {
      const page = await fetchPage(server.url, previewPath(id()), { token: editor.token })
      expect(page.status).toBe(404)
      expect(page.headers.get('cache-control')).toBe('private, no-store')
    })

    it('the internal path of a preview is private, no-store too', async () => {
      const page = await fetchPage(server.url, `/zh-Hans${previewPath(stories.draftOnly.id)}`, { token: editor.token })
      expect(page.status).toBe(200)
      expect(page.headers.get('cache-control')).toBe('private, no-store')
    })

    it('the admin offers the preview URL for the article: this page, in the editor’s locale', async () => {
      const { Articles } = await import('../../collections/Articles')
      const preview = Articles.admin!.preview!
      const req = { payload: server.payload } as never
      expect(await preview({ id: stories.draftOnly.id }, { locale: 'zh-Hant', req, token: null })).toBe(
        `${server.url}${previewPath(stories.draftOnly.id, '?locale=zh-Hant')}`,
      )
    })
  })

  // In Chromium when there is one (the MongoDB lane runs these HTTP tests without a browser).
  describe.skipIf(findBrowserLaneBlocker() !== null)('as a reader sees it in a browser', () => {
    const shots = process.env.ADMIN_LOCALE_SHOTS ?? SCREENSHOT_DIR

    it('the front page shows the stories’ pictures, and the 404 page its script’s words', async () => {
      const browser = await launchChromium()
      try {
        const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
        await page.goto(`${server.url}/`)
        const picture = page.locator('#anyuan .story-card__picture img').first()
        await picture.waitFor()
        await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
        await page.screenshot({ path: path.join(shots, 'reader-front-page.png'), fullPage: true })

        const response = await page.goto(`${server.url}/news/no-such-story?locale=zh-Hant`)
        expect(response?.status()).toBe(404)
        await expect(page.locator('main.not-found h1').textContent()).resolves.toBe('找不到這篇報道')
        await expect(page.title()).resolves.toBe('找不到這篇報道 · 萍鄉新聞')
        expect(await page.locator('body').innerText()).not.toMatch(/找不到这篇报道|返回首页|This page could not be found/)
        await page.screenshot({ path: path.join(shots, 'reader-404-zh-Hant.png'), fullPage: true })
      } finally {
        await browser.close()
      }
    })
  })

  describe('the Express edge', () => {
    it('serves the site at /, keeps the admin, API and health checks, and leaves the API’s rate limit and ETag to /api', async () => {
      const home = await fetchPage(server.url, '/')
      expect(home.status).toBe(200)
      expect(home.headers.get('ratelimit-limit')).toBeNull()
      expect(home.headers.get('cache-control')).not.toMatch(/public/)
      const admin = await fetchPage(server.url, '/admin/login')
      expect(admin.status).toBe(200)
      expect(admin.html).toContain('萍乡新闻编辑部')
      const api = await callApi(server.url, '/api/articles?limit=1')
      expect(api.status).toBe(200)
      expect(api.headers.get('ratelimit-limit')).toBe('600')
      expect(api.headers.get('etag')).toMatch(/^"/)
      expect((await callApi(server.url, '/healthz')).status).toBe(200)
      expect((await callApi(server.url, '/readyz')).status).toBe(200)
    })
  })
})
