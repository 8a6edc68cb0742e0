import type { Browser } from 'playwright-core'

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { failInCiWhenBlocked, findBrowserLaneBlocker, launchChromium, SCREENSHOT_DIR } from '../support/browser'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

const blocker = failInCiWhenBlocked(findBrowserLaneBlocker(), 'browser test lane')
const SHOTS = process.env.ADMINFLOW_SHOTS_DIR ?? SCREENSHOT_DIR

// Outside CI the lane is skipped, with the reason, when Chromium or the production build is missing.
describe.skipIf(blocker !== null)(`the first account in the admin${blocker ? ` (skipped: ${blocker})` : ''}`, () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    // No ADMIN_EMAIL: the newsroom starts without accounts, as on a first run from the README.
    server = await startTestServer('e2e-first-user', { withAdmin: true })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await stopTestServer(server)
  })

  it('the create-first-user screen offers no role (the first account is the administrator) and makes an admin', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
    await page.goto(`${server.url}/admin`)
    await page.waitForURL(/\/admin\/create-first-user/)
    await page.getByTestId('first-user-role').waitFor()
    expect(await page.getByTestId('first-user-role').textContent()).toContain('系统管理员')
    expect(await page.locator('#field-roles').count()).toBe(0)
    fs.mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: path.join(SHOTS, 'create-first-user.png'), fullPage: true })

    await page.locator('input[name="email"]:not([type="hidden"])').fill('first.admin@newsroom.test')
    await page.locator('input[name="password"]').fill('first-admin-password')
    await page.locator('input[name="confirm-password"]').fill('first-admin-password')
    await page.locator('#field-name').fill('第一位管理员')
    await page.getByRole('button', { name: '创建' }).click()
    await page.waitForURL((url) => url.pathname === '/admin')
    const users = await server.payload.find({ collection: 'users', depth: 0, overrideAccess: true })
    expect(users.docs.map((user) => [user.email, user.roles])).toEqual([['first.admin@newsroom.test', ['admin']]])
    await page.close()
  })
})
