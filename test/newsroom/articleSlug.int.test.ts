import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi, createSignedInUser, type TestUser } from '../support/api'
import { publishAs } from '../support/publishing'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

/**
 * A new story's slug follows its title, as the admin's create screen works: the first autosave has
 * no title yet, the reporter types it over the next autosaves. It stops following when someone types
 * a slug by hand, and once the story has gone out.
 */
describe('a story’s slug and byline while it is written', () => {
  let server: TestServer
  let reporter: TestUser
  let chief: TestUser

  beforeAll(async () => {
    server = await startTestServer('article-slug')
    await createSignedInUser(server.payload, server.url, ['admin'])
    reporter = await createSignedInUser(server.payload, server.url, ['reporter'])
    chief = await createSignedInUser(server.payload, server.url, ['chief-editor'])
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  /** What the admin does: create on the first autosave, then PATCH with the whole form (its slug included). */
  async function autosave(id: string | undefined, data: Record<string, unknown>, locale = 'zh-Hans', user = reporter) {
    const query = `?draft=true&autosave=true&locale=${locale}`
    const response = id
      ? await callApi(server.url, `/api/articles/${id}${query}`, { method: 'PATCH', token: user.token, body: { ...data, _status: 'draft' } })
      : await callApi(server.url, `/api/articles${query}`, { method: 'POST', token: user.token, body: { ...data, _status: 'draft' } })
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300)
    return response.body.doc as { id: string; slug: string; title?: string; authors?: string[] }
  }

  it('follows the title typed after the first autosave, over every later autosave', async () => {
    const first = await autosave(undefined, { title: '' })
    expect(first.slug).toMatch(/^a-[0-9a-f]{10}$/)
    const partial = await autosave(first.id, { title: '湘东区', slug: first.slug })
    expect(partial.slug).toBe('xiang-dong-qu')
    const whole = await autosave(first.id, { title: '湘东区工业园新项目开工', slug: partial.slug })
    expect(whole.slug).toBe('xiang-dong-qu-gong-ye-yuan-xin-xiang-mu-kai-gong')
    const read = await callApi(server.url, `/api/articles/${first.id}?draft=true`, { token: reporter.token })
    expect(read.body.slug).toBe('xiang-dong-qu-gong-ye-yuan-xin-xiang-mu-kai-gong')
  })

  it('takes the next free slug when another story has the title’s, and keeps following', async () => {
    const taken = await autosave(undefined, { title: '芦溪县春耕' })
    const other = await autosave(undefined, { title: '' })
    const same = await autosave(other.id, { title: '芦溪县春耕', slug: other.slug })
    expect(same.slug).toBe(`${taken.slug}-2`)
    const retitled = await autosave(other.id, { title: '芦溪县春耕忙', slug: same.slug })
    expect(retitled.slug).toBe('lu-xi-xian-chun-geng-mang')
  })

  it('stops following once someone types a slug by hand', async () => {
    const story = await autosave(undefined, { title: '上栗县花炮' })
    const typed = await autosave(story.id, { title: '上栗县花炮', slug: 'shangli-fireworks' })
    expect(typed.slug).toBe('shangli-fireworks')
    const retitled = await autosave(story.id, { title: '上栗县花炮产业升级', slug: typed.slug })
    expect(retitled.slug).toBe('shangli-fireworks')
  })

  it('never moves once the story has been published (a live URL stays)', async () => {
    const story = await autosave(undefined, { title: '莲花县新闻' })
    await publishAs(server.payload, story.id)
    const edited = await autosave(story.id, { title: '莲花县新闻更新', slug: story.slug }, 'zh-Hans', chief)
    expect(edited.slug).toBe('lian-hua-xian-xin-wen')
  })

  it('is not moved by an edit of the traditional-script title', async () => {
    const story = await autosave(undefined, { title: '安源区老街' })
    const hant = await autosave(story.id, { title: '安源區老街新貌', slug: story.slug }, 'zh-Hant')
    expect(hant.slug).toBe('an-yuan-qu-lao-jie')
  })

  it('gives a new story its creator’s byline unless one is given', async () => {
    const story = await autosave(undefined, { title: '署名测试' })
    expect(story.authors).toEqual([(await server.payload.findByID({ collection: 'users', id: reporter.id, overrideAccess: true })).name])
    const given = await autosave(undefined, { title: '署名测试二', authors: ['通讯员 王明'] })
    expect(given.authors).toEqual(['通讯员 王明'])
  })
})
