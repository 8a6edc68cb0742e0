import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi, type TestUser, signedInAs } from '../support/api'
import { importAndCollect } from '../support/importer'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

const SEEDS = path.resolve(import.meta.dirname, '../../seeds')
const JEKYLL = '002_fc1cb624369e9f26.txt'
const PRINT = '001_14f00e902adda0b7.txt'
const PORTAL = '004_1a09796742693f37.txt'

/** Stores the five seeds the way a newcomer's first start does, then re-imports them. */
describe('seed importer: storing articles', () => {
  let server: TestServer
  let editor: TestUser
  let chief: TestUser
  let workDir: string

  beforeAll(async () => {
    server = await startTestServer('importer', { env: { SEED_ON_START: 'true' } })
    await signedInAs(server, 'admin') // the first account is always an admin
    editor = await signedInAs(server, 'editor')
    chief = await signedInAs(server, 'chief-editor')
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-import-'))
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  async function findBySourceFile(file: string, query = '') {
    const response = await callApi(
      server.url,
      `/api/articles?where[provenance.sourceFile][equals]=${file}&draft=true&depth=1${query}`,
      { token: editor.token },
    )
    expect(response.body.totalDocs).toBe(1)
    return response.body.docs[0]
  }

  it('the first start imports the five seeds as drafts that only the newsroom sees', async () => {
    const newsroom = await callApi(server.url, '/api/articles?limit=50&draft=true&sort=provenance.sourceFile', { token: editor.token })
    expect(newsroom.body.docs.map((doc: any) => doc.provenance.sourceFile)).toEqual(
      fs.readdirSync(SEEDS).sort(),
    )
    expect(newsroom.body.docs.every((doc: any) => doc._status === 'draft')).toBe(true)
    const anonymous = await callApi(server.url, '/api/articles')
    expect(anonymous.body.totalDocs).toBe(0)
  })

  it('stores the Jekyll post’s fields, a real Lexical body and its provenance', async () => {
    const doc = await findBySourceFile(JEKYLL)
    expect(doc.title).toBe('安源区：释放领跑工业经济“核动能”')
    expect(doc.slug).toBe('an-yuan-qu-shi-fang-ling-pao-gong-ye-jing-ji-he-dong-neng')
    expect(doc.originalPublishedAt).toBe('2022-01-02T23:00:29.000Z')
    expect(doc.originalPublishedAt_tz).toBe('Asia/Shanghai')
    expect(doc.source).toBe('萍乡日报')
    expect(doc.sourceUrl).toBe('http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201032234250560')
    expect(doc.tags).toEqual(['萍乡日报新闻'])
    expect(doc.districts.map((d: { name: string }) => d.name)).toEqual(['安源区'])

    const nodes = doc.body.root.children as { type: string; tag?: string; children: { text: string }[] }[]
    const headings = nodes.filter((node) => node.type === 'heading').map((node) => node.children[0]!.text)
    expect(headings).toEqual(['产业转型升级跑出加速度', '创新驱动赋能高质量发展', '打造一流的营商环境高地'])
    expect(nodes.filter((node) => node.type === 'heading').every((node) => node.tag === 'h2')).toBe(true)
    expect(nodes[0]).toMatchObject({ type: 'paragraph', children: [{ text: '时代的潮流，浩浩荡荡，奔流不息。' }] })
    // 33 <p> in the source: 3 are section headings; the source line is not body text.
    expect(nodes.filter((node) => node.type === 'paragraph').length).toBe(30)

    expect(doc.provenance.sourceFile).toBe(JEKYLL)
    expect(doc.provenance.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(doc.provenance.format).toBe('jekyll')
    expect(doc.provenance.originalText).toBe(fs.readFileSync(path.join(SEEDS, JEKYLL), 'utf8'))
    expect(doc.provenance.warnings.map((w: { kind: string }) => w.kind)).toEqual(['elision'])
    expect(doc.provenance.warnings[0].snippet).toContain('……')
  })

  it('stores the print-layout piece’s captions in order, with credits, waiting for photos', async () => {
    const doc = await findBySourceFile(PRINT)
    expect(doc.authors).toEqual(['李羽晨', '钟进文'])
    expect(doc.defaultCredit).toBe('图片除署名外由安源区委宣传部提供')
    const captions = await callApi(server.url, `/api/captions?where[article][equals]=${doc.id}&sort=position&limit=50`, {
      token: editor.token,
    })
    const rows = captions.body.docs.map((c: any) => ({ text: c.text, credit: c.credit ?? null, photo: c.photo ?? null }))
    expect(rows[0]).toEqual({ text: '安源区中心城区面貌焕然一新', credit: '郁佳敏', photo: null })
    expect(rows).toContainEqual({ text: '学生在安源路矿工人纪念馆开展红色研学活动', credit: '郁佳敏', photo: null })
    const positions = captions.body.docs.map((c: any) => c.position)
    expect(positions).toEqual([...positions].sort((a: number, b: number) => a - b))
    expect(doc.provenance.warnings.map((w: { kind: string }) => w.kind)).toContain('lost-text')
  })

  it('keeps the traditional original in zh-Hant and fills zh-Hans by conversion', async () => {
    const hant = await findBySourceFile(PORTAL, '&locale=zh-Hant')
    const hans = await findBySourceFile(PORTAL, '&locale=zh-Hans')
    expect(hant.title).toBe('萍鄉:創新賦能高質量發展')
    expect(hans.title).toBe('萍乡:创新赋能高质量发展')
    expect(hant.authors).toEqual(['尚健'])
    expect(hant.provenance.script).toBe('zh-Hant')
    expect(hant.provenance.warnings.map((w: { kind: string }) => w.kind)).toContain('mojibake')
    expect(hans.slug).toBe('ping-xiang-chuang-xin-fu-neng-gao-zhi-liang-fa-zhan')
  })

  it('a second start imports nothing again', async () => {
    const { databaseUri } = server
    await server.close()
    server = await startTestServer('importer', { databaseUri, env: { SEED_ON_START: 'true' } })
    editor = await signedInAs(server, 'editor')
    chief = await signedInAs(server, 'chief-editor')
    const all = await callApi(server.url, '/api/articles?limit=50&draft=true', { token: editor.token })
    expect(all.body.totalDocs).toBe(5)
  })

  it('re-importing unchanged files changes nothing, not even the version history', async () => {
    const doc = await findBySourceFile(JEKYLL)
    const versionsBefore = await server.payload.countVersions({ collection: 'articles', where: { parent: { equals: doc.id } } })
    const results = await importAndCollect(server.payload, fs.readdirSync(SEEDS).map((f) => path.join(SEEDS, f)), { dryRun: false })
    expect(results.map((r) => r.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged'])
    const versionsAfter = await server.payload.countVersions({ collection: 'articles', where: { parent: { equals: doc.id } } })
    expect(versionsAfter.totalDocs).toBe(versionsBefore.totalDocs)
  })

  it('a changed file becomes a new draft of the same article; an editor’s title and the live version stay', async () => {
    const before = await findBySourceFile(JEKYLL)
    // An editor retitles the story and approves it; a chief editor publishes it.
    const retitled = await callApi(server.url, `/api/articles/${before.id}?draft=true`, {
      method: 'PATCH',
      token: editor.token,
      body: { title: '编辑改写的标题' },
    })
    expect(retitled.status).toBe(200)
    const approve = await callApi(server.url, `/api/articles/${before.id}/transition`, { method: 'POST', token: editor.token, body: { action: 'approve' } })
    expect(approve.status).toBe(200)
    const publish = await callApi(server.url, `/api/articles/${before.id}/transition`, { method: 'POST', token: chief.token, body: { action: 'publish' } })
    expect(publish.status).toBe(200)

    const changedSource = fs
      .readFileSync(path.join(SEEDS, JEKYLL), 'utf8')
      .replace('时代的潮流，浩浩荡荡，奔流不息。', '时代的潮流，浩浩荡荡，奔流不息（更新）。')
      .replace('title: "安源区：释放领跑工业经济“核动能”"', 'title: "安源区：释放工业经济“核动能”"')
    fs.writeFileSync(path.join(workDir, JEKYLL), changedSource)
    const [result] = await importAndCollect(server.payload, [path.join(workDir, JEKYLL)], { dryRun: false })
    expect(result).toMatchObject({ ok: true, action: 'updated', id: before.id })
    expect(result!.keptEditorFields).toContain('zh-Hans.title')

    const draft = await findBySourceFile(JEKYLL)
    expect(draft.id).toBe(before.id)
    expect(draft._status).toBe('draft')
    expect(draft.title).toBe('编辑改写的标题')
    expect(draft.body.root.children[0].children[0].text).toBe('时代的潮流，浩浩荡荡，奔流不息（更新）。')
    expect(draft.provenance.warnings.map((w: { kind: string }) => w.kind)).toContain('editor-edits-kept')

    const live = await callApi(server.url, `/api/articles/${before.id}`)
    expect(live.status).toBe(200)
    expect(live.body.title).toBe('编辑改写的标题')
    expect(live.body.body.root.children[0].children[0].text).toBe('时代的潮流，浩浩荡荡，奔流不息。')
  })

  it('bad files fail with their reason; the good one imports; nothing stored changes', async () => {
    const before = await callApi(server.url, '/api/articles?limit=50&draft=true&depth=0', { token: editor.token })
    const files = {
      'empty.txt': Buffer.alloc(0),
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'numbers.txt': Buffer.from('12345\n67890\n'),
      'good.txt': Buffer.from('# 芦溪县武功山景区迎来客流高峰\n\n国庆假期，芦溪县武功山景区迎来客流高峰，游客人数同比增长两成。\n'),
    }
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(workDir, name), bytes)
    const results = await importAndCollect(
      server.payload,
      Object.keys(files).map((name) => path.join(workDir, name)),
      { dryRun: false },
    )
    const byName = Object.fromEntries(results.map((r) => [path.basename(r.file), r]))
    expect(byName['empty.txt']).toMatchObject({ ok: false, error: `${path.join(workDir, 'empty.txt')}: empty file` })
    expect(byName['binary.txt']!.error).toMatch(/binary\.txt: binary file/)
    expect(byName['numbers.txt']!.ok).toBe(false)
    expect(byName['numbers.txt']!.error).toContain('numbers.txt')
    expect(byName['good.txt']).toMatchObject({ ok: true, action: 'created' })

    const after = await callApi(server.url, '/api/articles?limit=50&draft=true&depth=0', { token: editor.token })
    expect(after.body.totalDocs).toBe(before.body.totalDocs + 1)
    const unchanged = (docs: any[]) => docs.map((d) => `${d.id}:${d.updatedAt}`).sort()
    expect(unchanged(after.body.docs.filter((d: any) => d.provenance.sourceFile !== 'good.txt'))).toEqual(
      unchanged(before.body.docs),
    )
    const good = after.body.docs.find((d: any) => d.provenance.sourceFile === 'good.txt')
    expect(good.title).toBe('芦溪县武功山景区迎来客流高峰')
    expect(good.districts).toHaveLength(1)
  })

  it('a 600 KB story cut into 5,000 lines is stored whole: one article with its two versions, 100 rejoin warnings and a count of the rest', async () => {
    // One run-on paragraph hard-wrapped every 36 characters: each line break is a rejoin warning.
    // Storing all 4,700 of them failed in the SQLite driver (too many rows in one insert) and left an article row without a version.
    const sentence = '萍乡市安源区今年以来持续推进产业升级，工业经济稳中有进，规模以上工业增加值同比增长百分之八点五，'
    const prose = sentence.repeat(Math.ceil((600 * 1024) / Buffer.byteLength(sentence)))
    const lines = prose.match(/[^]{1,36}/gu)!
    const file = path.join(workDir, 'long-wrapped.txt')
    fs.writeFileSync(file, `萍乡安源区工业经济跑出加速度\n\n${lines.join('\n')}。\n`)
    const [result] = await importAndCollect(server.payload, [file], { dryRun: false })
    expect(result).toMatchObject({ ok: true, action: 'created', error: null })
    const rejoined = result!.article!.warnings.filter((warning) => warning.kind === 'paragraph-rejoined').length
    expect(rejoined).toBe(lines.length - 1)

    const doc = await findBySourceFile('long-wrapped.txt')
    const storedRejoins = doc.provenance.warnings.filter((warning: { kind: string }) => warning.kind === 'paragraph-rejoined')
    expect(storedRejoins).toHaveLength(101)
    expect(storedRejoins.at(-1).message).toBe(`${rejoined - 100} more warnings of this kind not stored (${rejoined} in all)`)
    expect(doc.body.root.children.map((node: any) => [node.type, node.children[0].text])).toEqual([['paragraph', `${prose}。`]])
    const versions = await callApi(server.url, `/api/articles/versions?where[parent][equals]=${doc.id}&depth=0`, { token: editor.token })
    expect(versions.body.totalDocs).toBe(2)
  })

  it('a page without a headline is stored, never refused: a draft whose title is marked for an editor, with the warning and the dropped lines', async () => {
    const source = ['首页 > 新闻中心 > 正文', '上栗县花炮企业加快智能化改造，全县花炮年产值突破百亿元。', '分享到：'].join('\n')
    fs.writeFileSync(path.join(workDir, 'untitled.txt'), source)
    const [result] = await importAndCollect(server.payload, [path.join(workDir, 'untitled.txt')], { dryRun: false })
    expect(result).toMatchObject({ ok: true, action: 'created' })
    const doc = await findBySourceFile('untitled.txt')
    expect(doc._status).toBe('draft')
    expect(doc.title).toBe('〔待拟标题〕上栗县花炮企业加快智能化改造，全…')
    const kinds = doc.provenance.warnings.map((w: { kind: string }) => w.kind)
    expect(kinds).toEqual(['missing-title', 'line-dropped', 'line-dropped'])
    expect(doc.provenance.warnings.slice(1).map((w: { line: number; snippet: string }) => [w.line, w.snippet])).toEqual([
      [1, '首页 > 新闻中心 > 正文'],
      [3, '分享到：'],
    ])
    const again = await importAndCollect(server.payload, [path.join(workDir, 'untitled.txt')], { dryRun: false })
    expect(again[0]!.action).toBe('unchanged')
  })
})
