import type { Browser, Page } from 'playwright-core'

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi } from '../support/api'
import { createArticleAt } from '../support/articles'
import { failInCiWhenBlocked, findBrowserLaneBlocker, launchChromium, SCREENSHOT_DIR, signInToAdmin } from '../support/browser'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

const blocker = failInCiWhenBlocked(findBrowserLaneBlocker(), 'browser test lane')

const ADMIN = { email: 'flow.admin@newsroom.test', password: 'newsroom-admin-password' }
const REPORTER = { email: 'flow.reporter@newsroom.test', password: 'newsroom-reporter-password', name: '张记者', role: 'reporter' }
const EDITOR = { email: 'flow.editor@newsroom.test', password: 'newsroom-editor-password', name: '王编辑', role: 'editor' }
const CHIEF = { email: 'flow.chief@newsroom.test', password: 'newsroom-chief-password', name: '李总编', role: 'chief-editor' }
const PHOTOGRAPHER = { email: 'flow.photo@newsroom.test', password: 'newsroom-photo-password', name: '郁摄影', role: 'photographer' }
const RETURNED_TITLE = '安源区春耕备耕有序推进'
const REWRITTEN_TITLE = '安源区春耕备耕有序推进 农资供应充足'
const RETURN_REASON = '导语太长，请补充采访对象的姓名和职务'
const APPROVED_TITLE = '莲花县油茶林迎来丰收季'

/** Where the screenshots of this session are kept for the report (and test-results/ as for every browser test). */
const SHOTS = process.env.ADMINFLOW_SHOTS_DIR ?? SCREENSHOT_DIR

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
}

