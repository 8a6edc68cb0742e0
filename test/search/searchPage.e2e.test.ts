import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { failInCiWhenBlocked, findProductionBuildBlocker } from '../support/browser'
import { createStory, fetchPage, readHtmlLang } from '../support/site'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

const blocker = failInCiWhenBlocked(findProductionBuildBlocker(), 'reader-site search tests')

const MINE = {
  title: '安源煤矿旧址变身博物馆',
  paragraphs: ['安源煤矿旧址修缮后作为工业遗产博物馆向市民开放。'],
  hant: { title: '安源煤礦舊址變身博物館', paragraphs: ['安源煤礦舊址修繕後作為工業遺產博物館向市民開放。'] },
}
const DRAFT = { title: '煤矿草稿不应被搜到', paragraphs: ['这是一篇关于煤矿的未发布草稿。'] }

/** The reader site's search box and results page (/search), over HTTP against the production build. */
describe.skipIf(blocker !== null)(`reader site search${blocker ? ` (skipped: ${blocker})` : ''}`, () => {
  let server: TestServer
  let mine: { id: string; slug: string }

  beforeAll(async () => {
    server = await startTestServer('search-page', { withAdmin: true })
    const districts = await server.payload.find({ collection: 'districts', where: { slug: { equals: 'anyuan' } }, overrideAccess: true })
    mine = await createStory(server.payload, { ...MINE, districts: [String(districts.docs[0]!.id)] }, { publish: true })
    await createStory(server.payload, { ...DRAFT, districts: [] }, { publish: false })
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  it('every page has the search box; /search?q= lists published matches with the words marked, never a draft', async () => {
    const home = await fetchPage(server.url, '/')
    expect(home.html).toContain('<form class="search-box" role="search" action="/search" method="get">')
    const page = await fetchPage(server.url, `/search?q=${encodeURIComponent('煤矿')}`)
    expect(page.status).toBe(200)
    expect(readHtmlLang(page.html)).toBe('zh-Hans')
    expect(page.html).toContain(`href="/news/${mine.slug}">${MINE.title}</a>`)
    expect(page.html).toContain('<mark>煤矿</mark>')
    expect(page.html).toContain('找到 1 篇报道')
    expect(page.html).not.toContain(DRAFT.title)
  })

  it('in traditional script: a traditional query, results and marks in traditional', async () => {
    const page = await fetchPage(server.url, `/search?q=${encodeURIComponent('煤礦')}&locale=zh-Hant`)
    expect(page.status).toBe(200)
    expect(readHtmlLang(page.html)).toBe('zh-Hant')
    expect(page.html).toContain(`href="/news/${mine.slug}?locale=zh-Hant">${MINE.hant.title}</a>`)
    expect(page.html).toContain('<mark>煤礦</mark>')
    expect(page.html).toContain('<input type="hidden" name="locale" value="zh-Hant"/>')
  })

  it('no match, and no query, are said plainly', async () => {
    expect((await fetchPage(server.url, `/search?q=${encodeURIComponent('火星探测器')}`)).html).toContain('没有找到相关报道')
    expect((await fetchPage(server.url, '/search')).html).toContain('输入要找的词')
  })
})
