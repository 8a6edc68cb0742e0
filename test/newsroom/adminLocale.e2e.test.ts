import type { Browser, BrowserContext, Page } from 'playwright-core'

import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatBeijingAdminTime } from '../../src/i18n/beijingTime'
import { createArticleAt } from '../support/articles'
import { failInCiWhenBlocked, findBrowserLaneBlocker, launchChromium, SCREENSHOT_DIR, signInToAdmin } from '../support/browser'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

const blocker = failInCiWhenBlocked(findBrowserLaneBlocker(), 'browser test lane')

const CHIEF = { email: 'chief-clock@newsroom.test', password: 'newsroom-chief-password' }
const EDITOR = { email: 'editor-words@newsroom.test', password: 'newsroom-editor-password' }
/** Screenshots for the issue's closing note, beside the lane's own. */
const SHOTS = process.env.ADMIN_LOCALE_SHOTS ?? SCREENSHOT_DIR
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true })

/** Han characters, for "no Chinese in the English admin" (the story's own title and the newsroom's name aside). */
const HAN = /\p{Script=Han}/u

/**
 * One clock and one language in the admin, in Debian's Chromium against
 * the production build. The browser runs in New York time on purpose: the newsroom's times are
 * Beijing times whatever the machine's zone.
 */
describe.skipIf(blocker !== null)(`the admin's clock and language${blocker ? ` (skipped: ${blocker})` : ''}`, () => {
  let server: TestServer
  let browser: Browser
  let approvedId: string
  let reviewId: string
  let draftId: string

  beforeAll(async () => {
    server = await startTestServer('e2e-admin-locale', { withAdmin: true })
    await server.payload.create({ collection: 'users', data: { email: 'first-admin@newsroom.test', password: 'first-admin-password', name: '管理员', roles: ['admin'] }, overrideAccess: true })
    await server.payload.create({ collection: 'users', data: { ...CHIEF, name: '李总编', roles: ['chief-editor'] }, overrideAccess: true })
    await server.payload.create({ collection: 'users', data: { ...EDITOR, name: '王编辑', roles: ['editor'] }, overrideAccess: true })
    approvedId = (await createArticleAt(server.payload, 'approved', { title: '萍乡市举办春季招聘会' })).id
    reviewId = (await createArticleAt(server.payload, 'in-review', { title: '芦溪县新建乡村公路通车' })).id
    draftId = (await createArticleAt(server.payload, 'draft', { title: '上栗县烟花产业转型升级' })).id
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await stopTestServer(server)
  })

  const newContext = (): Promise<BrowserContext> => browser.newContext({ viewport: { width: 1400, height: 1000 }, timezoneId: 'America/New_York', locale: 'en-US' })

  it('the chief editor schedules a story with Payload’s picker, in Beijing time, and sees it back in the one format', async () => {
    const context = await newContext()
    const page = await context.newPage()
    await signInToAdmin(page, server.url, CHIEF)
    await page.goto(`${server.url}/admin/collections/articles/${approvedId}`)
    await page.getByRole('button', { name: '定时发布', exact: true }).click()

    // Payload's own date picker, not the browser's native datetime-local input.
    const picker = page.getByTestId('workflow-publish-at')
    expect(await page.locator('input[type="datetime-local"]').count()).toBe(0)
    await picker.getByText('发布时间（北京时间）').waitFor()
    const input = picker.locator('.date-time-picker input')
    await input.click()
    await page.locator('.react-datepicker').first().waitFor()
    await input.fill('2031-03-01 08:30')
    await shot(page, 'schedule-picker-zh.png')
    await page.keyboard.press('Escape')
    await expect(input.inputValue()).resolves.toBe('2031-03-01 08:30')
    await page.getByRole('button', { name: '确认定时发布' }).click()

    await page.getByTestId('workflow-stage').filter({ hasText: '定时发布' }).waitFor({ timeout: 20_000 })
    // 08:30 in Beijing is 00:30 UTC, whatever the browser's zone (New York here).
    const stored = await server.payload.findByID({ collection: 'articles', id: approvedId, draft: true, overrideAccess: true })
    expect(stored.scheduledPublishAt).toBe('2031-03-01T00:30:00.000Z')
    await expect(page.getByTestId('workflow-scheduled-publish').textContent()).resolves.toBe('定时发布：2031-03-01 08:30（北京时间）')
    await expect(page.getByTestId('beijing-time-scheduledPublishAt').textContent()).resolves.toContain('2031-03-01 08:30（北京时间）')
    await shot(page, 'article-scheduled-zh.png')

    // The dashboard's queue, in the same format.
    await page.goto(`${server.url}/admin`)
    const queue = page.getByTestId('role-queue').filter({ hasText: '定时发布' })
    await expect(queue.locator('li').first().textContent()).resolves.toContain('2031-03-01 08:30（北京时间） 发布')
    await shot(page, 'dashboard-chief-zh.png')
    await context.close()
  })

  it('every other time is Beijing time too: the document header, the list’s 更新于, and a date an editor types', async () => {
    // Imported stories keep the source's original time: 01:15 UTC is 09:15 in Beijing (21:15 the day before in New York).
    await server.payload.update({ collection: 'articles', id: draftId, data: { originalPublishedAt: '2020-05-01T01:15:00.000Z' } as never, draft: true, overrideAccess: true })
    const context = await newContext()
    const page = await context.newPage()
    await signInToAdmin(page, server.url, CHIEF)
    await page.goto(`${server.url}/admin/collections/articles/${draftId}`)

    // The header: 最后修改 and 已创建 in Beijing time, and Payload's browser-zone copies not shown.
    const saved = await server.payload.findByID({ collection: 'articles', id: draftId, draft: true, overrideAccess: true })
    const header = page.getByTestId('document-times')
    await expect(header.textContent()).resolves.toContain(`${formatBeijingAdminTime(saved.updatedAt)}（北京时间）`)
    await expect(header.textContent()).resolves.toContain(formatBeijingAdminTime(saved.createdAt)!)
    expect(await page.locator('.doc-controls__value-wrap').first().isVisible()).toBe(false)

    // A time an editor types: shown and picked in Beijing time with the schedule's picker.
    const original = page.getByTestId('beijing-date-originalPublishedAt')
    await original.getByText('北京时间').waitFor()
    const input = original.locator('.date-time-picker input')
    await expect(input.inputValue()).resolves.toBe('2020-05-01 09:15')
    await input.fill('2020-05-02 07:40')
    await page.keyboard.press('Escape')
    await shot(page, 'article-times-zh.png')
    // Autosave writes the draft: 07:40 in Beijing is 23:40 UTC the day before.
    await expect
      .poll(async () => (await server.payload.findByID({ collection: 'articles', id: draftId, draft: true, overrideAccess: true })).originalPublishedAt, { timeout: 20_000 })
      .toBe('2020-05-01T23:40:00.000Z')

    // The list: 更新于 in the same format, Beijing time.
    const updated = await server.payload.findByID({ collection: 'articles', id: draftId, draft: true, overrideAccess: true })
    await page.goto(`${server.url}/admin/collections/articles`)
    const row = page.locator('tr').filter({ hasText: '上栗县烟花产业转型升级' })
    await expect(row.textContent()).resolves.toContain(formatBeijingAdminTime(updated.updatedAt)!)
    await shot(page, 'article-list-times-zh.png')
    await context.close()
  })

  it('in 简体中文 a refusal names the field as the newsroom does, and the settings page is not “Payload 设置”', async () => {
    const context = await newContext()
    const page = await context.newPage()
    await signInToAdmin(page, server.url, EDITOR)
    await page.goto(`${server.url}/admin/collections/articles/${reviewId}`)
    await page.getByRole('button', { name: '退回修改', exact: true }).click()
    await page.getByRole('button', { name: '确认退回修改' }).click()
    const toast = page.locator('.payload-toast-item').filter({ hasText: '须填写原因' })
    await expect(toast.textContent()).resolves.toBe('退回修改须填写原因')
    await shot(page, 'article-refusal-zh.png')

    // The language setting: the avatar, then the settings on the account page.
    await page.locator('a[href="/admin/account"]').first().click()
    await page.waitForURL(/\/admin\/account$/)
    await page.getByText('系统设置').first().waitFor()
    expect(await page.getByText('Payload 设置').count()).toBe(0)
    await shot(page, 'account-settings-zh.png')
    await context.close()
  })

  it('switched to English in the settings, the custom parts are English too: queues, panel, buttons, times, refusals', async () => {
    const context = await newContext()
    const page = await context.newPage()
    await signInToAdmin(page, server.url, EDITOR)
    await page.goto(`${server.url}/admin/account`)
    await page.locator('#language-select').click()
    await page.getByText('English', { exact: true }).click()
    await page.getByText('Settings', { exact: true }).first().waitFor({ timeout: 20_000 })

    await page.goto(`${server.url}/admin`)
    const queue = page.getByTestId('role-queue').filter({ hasText: 'Waiting for review' })
    await queue.getByRole('link', { name: '芦溪县新建乡村公路通车' }).waitFor()
    for (const text of await page.getByTestId('role-queue').allTextContents()) {
      expect(text.replace('芦溪县新建乡村公路通车', ''), text).not.toMatch(HAN)
    }
    await shot(page, 'dashboard-editor-en.png')

    await queue.getByRole('link', { name: '芦溪县新建乡村公路通车' }).click()
    await page.waitForURL(/\/admin\/collections\/articles\/[^/]+$/)
    const panel = page.locator('.workflow-panel')
    await expect(page.getByTestId('workflow-stage').textContent()).resolves.toBe('In review')
    await expect(panel.textContent()).resolves.not.toMatch(HAN)
    await page.getByRole('button', { name: 'Request changes', exact: true }).click()
    await page.getByRole('button', { name: 'Confirm: Request changes' }).click()
    const toast = page.locator('.payload-toast-item').filter({ hasText: 'needs a reason' })
    await expect(toast.textContent()).resolves.toBe('Request changes needs a reason')
    await shot(page, 'article-refusal-en.png')
    await context.close()
  })
})
