import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi, createSignedInUser, type TestUser } from '../support/api'
import { createArticleAt } from '../support/articles'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

/** The admin's language setting travels as Payload's `payload-lng` cookie; a browser's own language as Accept-Language. */
const inLanguage = (language: 'zh' | 'en') => ({ cookie: `payload-lng=${language}` })
/** A field key such as `comment:` or `email` left in a Chinese message. */
const LATIN_WORD = /[A-Za-z]{2,}/

/**
 * One language at a time: refusals the admin shows come in the language the
 * user chose, naming fields as the admin labels them, never by their keys.
 */
describe('refusals in the admin’s language', () => {
  let server: TestServer
  let editor: TestUser
  let reporter: TestUser

  beforeAll(async () => {
    server = await startTestServer('admin-language')
    const make = (roles: Parameters<typeof createSignedInUser>[2]) => createSignedInUser(server.payload, server.url, roles)
    await make(['admin']) // the first account is always an admin
    editor = await make(['editor'])
    reporter = await make(['reporter'])
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  const transition = (id: string, token: string, body: unknown, language: 'zh' | 'en') =>
    callApi(server.url, `/api/articles/${id}/transition`, { method: 'POST', token, body, headers: inLanguage(language) })

  it.each([
    { language: 'zh' as const, message: '退回修改须填写原因' },
    { language: 'en' as const, message: 'Request changes needs a reason' },
  ])('returning a story without a reason, in $language: “$message”', async ({ language, message }) => {
    const article = await createArticleAt(server.payload, 'in-review')
    const response = await transition(article.id, editor.token, { action: 'request-changes' }, language)
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toBe(message)
    expect(response.body.errors[0].data).toEqual({ code: 'comment-required', field: 'comment' })
  })

  it.each([
    { language: 'zh' as const, message: '记者不能发布；只有系统管理员、总编辑可以发布' },
    { language: 'en' as const, message: 'Reporter may not publish; only Administrator, Chief editor may' },
  ])('a reporter publishing, in $language: “$message”', async ({ language, message }) => {
    const article = await createArticleAt(server.payload, 'approved')
    const response = await transition(article.id, reporter.token, { action: 'publish' }, language)
    expect(response.status).toBe(403)
    expect(response.body.errors[0].message).toBe(message)
  })

  it('a scheduled time in the past names the field as the newsroom does, in both languages', async () => {
    const article = await createArticleAt(server.payload, 'approved')
    const chief = await createSignedInUser(server.payload, server.url, ['chief-editor'])
    const past = { action: 'schedule', publishAt: '2020-01-01T00:00:00+08:00' }
    const zh = await transition(article.id, chief.token, past, 'zh')
    expect(zh.body.errors[0].message).toBe('发布时间须在将来')
    expect(zh.body.errors[0].message).not.toMatch(LATIN_WORD)
    expect((await transition(article.id, chief.token, past, 'en')).body.errors[0].message).toBe('The publish time must be in the future')
  })

  it('a transition’s confirmation is in the user’s language', async () => {
    const zhStory = await createArticleAt(server.payload, 'in-review')
    expect((await transition(zhStory.id, editor.token, { action: 'approve' }, 'zh')).body.message).toBe('稿件已进入“已审核”阶段')
    const enStory = await createArticleAt(server.payload, 'in-review')
    expect((await transition(enStory.id, editor.token, { action: 'approve' }, 'en')).body.message).toBe('The story is now: Approved')
  })

  it.each([
    { language: 'zh' as const, message: '下面的字段是无效的：电子邮件' },
    { language: 'en' as const, message: 'The following field is invalid: Email' },
  ])('signing in without an email, in $language: the field by its label', async ({ language, message }) => {
    const response = await callApi(server.url, '/api/users/login', { method: 'POST', body: { password: 'whatever-it-is' }, headers: inLanguage(language) })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toBe(message)
  })

  it.each([
    { language: 'zh' as const, message: '行政区划代码应为 6 位数字 (GB/T 2260)', invalid: '下面的字段是无效的：行政区划代码' },
    { language: 'en' as const, message: 'A district code is 6 digits (GB/T 2260)', invalid: 'The following field is invalid: Administrative code (GB/T 2260)' },
  ])('a district code that is not 6 digits, in $language', async ({ language, message, invalid }) => {
    const response = await callApi(server.url, '/api/districts', {
      method: 'POST',
      token: editor.token,
      body: { name: `测试区${language}`, slug: `ceshi-${language}`, level: 'district', code: '12' },
      headers: inLanguage(language),
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toBe(invalid)
    expect(response.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'code', message })])
  })
})
