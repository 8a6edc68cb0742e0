import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

import { CHROMIUM_PATH } from './lanes'

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results')

export { CHROMIUM_PATH, findBrowserLaneBlocker, findProductionBuildBlocker } from './lanes'

/** In CI every lane must run: there a blocker fails the file instead of skipping it. Returns the blocker (for describe.skipIf). */
export function failInCiWhenBlocked(blocker: string | null, lane: string): string | null {
  if (blocker && process.env.CI === 'true') throw new Error(`The ${lane} cannot run in CI: ${blocker}`)
  return blocker
}

/** Signs in on the admin's login page and waits for the dashboard. */
export async function signInToAdmin(page: Page, baseUrl: string, account: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`)
  await page.locator('input[name="email"]').fill(account.email)
  await page.locator('input[name="password"]').fill(account.password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((url) => url.pathname === '/admin')
}

/** Debian's Chromium, headless, with the flags this closed network needs (no background calls home). */
export function launchChromium(): Promise<Browser> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
}