// Outside CI the lane is skipped, with the reason, when Chromium or the production build is missing.
describe.skipIf(blocker !== null)(`a story's review in the admin${blocker ? ` (skipped: ${blocker})` : ''}`, () => {
  let server: TestServer
  let browser: Browser
  const ids: Record<string, string> = {}
  const userIds: Record<string, string> = {}

  beforeAll(async () => {
    server = await startTestServer('e2e-review', {
      withAdmin: true,
      env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SEED_ON_START: 'true' },
    })
    for (const account of [REPORTER, EDITOR, CHIEF, PHOTOGRAPHER]) {
      const user = await server.payload.create({
        collection: 'users',
        data: { email: account.email, password: account.password, name: account.name, roles: [account.role] } as never,
        overrideAccess: true,
      })
      userIds[account.role] = String(user.id)
    }
    const returned = await createArticleAt(server.payload, 'in-review', { title: RETURNED_TITLE, createdBy: userIds.reporter })
    ids.returned = returned.id
    ids.approved = (await createArticleAt(server.payload, 'approved', { title: APPROVED_TITLE, createdBy: userIds.reporter })).id
    // The editor returns the story with a reason, over REST as the admin's button does.
    const login = await callApi(server.url, '/api/users/login', { method: 'POST', body: { email: EDITOR.email, password: EDITOR.password } })
    const back = await callApi(server.url, `/api/articles/${ids.returned}/transition`, {
      method: 'POST',
      token: login.body.token,
      body: { action: 'request-changes', comment: RETURN_REASON },
    })
    expect(back.status).toBe(200)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await stopTestServer(server)
  })

  async function signedInPage(account: { email: string; password: string }) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
    const page = await context.newPage()
    await signInToAdmin(page, server.url, account)
    return page
  }

  it('the reporter sees why the story came back, on the dashboard and at the top of the story, with counts under title, summary and body', async () => {
    const page = await signedInPage(REPORTER)
    const returnedQueue = page.getByTestId('role-queue').filter({ hasText: '退回修改的稿件' })
    await returnedQueue.getByRole('link', { name: RETURNED_TITLE }).waitFor()
    expect(await returnedQueue.getByTestId('return-reason').textContent()).toBe(`${RETURN_REASON}——王编辑`)
    await shoot(page, 'dashboard-reporter')

    await returnedQueue.getByRole('link', { name: RETURNED_TITLE }).click()
    await page.waitForURL(/\/admin\/collections\/articles\/[^/]+$/)
    await page.getByTestId('return-reason').waitFor()
    expect(await page.getByTestId('return-reason-text').textContent()).toBe(RETURN_REASON)
    expect(await page.getByTestId('return-reason').textContent()).toContain('王编辑')
    // The notice sits above the title.
    const noticeBox = (await page.getByTestId('return-reason').boundingBox())!
    expect(noticeBox.y).toBeLessThan((await page.locator('#field-title').boundingBox())!.y)
    // One status, the workflow's; no publish control for a reporter.
    expect(await page.getByTestId('document-status').textContent()).toBe('状态: 退回修改')
    expect(await page.getByRole('button', { name: /^发布/ }).count()).toBe(0)

    // Character counts follow the text as it is typed.
    expect(await page.getByTestId('character-count-title').textContent()).toBe(`${[...RETURNED_TITLE].length} 字`)
    await page.locator('#field-title').fill(REWRITTEN_TITLE)
    expect(await page.getByTestId('character-count-title').textContent()).toBe(`${[...REWRITTEN_TITLE.replace(/\s/g, '')].length} 字`)
    await page.locator('#field-summary').fill('春耕 备耕')
    expect(await page.getByTestId('character-count-summary').textContent()).toBe('4 字')
    await page.getByTestId('character-count-body').waitFor()
    await expect
      .poll(async () => (await server.payload.findByID({ collection: 'articles', id: ids.returned, draft: true, overrideAccess: true })).title, { timeout: 15_000 })
      .toBe(REWRITTEN_TITLE)
    await shoot(page, 'article-returned-reporter')
    await page.context().close()
  })

  it('an editor reads every actor in the 流程记录 at once, and opens the changes since the return in one click', async () => {
    const page = await signedInPage(EDITOR)
    // Payload's comparison page once crashed in the browser (a locale label object rendered): errors are collected and must be none.
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await shoot(page, 'dashboard-editor')
    await page.goto(`${server.url}/admin/collections/articles/${ids.returned}`)
    await page.locator('#field-title').waitFor()
    // No second 流程阶段 in the sidebar: the stage shows once, in the workflow panel.
    expect(await page.getByText('流程阶段', { exact: true }).count()).toBe(1)

    // The trail's rows name their actors as soon as the table is there, without scrolling to it.
    const trail = page.locator('.relationship-table').filter({ hasText: '流程记录' })
    await trail.locator('tbody tr').first().waitFor()
    const trailText = await trail.textContent()
    expect(trailText).not.toContain('<没有')
    expect(trailText).not.toContain('加载中')
    expect(await trail.locator('tbody tr').filter({ hasText: '王编辑' }).filter({ hasText: '退回修改' }).count()).toBe(1)

    const link = page.getByTestId('review-comparison')
    expect(await link.textContent()).toBe('查看退回以来的修改')
    await link.click()
    await page.waitForURL(/\/versions\/[^/?]+\?versionFrom=/)
    // Payload's comparison: on the left the title as returned, on the right the title now with the added words marked.
    await page.getByText('农资供应充足', { exact: true }).waitFor()
    expect(await page.getByText('比较版本').count()).toBe(1)
    expect(await page.getByText(RETURNED_TITLE, { exact: true }).count()).toBe(1)
    await shoot(page, 'compare-since-return')
    expect(pageErrors).toEqual([])
    await page.context().close()
  })

  it('the chief editor has one publish control that says what it does, and the list shows the stage as the status', async () => {
    const page = await signedInPage(CHIEF)
    await shoot(page, 'dashboard-chief')
    await page.goto(`${server.url}/admin/collections/articles/${ids.approved}`)
    await page.locator('#field-title').waitFor()
    expect(await page.getByTestId('document-status').textContent()).toBe('状态: 已审核')
    const publishButtons = page.getByRole('button', { name: /^发布/ })
    await expect.poll(() => publishButtons.allTextContents()).toEqual(['发布'])
    expect(await page.getByTestId('review-comparison').textContent()).toBe('审核通过以来没有修改')
    await shoot(page, 'article-approved-chief')

    await publishButtons.click()
    await page.getByTestId('workflow-stage').filter({ hasText: '已发布' }).waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('document-status').textContent()).toBe('状态: 已发布')
    expect((await callApi(server.url, `/api/articles/${ids.approved}`)).body.title).toBe(APPROVED_TITLE)

    // A live story: the one control publishes the edit, and says so.
    await page.locator('#field-title').fill(`${APPROVED_TITLE}（更新）`)
    await expect.poll(() => page.getByRole('button', { name: /^发布/ }).allTextContents()).toEqual(['发布修改'])
    await page.getByRole('button', { name: '发布修改' }).click()
    await expect.poll(async () => (await callApi(server.url, `/api/articles/${ids.approved}`)).body.title, { timeout: 20_000 }).toBe(`${APPROVED_TITLE}（更新）`)
    // Reloaded: published, nothing new to publish.
    await page.waitForLoadState('networkidle')
    await page.locator('#field-title:not([disabled])').waitFor()
    expect(await page.getByTestId('document-status').textContent()).toBe('状态: 已发布')
    await expect.poll(() => page.getByRole('button', { name: '发布修改' }).isDisabled()).toBe(true)
    await shoot(page, 'article-live-chief')
    const events = await server.payload.find({ collection: 'workflow-events', where: { article: { equals: ids.approved } }, sort: 'at', depth: 0, overrideAccess: true })
    expect(events.docs.map((event) => [event.action, event.byName]).slice(-2)).toEqual([
      ['publish', '李总编'],
      ['publish', '李总编'],
    ])

    // An imported story waiting for review, with importer warnings: its status is the stage, and the
    // chief editor is offered no publish control (a story in review cannot be published).
    const imported = await server.payload.find({ collection: 'articles', where: { openImportWarnings: { greater_than: 0 } }, sort: '-openImportWarnings', limit: 1, depth: 0, draft: true, overrideAccess: true })
    await page.goto(`${server.url}/admin/collections/articles/${imported.docs[0]!.id}`)
    await page.locator('#field-title').waitFor()
    await page.waitForLoadState('networkidle')
    expect(await page.getByTestId('document-status').textContent()).toBe('状态: 待审')
    expect(await page.getByRole('button', { name: /^发布/ }).count()).toBe(0)
    await shoot(page, 'article-imported-with-warnings-chief')

    await page.goto(`${server.url}/admin/collections/articles`)
    const headers = page.locator('table thead th')
    await headers.first().waitFor()
    const headerTexts = (await headers.allTextContents()).map((text) => text.trim())
    expect(headerTexts.filter((text) => text === '状态')).toHaveLength(1)
    const liveRow = page.locator('table tbody tr').filter({ hasText: APPROVED_TITLE })
    expect(await liveRow.textContent()).toContain('已发布')
    expect(await liveRow.textContent()).not.toContain('草稿')
    expect(await page.locator('table tbody tr').filter({ hasText: RETURNED_TITLE.slice(0, 6) }).first().textContent()).toContain('退回修改')
    await shoot(page, 'article-list-chief')

    // The filter offers the stage as the status, once; Payload's 草稿/已发布 is not a second status to filter on.
    await page.getByRole('button', { name: '过滤条件' }).click()
    await page.getByRole('button', { name: '添加过滤条件' }).click()
    await page.locator('.condition__field').click()
    const fieldOptions = (await page.locator('.condition__field .rs__option').allTextContents()).map((text) => text.trim())
    expect(fieldOptions.filter((text) => text === '状态')).toHaveLength(1)
    await page.locator('.condition__field .rs__option', { hasText: /^状态$/ }).click()
    await page.locator('.condition__value').click()
    const valueOptions = (await page.locator('.condition__value .rs__option').allTextContents()).map((text) => text.trim())
    expect(valueOptions).toEqual(['草稿', '待审', '退回修改', '已审核', '定时发布', '已发布', '已撤稿'])
    await shoot(page, 'article-list-filter-chief')
    await page.context().close()
  })

  it('the photographer’s dashboard holds no story queues (photographers handle photos, not stories)', async () => {
    const page = await signedInPage(PHOTOGRAPHER)
    await page.getByText('图片', { exact: true }).first().waitFor()
    expect(await page.getByTestId('role-queue').count()).toBe(0)
    await shoot(page, 'dashboard-photographer')
    await page.context().close()
  })
})
