import type { Browser } from 'playwright-core'

import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { failInCiWhenBlocked, findBrowserLaneBlocker, launchChromium, SCREENSHOT_DIR } from '../support/browser'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

const blocker = failInCiWhenBlocked(findBrowserLaneBlocker(), 'browser test lane')

const ADMIN = { email: 'chief.admin@newsroom.test', password: 'newsroom-admin-password' }

// Outside CI the lane is skipped, with the reason, when Chromium or the production build is missing.
describe.skipIf(blocker !== null)(`admin panel in headless Chromium${blocker ? ` (skipped: ${blocker})` : ''}`, () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    server = await startTestServer('e2e', {
      withAdmin: true,
      env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await stopTestServer(server)
  })

  it('shows the newsroom’s Chinese sign-in page, and the headless-created admin signs in', async () => {
    const page = await browser.newPage({ locale: 'en-US' })
    await page.goto(`${server.url}/admin`)
    await page.waitForURL(/\/admin\/login/)
    await page.getByText('萍乡新闻编辑部').first().waitFor()
    // Next.js streams the <title> in after the first paint.
    await page.waitForFunction(() => document.title.includes('萍乡新闻编辑部'))
    expect(await page.title()).not.toMatch(/payload/i)
    // Chinese by default even though the browser asks for English.
    await page.getByRole('button', { name: '登录' }).waitFor()
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-login.png'), fullPage: true })

    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL((url) => url.pathname === '/admin')
    await page.getByRole('link', { name: /稿件/ }).first().waitFor()
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-dashboard.png'), fullPage: true })

    // The dashboard lists the newsroom's collections by their Chinese labels.
    const text = await page.locator('body').innerText()
    for (const label of ['稿件', '图片说明', '图片', '行政区', '用户']) expect(text).toContain(label)
    await page.close()
  })

  it('a wrong password is refused on the sign-in page', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.url}/admin/login`)
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill('wrong-password-123')
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByText(/不正确|incorrect/i).first().waitFor()
    expect(page.url()).toContain('/admin/login')
    await page.close()
  })
})
