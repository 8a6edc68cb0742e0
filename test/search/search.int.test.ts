import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi, type TestUser, signedInAs } from '../support/api'
import { importAndCollect } from '../support/importer'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A Lexical body of plain paragraphs, as the admin's editor saves it. */
function lexicalBody(...paragraphs: string[]) {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
      })),
    },
  }
}

/**
 * Word search (GET /api/search, src/search/): what readers and the newsroom find after every
 * kind of write, through the doors users use (REST transitions as a chief editor, GraphQL,
 * the importer, the jobs runner, deletes), and what anonymous callers can never find.
 */
describe('search', () => {
  let server: TestServer
  let chief: TestUser
  let editor: TestUser
  let reporter: TestUser

  beforeAll(async () => {
    server = await startTestServer('search')
    await signedInAs(server, 'admin')
    chief = await signedInAs(server, 'chief-editor')
    editor = await signedInAs(server, 'editor')
    reporter = await signedInAs(server, 'reporter')
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  const search = (query: string, token?: string) => callApi(server.url, `/api/search?${query}`, { token })
  const titlesOf = (body: { docs: { title: string }[] }) => body.docs.map((doc) => doc.title)
  const anonymousTitles = async (q: string, extra = '') => {
    const answer = await search(`q=${encodeURIComponent(q)}${extra}`)
    expect(answer.status).toBe(200)
    return titlesOf(answer.body)
  }
  const newsroomTitles = async (q: string, user: TestUser = editor) => {
    const answer = await search(`q=${encodeURIComponent(q)}&draft=true`, user.token)
    expect(answer.status).toBe(200)
    return titlesOf(answer.body)
  }

  async function transition(id: string, action: string, user: TestUser, extra: Record<string, unknown> = {}) {
    const answer = await callApi(server.url, `/api/articles/${id}/transition`, { method: 'POST', token: user.token, body: { action, ...extra } })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  }

  /** A story written by a reporter over REST and taken to `approved` by an editor. */
  async function writeApprovedStory(title: string, paragraphs: string[], extra: Record<string, unknown> = {}) {
    const created = await callApi(server.url, '/api/articles?draft=true', { method: 'POST', token: reporter.token, body: { title, body: lexicalBody(...paragraphs), ...extra } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = String(created.body.doc.id)
    await transition(id, 'submit', reporter)
    await transition(id, 'approve', editor)
    return id
  }

  it('a story is found by the public only once a chief editor publishes it (REST transition); the newsroom finds it from the first save', async () => {
    const id = await writeApprovedStory('安源煤矿工人的节日', ['萍乡市安源区的煤矿工人迎来了自己的节日，上栗烟花点亮夜空。'])
    expect(await anonymousTitles('煤矿')).toEqual([])
    expect(await newsroomTitles('煤矿')).toEqual(['安源煤矿工人的节日'])
    await transition(id, 'publish', chief)
    expect(await anonymousTitles('煤矿')).toEqual(['安源煤矿工人的节日'])
    // Two-character words, a place name, a phrase, and either script.
    expect(await anonymousTitles('烟花')).toEqual(['安源煤矿工人的节日'])
    expect(await anonymousTitles('上栗烟花')).toEqual(['安源煤矿工人的节日'])
    expect(await anonymousTitles('萍鄉')).toEqual(['安源煤矿工人的节日'])
    expect(await anonymousTitles('煤礦工人')).toEqual(['安源煤矿工人的节日'])
    // Written in simplified only: zh-Hant falls back to it, as on the reader site.
    expect(await anonymousTitles('安源', '&locale=zh-Hant')).toEqual(['安源煤矿工人的节日'])
  })

  it('answers with the story, a snippet with <mark> around the words, HTML-escaped, and pages', async () => {
    const id = await writeApprovedStory('湘东区<b>瓷器</b>出口增长', ['湘东区的工业瓷器远销海外，出口额同比增长三成。'])
    await transition(id, 'publish', chief)
    const answer = await search(`q=${encodeURIComponent('瓷器 出口')}&limit=1`)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ totalDocs: 1, totalDocsCapped: false, page: 1, totalPages: 1 })
    const [doc] = answer.body.docs
    expect(Object.keys(doc).sort()).toEqual(['districts', 'id', 'publishedAt', 'slug', 'snippet', 'summary', 'title'])
    expect(doc.id).toBe(id)
    expect(doc.slug).toMatch(/^xiang-dong-qu/)
    expect(doc.snippet).toContain('<mark>瓷器</mark>')
    expect(doc.snippet).toContain('<mark>出口</mark>')
    expect(doc.snippet).toContain('&#60;b&#62;')
    expect(doc.snippet).not.toContain('<b>')
  })

  it('a live edit stays out of public search until it is published; the newsroom sees the draft at once', async () => {
    const id = await writeApprovedStory('芦溪县武功山迎来游客高峰', ['国庆假期，芦溪县武功山景区接待游客创新高。'])
    await transition(id, 'publish', chief)
    const edit = await callApi(server.url, `/api/articles/${id}?draft=true`, {
      method: 'PATCH',
      token: chief.token,
      body: { title: '芦溪县武功山云海奇观', body: lexicalBody('秋日清晨，武功山金顶出现壮观云海。') },
    })
    expect(edit.status, JSON.stringify(edit.body)).toBe(200)
    expect(await anonymousTitles('云海')).toEqual([])
    expect(await anonymousTitles('游客')).toEqual(['芦溪县武功山迎来游客高峰'])
    expect(await newsroomTitles('云海')).toEqual(['芦溪县武功山云海奇观'])
    expect(await newsroomTitles('游客')).toEqual([])
    await transition(id, 'publish', chief)
    expect(await anonymousTitles('云海')).toEqual(['芦溪县武功山云海奇观'])
    expect(await anonymousTitles('游客')).toEqual([])
  })

  it('a takedown (unpublish transition) removes the story from public search at once, also from a cached answer', async () => {
    const id = await writeApprovedStory('莲花县荷花节开幕', ['莲花县第十届荷花节在坊楼镇开幕。'])
    await transition(id, 'publish', chief)
    expect(await anonymousTitles('荷花节')).toEqual(['莲花县荷花节开幕'])
    const again = await search(`q=${encodeURIComponent('荷花节')}`)
    expect(again.headers.get('x-cache')).toBe('hit')
    await transition(id, 'unpublish', chief, { comment: '内容需核实' })
    expect(await anonymousTitles('荷花节')).toEqual([])
    expect(await newsroomTitles('荷花节')).toEqual(['莲花县荷花节开幕'])
  })

  it('a scheduled publish run by the jobs runner makes the story findable, and a scheduled takedown removes it', async () => {
    const id = await writeApprovedStory('上栗县花炮产业转型升级', ['上栗县推动花炮企业安全生产和转型升级。'])
    const publishAt = new Date(Date.now() + 1500).toISOString()
    const unpublishAt = new Date(Date.now() + 6000).toISOString()
    await transition(id, 'schedule', chief, { publishAt, unpublishAt, comment: '定时撤稿' })
    expect(await anonymousTitles('花炮')).toEqual([])
    let found: string[] = []
    for (let tries = 0; tries < 40 && found.length === 0; tries++) {
      await sleep(250)
      found = await anonymousTitles('花炮')
    }
    expect(found).toEqual(['上栗县花炮产业转型升级'])
    for (let tries = 0; tries < 60 && found.length > 0; tries++) {
      await sleep(250)
      found = await anonymousTitles('花炮')
    }
    expect(found).toEqual([])
  })

  it('GraphQL saves and caption edits are indexed; a deleted story is gone from the newsroom index', async () => {
    const created = await callApi(server.url, '/api/graphql', {
      method: 'POST',
      token: reporter.token,
      body: { query: 'mutation { createArticle(draft: true, data: { title: "湘赣边合作示范区建设" }) { id } }' },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    const id = String(created.body.data.createArticle.id)
    expect(await newsroomTitles('示范区')).toEqual(['湘赣边合作示范区建设'])
    const updated = await callApi(server.url, '/api/graphql', {
      method: 'POST',
      token: reporter.token,
      body: { query: `mutation { updateArticle(id: "${id}", draft: true, data: { title: "湘赣边合作先行区建设" }) { id } }` },
    })
    expect(updated.status, JSON.stringify(updated.body)).toBe(200)
    expect(await newsroomTitles('示范区')).toEqual([])
    expect(await newsroomTitles('先行区')).toEqual(['湘赣边合作先行区建设'])

    const caption = await callApi(server.url, '/api/captions', { method: 'POST', token: editor.token, body: { text: '杨岐山普通寺', article: id, position: 1 } })
    expect(caption.status, JSON.stringify(caption.body)).toBe(201)
    expect(await newsroomTitles('普通寺')).toEqual(['湘赣边合作先行区建设'])
    const captionId = String(caption.body.doc.id)
    await callApi(server.url, `/api/captions/${captionId}`, { method: 'PATCH', token: editor.token, body: { text: '杨岐山云谷寺' } })
    expect(await newsroomTitles('普通寺')).toEqual([])
    expect(await newsroomTitles('云谷寺')).toEqual(['湘赣边合作先行区建设'])

    const deleted = await callApi(server.url, `/api/articles/${id}`, { method: 'DELETE', token: chief.token })
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200)
    expect(await newsroomTitles('先行区')).toEqual([])
    expect(await newsroomTitles('云谷寺')).toEqual([])
  })

  it('imported stories (drafts in review) are found by the newsroom, by reporter name and in either script, and never by the public', async () => {
    const seed = path.resolve(import.meta.dirname, '../../seeds/000_2e1de11b0e132036.txt')
    const [result] = await importAndCollect(server.payload, [seed], { dryRun: false })
    expect(result?.action).toBe('created')
    expect(await newsroomTitles('东风浩荡')).toEqual(['东风浩荡春如海'])
    expect(await newsroomTitles('東風浩蕩')).toEqual(['东风浩荡春如海'])
    // Words of the body and a caption; the traditional locale the importer filled by OpenCC.
    expect(await newsroomTitles('玉屏峰 旅游')).toEqual(['东风浩荡春如海'])
    expect(await newsroomTitles('中医药养生')).toEqual(['东风浩荡春如海'])
    const traditional = await search(`q=${encodeURIComponent('工業輝煌')}&draft=true&locale=zh-Hant`, editor.token)
    expect(titlesOf(traditional.body)).toEqual(['東風浩蕩春如海'])
    expect(traditional.body.docs[0].snippet).toContain('<mark>工業</mark><mark>輝煌</mark>')
    expect(await anonymousTitles('东风浩荡')).toEqual([])
  })

  it('anonymous callers never find a draft, whatever they send', async () => {
    await writeApprovedStory('绝密草稿滚动测试', ['这是一篇尚未发布的草稿，涉及萍乡。'])
    expect(await newsroomTitles('绝密草稿')).toEqual(['绝密草稿滚动测试'])
    for (const extra of ['', '&draft=true', '&draft=1', '&locale=zh-Hant', '&locale=all', '&where[_status][equals]=draft', '&audience=newsroom', '&limit=50&page=1']) {
      const answer = await search(`q=${encodeURIComponent('绝密草稿')}${extra}`)
      expect([200, 400], extra).toContain(answer.status)
      if (answer.status === 200) expect(answer.body.docs, extra).toEqual([])
    }
    // A forged or expired token is not a user: still only published stories.
    const forged = await callApi(server.url, `/api/search?q=${encodeURIComponent('绝密草稿')}&draft=true`, { headers: { authorization: 'JWT not-a-token' } })
    expect(forged.status === 200 ? forged.body.docs : []).toEqual([])
    // A signed-in user without draft=true gets the public index.
    expect(titlesOf((await search(`q=${encodeURIComponent('绝密草稿')}`, editor.token)).body)).toEqual([])
  })

  it.each([
    { name: 'empty q', query: 'q=', status: 400 },
    { name: 'no q', query: 'district=anyuan', status: 400 },
    { name: 'blank q', query: 'q=%20%20', status: 400 },
    { name: 'q of 201 characters', query: `q=${'萍'.repeat(201)}`, status: 400 },
    { name: 'q of 200 characters', query: `q=${'萍'.repeat(200)}`, status: 200 },
    { name: 'a bad date', query: 'q=萍乡&from=yesterday', status: 400 },
    { name: 'limit over 50', query: 'q=萍乡&limit=51', status: 400 },
    { name: 'quotes', query: `q=${encodeURIComponent('"萍乡')}`, status: 200 },
    { name: 'OR', query: `q=${encodeURIComponent('萍乡 OR 安源')}`, status: 200 },
    { name: 'NEAR(', query: `q=${encodeURIComponent('NEAR(萍乡 安源')}`, status: 200 },
    { name: 'star', query: `q=${encodeURIComponent('萍*')}`, status: 200 },
    { name: 'column filter', query: `q=${encodeURIComponent('title:萍乡 {body}: ^安源 -x')}`, status: 200 },
    { name: 'only punctuation', query: `q=${encodeURIComponent('"*()')}`, status: 200 },
  ])('$name → $status', async ({ query, status }) => {
    const answer = await search(query)
    expect(answer.status, JSON.stringify(answer.body)).toBe(status)
    if (status === 400) expect(answer.body.errors[0].message).toMatch(/q|from|limit/)
  })

  it('search syntax is text: "OR" is a word to find, not an operator', async () => {
    const id = await writeApprovedStory('芦溪OR工作室开业', ['一家名为OR的设计工作室在芦溪开业。'])
    await transition(id, 'publish', chief)
    expect(await anonymousTitles('OR')).toEqual(['芦溪OR工作室开业'])
    expect(await anonymousTitles('荷花节 OR 工作室')).toEqual([])
  })

  it('filters by district (slug or id) and by date (Beijing days)', async () => {
    const districts = await server.payload.find({ collection: 'districts', where: { slug: { in: ['anyuan', 'xiangdong'] } } })
    const anyuan = districts.docs.find((district) => district.slug === 'anyuan')!
    const xiangdong = districts.docs.find((district) => district.slug === 'xiangdong')!
    const a = await writeApprovedStory('安源区春茶开采', ['安源区的春茶开采了。'], { districts: [anyuan.id], originalPublishedAt: '2024-03-31T16:30:00.000Z' })
    const b = await writeApprovedStory('湘东区春茶上市', ['湘东区的春茶上市了。'], { districts: [xiangdong.id], originalPublishedAt: '2024-04-02T02:00:00.000Z' })
    await transition(a, 'publish', chief)
    await transition(b, 'publish', chief)
    expect((await anonymousTitles('春茶')).sort()).toEqual(['安源区春茶开采', '湘东区春茶上市'])
    expect(await anonymousTitles('春茶', '&district=anyuan')).toEqual(['安源区春茶开采'])
    expect(await anonymousTitles('春茶', `&district=${xiangdong.id}`)).toEqual(['湘东区春茶上市'])
    // 2024-03-31T16:30Z is 2024-04-01 00:30 in Beijing.
    expect(await anonymousTitles('春茶', '&from=2024-04-01&to=2024-04-01')).toEqual(['安源区春茶开采'])
    expect(await anonymousTitles('春茶', '&from=2024-04-02')).toEqual(['湘东区春茶上市'])
  })

  it('the admin article list search finds stories by the words of their body, drafts included for the newsroom', async () => {
    await writeApprovedStory('一篇关于城市的报道', ['萍乡的海绵城市建设走在全省前列。'])
    const like = encodeURIComponent('海绵城市')
    const list = await callApi(
      server.url,
      `/api/articles?draft=true&depth=0&where[or][0][title][like]=${like}&where[or][1][slug][like]=${like}&where[or][2][summary][like]=${like}`,
      { token: editor.token },
    )
    expect(list.status).toBe(200)
    expect(titlesOf(list.body)).toEqual(['一篇关于城市的报道'])
    const anonymousList = await callApi(server.url, `/api/articles?depth=0&where[or][0][title][like]=${like}&where[or][1][slug][like]=${like}&where[or][2][summary][like]=${like}`)
    expect(titlesOf(anonymousList.body)).toEqual([])
  })

  it('a pinyin query finds the district and the headline words (bonus)', async () => {
    const districts = await server.payload.find({ collection: 'districts', where: { slug: { equals: 'shangli' } } })
    const id = await writeApprovedStory('烟花之乡迎新春', ['鞭炮声中，小城迎来新春。'], { districts: [districts.docs[0]!.id] })
    await transition(id, 'publish', chief)
    expect(await anonymousTitles('shangli')).toEqual(['烟花之乡迎新春'])
    expect(await anonymousTitles('Yanhua')).toEqual(['烟花之乡迎新春'])
  })

  // During a rebuild the MongoDB store inserts instead of upserting (an upsert scans the table on FerretDB): a save
  // meanwhile must still replace its entries. Before the reindex test, which refills what clear() empties here.
  it('a story written, edited and published while the index is being rebuilt is found with what was saved last', async () => {
    const { getSearchStore } = await import('../../src/search/getSearchStore')
    const store = getSearchStore(server.payload)
    await store.clear()
    try {
      const id = await writeApprovedStory('湘东区傩戏进校园', ['湘东区中小学开设傩戏课。'])
      await transition(id, 'publish', chief)
      // Two draft edits: the second rewrites entries the first wrote since clear().
      for (const title of ['湘东区傩戏进社区', '湘东区傩戏进乡村']) {
        const edit = await callApi(server.url, `/api/articles/${id}?draft=true`, { method: 'PATCH', token: chief.token, body: { title } })
        expect(edit.status, JSON.stringify(edit.body)).toBe(200)
      }
      expect(await anonymousTitles('校园')).toEqual(['湘东区傩戏进校园'])
      expect(await newsroomTitles('社区')).toEqual([])
      expect(await newsroomTitles('乡村')).toEqual(['湘东区傩戏进乡村'])
      await transition(id, 'publish', chief)
      expect(await anonymousTitles('乡村')).toEqual(['湘东区傩戏进乡村'])
      expect(await anonymousTitles('校园')).toEqual([])
      expect(await newsroomTitles('傩戏')).toEqual(['湘东区傩戏进乡村'])
    } finally {
      await store.compact()
    }
  })

  it('npm run search:reindex (reindexAll) rebuilds the index from the articles: published text for the public, drafts for the newsroom', async () => {
    const id = await writeApprovedStory('萍乡非遗傩面具展', ['萍乡傩面具雕刻技艺展在市博物馆开展。'])
    await transition(id, 'publish', chief)
    await callApi(server.url, `/api/articles/${id}?draft=true`, { method: 'PATCH', token: chief.token, body: { title: '萍乡非遗傩舞表演' } })
    const { getSearchStore } = await import('../../src/search/getSearchStore')
    await getSearchStore(server.payload).clear()
    expect(await anonymousTitles('傩面具')).toEqual([])
    const { reindexAll } = await import('../../src/search/reindexAll')
    const progress: number[] = []
    // A worker thread builds the entries (SQLite; MongoDB rebuilds on the main thread), a batch of two at a time in a pipeline.
    const rebuilt = await reindexAll(server.payload, { batchSize: 2, workers: 1, onProgress: (done) => progress.push(done) })
    const articles = await server.payload.count({ collection: 'articles', overrideAccess: true })
    expect(rebuilt.articles).toBe(articles.totalDocs)
    expect(progress.at(-1)).toBe(articles.totalDocs)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    expect(await anonymousTitles('傩面具')).toEqual(['萍乡非遗傩面具展'])
    expect(await anonymousTitles('傩舞')).toEqual([])
    expect(await newsroomTitles('傩舞')).toEqual(['萍乡非遗傩舞表演'])
  })

  // Three stories published through the workflow: over a minute on FerretDB when the machine is busy.
  it('counts matches up to a cap and says when more match; a page past the cap is still answered', { timeout: 180_000 }, async () => {
    const { createArticleAt } = await import('../support/articles')
    for (const place of ['安源', '湘东', '莲花']) await createArticleAt(server.payload, 'published', { title: `${place}蓝莓采摘季` })
    const { getSearchStore } = await import('../../src/search/getSearchStore')
    const store = getSearchStore(server.payload)
    const query = { termGroups: [{ word: '蓝莓', characters: [] }], audience: 'public' as const }
    expect(await store.search({ ...query, limit: 1, offset: 0, countUpTo: 2 })).toMatchObject({ total: 2, capped: true })
    const past = await store.search({ ...query, limit: 1, offset: 2, countUpTo: 2 })
    expect(past).toMatchObject({ total: 3, capped: false })
    expect(past.hits).toHaveLength(1)
    const answer = await search(`q=${encodeURIComponent('蓝莓')}`)
    expect(answer.body).toMatchObject({ totalDocs: 3, totalDocsCapped: false })
  })

  it('is described in the OpenAPI document', async () => {
    const document = await callApi(server.url, '/api/openapi.json')
    const operation = document.body.paths['/api/search'].get
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(['q', 'district', 'from', 'to', 'locale', 'page', 'limit'])
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400']))
  })
})

/** The index outlives a restart: Payload's schema push at start-up leaves it alone (on SQLite it is a file of its own). */
describe('search index across a restart', () => {
  it('a story published before a restart is found after it, and the server starts without asking anything', async () => {
    const first = await startTestServer('search-restart')
    const { createArticleAt } = await import('../support/articles')
    await createArticleAt(first.payload, 'published', { title: '重启之前发布的萍乡稿件' })
    const before = await callApi(first.url, `/api/search?q=${encodeURIComponent('重启')}`)
    expect(before.body.docs.map((doc: { title: string }) => doc.title)).toEqual(['重启之前发布的萍乡稿件'])
    await first.close()
    const second = await startTestServer('search-restart', { databaseUri: first.databaseUri })
    try {
      const after = await callApi(second.url, `/api/search?q=${encodeURIComponent('重启')}`)
      expect(after.body.docs.map((doc: { title: string }) => doc.title)).toEqual(['重启之前发布的萍乡稿件'])
    } finally {
      await stopTestServer(second)
    }
  })
})
