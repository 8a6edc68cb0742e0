import type { Browser } from 'playwright-core'

import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { failInCiWhenBlocked, findBrowserLaneBlocker, launchChromium, SCREENSHOT_DIR, signInToAdmin } from '../support/browser'
import { createStory } from '../support/site'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

const blocker = failInCiWhenBlocked(findBrowserLaneBlocker(), 'browser test lane')

const ADMIN = { email: 'preview.admin@newsroom.test', password: 'newsroom-admin-password' }
const EDITOR = { email: 'preview.editor@newsroom.test', password: 'newsroom-editor-password' }
const DRAFT = { title: '芦溪县武功山云海美景迎客来', paragraph: '武功山金顶出现大面积云海，吸引游客登山观赏。' }
const RETITLED = '芦溪县武功山云海美景迎八方游客'

// Outside CI the lane is skipped, with the reason, when Chromium or the production build is missing.
describe.skipIf(blocker !== null)(`draft preview from the admin${blocker ? ` (skipped: ${blocker})` : ''}`, () => {
  let server: TestServer
  let browser: Browser
  let story: { id: string; slug: string }

  beforeAll(async () => {
    server = await startTestServer('e2e-preview', {
      withAdmin: true,
      env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    })
    await server.payload.create({ collection: 'users', data: { ...EDITOR, name: '周编辑', roles: ['editor'] }, overrideAccess: true })
    const luxi = await server.payload.find({ collection: 'districts', where: { slug: { equals: 'luxi' } }, overrideAccess: true })
    story = await createStory(server.payload, { title: DRAFT.title, paragraphs: [DRAFT.paragraph], districts: [luxi.docs[0]!.id] }, { publish: false })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await stopTestServer(server)
  })

  it('an editor opens a draft in the admin: the preview shows the draft, and the live preview follows an edit', async () => {
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } })
    const page = await context.newPage()
    await signInToAdmin(page, server.url, EDITOR)
    await page.goto(`${server.url}/admin/collections/articles/${story.id}`)
    await page.locator('#field-title').waitFor()

    // Payload's preview button opens the draft on the reader site in a new tab.
    const previewButton = page.locator('#preview-button')
    expect(await previewButton.getAttribute('href')).toBe(`${server.url}/preview/articles/${story.id}`)
    const [tab] = await Promise.all([context.waitForEvent('page'), previewButton.click()])
    await tab.locator('h1.story__title').waitFor()
    expect(await tab.locator('h1.story__title').textContent()).toBe(DRAFT.title)
    expect(await tab.locator('.story__body').textContent()).toContain(DRAFT.paragraph)
    expect(await tab.locator('.preview-banner').textContent()).toContain('未发布的草稿')
    await tab.screenshot({ path: path.join(SCREENSHOT_DIR, 'preview-tab.png'), fullPage: true })
    await tab.close()

    // Live preview beside the form: the same page in a frame, re-rendered when the draft autosaves.
    await page.getByRole('button', { name: '实时预览' }).click()
    const frame = page.frameLocator('#live-preview-iframe')
    await frame.locator('h1.story__title', { hasText: DRAFT.title }).waitFor()
    await page.locator('#field-title').fill(RETITLED)
    await frame.locator('h1.story__title', { hasText: RETITLED }).waitFor({ timeout: 30_000 })
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'live-preview.png') })

    // Readers still get nothing: the story was never published.
    const anonymous = await fetch(`${server.url}/news/${story.slug}`)
    expect(anonymous.status).toBe(404)
    expect(await anonymous.text()).not.toContain(RETITLED)
    await context.close()
  })
})
