import type { Browser } from 'playwright-core'

import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi } from '../support/api'
import { failInCiWhenBlocked, findBrowserLaneBlocker, launchChromium, SCREENSHOT_DIR, signInToAdmin } from '../support/browser'
import { publishOverWarningsAs } from '../support/publishing'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { makePhoto } from '../support/photos'
import { formatCaptionLabel } from '../../src/photos/captionLabel'

const blocker = failInCiWhenBlocked(findBrowserLaneBlocker(), 'browser test lane')

const ADMIN = { email: 'admin@newsroom.test', password: 'newsroom-admin-password' }
const CHIEF = { email: 'chief@newsroom.test', password: 'newsroom-chief-password' }
const PHOTOGRAPHER = { email: 'photographer@newsroom.test', password: 'newsroom-photographer-password' }
const PRINT_SEED = '001_14f00e902adda0b7.txt'

// Outside CI the lane is skipped, with the reason, when Chromium or the production build is missing.
describe.skipIf(blocker !== null)(`photos in their place, in the admin and on the reader site${blocker ? ` (skipped: ${blocker})` : ''}`, () => {
  let server: TestServer
  let browser: Browser
  let articleId: string
  let captionIds: string[]

  beforeAll(async () => {
    server = await startTestServer('e2e-photoblocks', {
      withAdmin: true,
      env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SEED_ON_START: 'true' },
    })
    await server.payload.create({ collection: 'users', data: { ...CHIEF, name: '李总编', roles: ['chief-editor'] }, overrideAccess: true })
    await server.payload.create({ collection: 'users', data: { ...PHOTOGRAPHER, name: '郁佳敏', roles: ['photographer'] }, overrideAccess: true })
    const found = await server.payload.find({ collection: 'articles', where: { 'provenance.sourceFile': { like: PRINT_SEED } }, draft: true, depth: 0, overrideAccess: true })
    articleId = String(found.docs[0]!.id)
    const captions = await server.payload.find({ collection: 'captions', where: { article: { equals: articleId } }, sort: 'position', depth: 0, overrideAccess: true })
    captionIds = captions.docs.map((caption) => String(caption.id))
    // The photo desk has filled the Bole workers' photo; the other five wait (待配图).
    const photo = await server.payload.create({
      collection: 'photos',
      data: { alt: '伯乐智能公司的工人正在组装注塑机', photographer: '郁佳敏' },
      file: { data: await makePhoto({ width: 1200, height: 800 }), mimetype: 'image/jpeg', name: 'bole.jpg', size: 0 },
      overrideAccess: true,
    })
    await server.payload.update({ collection: 'captions', id: captionIds[1]!, data: { photo: photo.id }, overrideAccess: true })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await stopTestServer(server)
  })

  it('the chief editor sees the photos as blocks in the story’s body editor, in their places', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await signInToAdmin(page, server.url, CHIEF)
    await page.goto(`${server.url}/admin/collections/articles/${articleId}`)
    const editor = page.locator('[data-lexical-editor="true"]').first()
    await editor.waitFor()
    // Payload's block container carries the block's slug in its class (`…__container …-captionedPhoto`).
    const blocks = editor.locator('[class*="__container"][class*="-captionedPhoto"]')
    await expect.poll(() => blocks.count(), { timeout: 30_000 }).toBe(6)
    // The second block, after the paragraph about Bole, names its caption.
    await expect.poll(() => blocks.nth(1).innerText(), { timeout: 30_000 }).toContain('伯乐智能公司的工人正在进行注塑机的整机组装')
    // Its header names the caption (cut short) beside what the block is, not Payload's 无标题.
    const header = blocks.nth(1).locator('[class*="__block-header"]')
    await expect.poll(() => header.innerText(), { timeout: 30_000 }).toContain(formatCaptionLabel('伯乐智能公司的工人正在进行注塑机的整机组装'))
    expect(await header.innerText()).toContain('图片及说明')
    expect(await editor.innerText()).not.toContain('无标题')
    // Its caption picker offers this story's six captions, none of the other seeds' stories.
    await blocks.nth(1).locator('.rs__control').first().click()
    const options = page.locator('.rs__option')
    await expect.poll(() => options.count(), { timeout: 30_000 }).toBe(6)
    const own = await server.payload.find({ collection: 'captions', where: { article: { equals: articleId } }, depth: 0, overrideAccess: true, locale: 'zh-Hans' })
    expect((await options.allInnerTexts()).sort()).toEqual(own.docs.map((caption) => caption.text).sort())
    expect((await server.payload.count({ collection: 'captions', overrideAccess: true })).totalDocs).toBeGreaterThan(6)
    await page.keyboard.press('Escape')
    await blocks.nth(1).scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'photoblocks-editor.png') })
    await page.close()
  })

  it('the photographer’s dashboard shows the 待配图 queue', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await signInToAdmin(page, server.url, PHOTOGRAPHER)
    const card = page.getByTestId('awaiting-photo-card')
    await card.waitFor()
    const waiting = await callApi(server.url, '/api/captions?where[photo][exists]=false&limit=0', {})
    expect(waiting.status).toBe(200) // anonymous: none of them public
    const total = (await server.payload.count({ collection: 'captions', where: { photo: { exists: false } }, overrideAccess: true })).totalDocs
    expect(await card.locator('h3').innerText()).toBe(`待配图 (${total})`)
    expect(await card.innerText()).toContain('景美人 喜迎客来')
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'photoblocks-dashboard-photographer.png'), fullPage: true })
    await page.close()
  })

  it('once published, the reader page shows the photo between the paragraphs it stands between', async () => {
    await publishOverWarningsAs(server.payload, articleId, '已核对原文')
    const story = await server.payload.findByID({ collection: 'articles', id: articleId, depth: 0, overrideAccess: true })
    const page = await browser.newPage({ viewport: { width: 1000, height: 1000 } })
    await page.goto(`${server.url}/news/${story.slug}`)
    const figure = page.locator('.story__body figure.story__photo')
    await expect.poll(() => figure.count()).toBe(1)
    const order = await page.locator('.story__body > *').evaluateAll((nodes) =>
      nodes.map((node) => (node.tagName === 'FIGURE' ? `[图]${node.querySelector('.caption')?.textContent}` : (node.textContent ?? '').slice(0, 6))),
    )
    const at = order.indexOf('[图]伯乐智能公司的工人正在进行注塑机的整机组装')
    expect(order[at - 1]).toBe('伯乐智能发展')
    expect(order[at + 1]).toBe('此外,安源区')
    await figure.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'photoblocks-reader.png') })
    await page.close()
  })
})
