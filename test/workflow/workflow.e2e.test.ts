import type { Browser } from 'playwright-core'

import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi } from '../support/api'
import { failInCiWhenBlocked, findBrowserLaneBlocker, launchChromium, SCREENSHOT_DIR, signInToAdmin } from '../support/browser'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

const blocker = failInCiWhenBlocked(findBrowserLaneBlocker(), 'browser test lane')

const ADMIN = { email: 'admin@newsroom.test', password: 'newsroom-admin-password' }
const EDITOR = { email: 'editor@newsroom.test', password: 'newsroom-editor-password' }
const CHIEF = { email: 'chief@newsroom.test', password: 'newsroom-chief-password' }
const IMPORTED_TITLE = '砥砺奋进春意浓'
const NEW_TITLE = '湘东区砥砺奋进 春意正浓'

// Outside CI the lane is skipped, with the reason, when Chromium or the production build is missing.
describe.skipIf(blocker !== null)(`editorial workflow in the admin${blocker ? ` (skipped: ${blocker})` : ''}`, () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    server = await startTestServer('e2e-workflow', {
      withAdmin: true,
      env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SEED_ON_START: 'true' },
    })
    for (const [account, role, name] of [
      [EDITOR, 'editor', '王编辑'],
      [CHIEF, 'chief-editor', '李总编'],
    ] as const) {
      await server.payload.create({ collection: 'users', data: { ...account, name, roles: [role] }, overrideAccess: true })
    }
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await stopTestServer(server)
  })

  it('an editor retitles an imported story and approves it; the chief editor publishes it; readers get the new title', async () => {
    const editorPage = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await signInToAdmin(editorPage, server.url, EDITOR)

    // The editor's queue on the dashboard lists the imported stories waiting for review.
    const queue = editorPage.getByTestId('role-queue').filter({ hasText: '待审稿件' })
    await queue.getByRole('link', { name: IMPORTED_TITLE }).waitFor()
    await editorPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-editor.png'), fullPage: true })
    await queue.getByRole('link', { name: IMPORTED_TITLE }).click()
    await editorPage.waitForURL(/\/admin\/collections\/articles\/[^/]+$/)
    await expect(editorPage.getByTestId('workflow-stage').textContent()).resolves.toBe('待审')
    // Editors are not offered Payload's Publish button.
    expect(await editorPage.getByRole('button', { name: /^发布/ }).count()).toBe(0)

    const title = editorPage.locator('#field-title')
    await title.fill(NEW_TITLE)
    // Drafts autosave; wait until the new title is stored.
    const articleId = editorPage.url().split('/').pop()!
    await expect
      .poll(async () => (await server.payload.findByID({ collection: 'articles', id: articleId, draft: true, overrideAccess: true })).title, {
        timeout: 15_000,
      })
      .toBe(NEW_TITLE)

    await editorPage.getByRole('button', { name: '审核通过' }).click()
    await editorPage.getByTestId('workflow-stage').filter({ hasText: '已审核' }).waitFor({ timeout: 15_000 })
    await editorPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'article-approved.png'), fullPage: true })
    await editorPage.close()

    const chiefContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    const chiefPage = await chiefContext.newPage()
    await signInToAdmin(chiefPage, server.url, CHIEF)
    const approvedQueue = chiefPage.getByTestId('role-queue').filter({ hasText: '已审核，待发布' })
    await approvedQueue.getByRole('link', { name: NEW_TITLE }).waitFor()
    await chiefPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-chief.png'), fullPage: true })
    await approvedQueue.getByRole('link', { name: NEW_TITLE }).click()
    await chiefPage.waitForURL(/\/admin\/collections\/articles\/[^/]+$/)
    await chiefPage.getByRole('button', { name: '发布', exact: true }).first().click()
    await chiefPage.getByTestId('workflow-stage').filter({ hasText: '已发布' }).waitFor({ timeout: 15_000 })
    await chiefPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'article-published.png'), fullPage: true })
    await chiefContext.close()

    const live = await callApi(server.url, `/api/articles/${articleId}`)
    expect(live.status).toBe(200)
    expect(live.body.title).toBe(NEW_TITLE)
    // The stage is the newsroom's (readers do not get it); the admin showed 已发布 above.
    expect(live.body).not.toHaveProperty('workflowStage')
    const events = await server.payload.find({ collection: 'workflow-events', where: { article: { equals: articleId } }, sort: 'at', depth: 1, overrideAccess: true })
    expect(events.docs.map((e: any) => [e.action, e.by?.name])).toEqual([
      ['approve', '王编辑'],
      ['publish', '李总编'],
    ])
  })
})
