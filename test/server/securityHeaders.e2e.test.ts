import type { Browser, Page } from 'playwright-core'

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { failInCiWhenBlocked, findBrowserLaneBlocker, launchChromium, signInToAdmin } from '../support/browser'
import { createStory } from '../support/site'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

const blocker = failInCiWhenBlocked(findBrowserLaneBlocker(), 'browser test lane')

const ADMIN = { email: 'csp.admin@newsroom.test', password: 'newsroom-admin-password' }

/** Collects what Chromium reports about the Content-Security-Policy while a page is used. */
function watchPolicyViolations(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

/**
 * Security headers on the reader site and the admin (src/http/securityHeaders.ts), and the admin
 * working under that policy in the production build: no CSP report while signing in, on the
 * dashboard, and in the article editor (Lexical).
 */
describe.skipIf(blocker !== null)(`security headers on the site and the admin${blocker ? ` (skipped: ${blocker})` : ''}`, () => {
  let server: TestServer
  let browser: Browser
  let storySlug: string

  beforeAll(async () => {
    server = await startTestServer('e2e-headers', { withAdmin: true, env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } })
    storySlug = (await createStory(server.payload, { title: '安全响应头测试稿件', paragraphs: ['正文一段。'], districts: [] }, { publish: true })).slug
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await stopTestServer(server)
  })

  it.each(['/', '/news/{slug}', '/admin/login'])('%s: CSP with frame-ancestors, nosniff, referrer policy; HSTS only over HTTPS', async (route) => {
    const url = `${server.url}${route.replace('{slug}', storySlug)}`
    const plain = await fetch(url)
    expect(plain.status).toBe(200)
    const policy = plain.headers.get('content-security-policy')!
    expect(policy).toMatch(/(^|; )frame-ancestors 'self'(;|$)/)
    expect(policy).toMatch(/(^|; )script-src 'self' 'unsafe-inline'(;|$)/)
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff')
    expect(plain.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(plain.headers.get('strict-transport-security')).toBeNull()
    const viaTls = await fetch(url, { headers: { 'x-forwarded-proto': 'https' } })
    expect(viaTls.headers.get('strict-transport-security')).toBe('max-age=31536000')
  })

  it('the admin works under the policy: sign-in, dashboard and the article editor report no violation', async () => {
    const page = await browser.newPage()
    const violations = watchPolicyViolations(page)
    await signInToAdmin(page, server.url, ADMIN)
    await page.getByRole('link', { name: /稿件/ }).first().waitFor()
    await page.goto(`${server.url}/admin/collections/articles/create`)
    const editor = page.locator('[data-lexical-editor="true"]').first()
    await editor.waitFor()
    await editor.click()
    await page.keyboard.type('在安全策略下编辑正文')
    await page.goto(`${server.url}/news/${storySlug}`)
    await page.getByText('安全响应头测试稿件').first().waitFor()
    expect(violations).toEqual([])

    // The watcher does see a violation: a script from elsewhere (a loopback address, never fetched) is refused.
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.src = 'http://127.0.0.3:9/probe.js'
      document.head.appendChild(script)
    })
    await expect.poll(() => violations.length).toBeGreaterThan(0)
    await page.close()
  })

  it('another origin cannot frame the admin', async () => {
    const framer = http.createServer((_req, res) => {
      res.setHeader('content-type', 'text/html')
      res.end(`<iframe src="${server.url}/admin/login"></iframe>`)
    })
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.2', resolve))
    const page = await browser.newPage()
    const violations = watchPolicyViolations(page)
    try {
      await page.goto(`http://127.0.0.2:${(framer.address() as AddressInfo).port}/`)
      await expect.poll(() => violations.join('\n')).toMatch(/frame-ancestors 'self'/)
    } finally {
      await page.close()
      framer.close()
    }
  })
})
