import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CAPTIONS_IN_BODY_UPGRADE } from '../../src/startup/placeCaptionsInStoredBodies'
import { toTraditional } from '../../src/text/chineseConverters'
import { callApi, type TestUser, signedInAs } from '../support/api'
import { importAndCollect } from '../support/importer'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

/** The print-layout piece: six captions, two standing together, two closing the story. */
const PRINT_SOURCE = fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds/001_14f00e902adda0b7.txt'), 'utf8')
const CAPTION = '村民脸上洋溢着丰收的喜悦'
const CHANGED_CAPTION = '村民脸上洋溢着丰收的笑容'

type BodyNode = { type: string; children?: { text: string }[]; fields?: { blockType?: string; caption?: unknown } }
type Body = { root: { children: BodyNode[] } }

/** Where the photo blocks stand: `<index in the body> → <caption id>`. */
function photoPlaces(body: Body): string[] {
  return body.root.children.flatMap((node, index) =>
    node.type === 'block' && node.fields?.blockType === 'captionedPhoto' ? [`${index} → ${String(node.fields.caption)}`] : [],
  )
}

const textOf = (body: Body) => body.root.children.map((node) => node.children?.map((child) => child.text).join('') ?? '')

/**
 * A story imported after the start-up upgrade that once placed photos in stored bodies has run
 * (as on any database since its first start): the importer alone gives both scripts' bodies their
 * photo blocks, at the same places, pointing at the story's own captions, whether the source is
 * simplified or traditional, first imported or re-imported.
 */
describe('imported photos stand in both scripts’ bodies', () => {
  let server: TestServer
  let editor: TestUser
  let workDir: string

  beforeAll(async () => {
    server = await startTestServer('import-photo-blocks')
    await signedInAs(server, 'admin')
    editor = await signedInAs(server, 'editor')
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-photo-blocks-'))
  })
  afterAll(async () => {
    await stopTestServer(server)
    fs.rmSync(workDir, { recursive: true, force: true })
  })

  const readDraft = (id: string, locale: string) =>
    // No fallback: a script without its own body must not borrow the other's.
    callApi(server.url, `/api/articles/${id}?draft=true&depth=0&locale=${locale}&fallback-locale=none`, { token: editor.token })

  /** The story as an editor reads it over REST: each script's body and photo places, and its captions as `<position> → <id>` (texts in one script). */
  async function readStory(id: string, captionLocale = 'zh-Hans') {
    const [hans, hant] = await Promise.all([readDraft(id, 'zh-Hans'), readDraft(id, 'zh-Hant')])
    expect([hans.status, hant.status]).toEqual([200, 200])
    const captions = await callApi(server.url, `/api/captions?where[article][equals]=${id}&sort=position&limit=50&depth=0&locale=${captionLocale}`, { token: editor.token })
    return {
      hans: { photos: photoPlaces(hans.body.body), text: textOf(hans.body.body) },
      hant: { photos: photoPlaces(hant.body.body), text: textOf(hant.body.body), body: hant.body.body as Body },
      captions: captions.body.docs.map((caption: { id: string; position: number }) => `${caption.position} → ${caption.id}`) as string[],
      captionTexts: captions.body.docs.map((caption: { text: string }) => caption.text) as string[],
    }
  }

  async function importFile(name: string, text: string) {
    fs.writeFileSync(path.join(workDir, name), text)
    const [result] = await importAndCollect(server.payload, [path.join(workDir, name)], { dryRun: false })
    expect(result?.error ?? null).toBeNull()
    return result!
  }

  it('the start-up upgrade has run on this database: what is imported now gets no help from it', async () => {
    const { totalDocs } = await server.payload.db.count({ collection: 'payload-migrations', where: { name: { equals: CAPTIONS_IN_BODY_UPGRADE } } })
    expect(totalDocs).toBe(1)
  })

  it('a simplified source: the converted zh-Hant body has the photo blocks of zh-Hans, at the captions’ positions', async () => {
    const result = await importFile('print-hans.txt', PRINT_SOURCE)
    expect(result.action).toBe('created')
    const story = await readStory(result.id!)
    expect(story.captions).toHaveLength(6)
    expect(story.hant.text.join('\n')).toContain('歲月的車輪滾滾向前,時代的腳步永不停歇。')
    expect(story.hans.photos).toEqual(story.captions)
    expect(story.hant.photos).toEqual(story.captions)
  })

  it('a traditional source: the converted zh-Hans body has the photo blocks of zh-Hant', async () => {
    const result = await importFile('print-hant.txt', toTraditional(PRINT_SOURCE))
    expect(result.action).toBe('created')
    const story = await readStory(result.id!)
    expect(story.captions).toHaveLength(6)
    expect(story.hans.text.join('\n')).toContain('岁月的车轮滚滚向前,时代的脚步永不停歇。')
    expect(story.hant.photos).toEqual(story.captions)
    expect(story.hans.photos).toEqual(story.captions)
  })

  it('a re-import of a changed paragraph keeps both scripts’ photo blocks', async () => {
    const first = await importFile('print-paragraph.txt', PRINT_SOURCE)
    const again = await importFile('print-paragraph.txt', PRINT_SOURCE.replace('岁月的车轮滚滚向前', '岁月的车轮（更新）滚滚向前'))
    expect(again).toMatchObject({ action: 'updated', id: first.id })
    const story = await readStory(first.id!)
    expect(story.hant.text.join('\n')).toContain('歲月的車輪（更新）滾滾向前,時代的腳步永不停歇。')
    expect(story.captions).toHaveLength(6)
    expect(story.hans.photos).toEqual(story.captions)
    expect(story.hant.photos).toEqual(story.captions)
  })

  it('a re-import of a traditional source whose caption changed points both scripts’ blocks at the new caption', async () => {
    const first = await importFile('print-caption.txt', toTraditional(PRINT_SOURCE))
    const before = await readStory(first.id!)
    const again = await importFile('print-caption.txt', toTraditional(PRINT_SOURCE.replace(CAPTION, CHANGED_CAPTION)))
    expect(again).toMatchObject({ action: 'updated', id: first.id })
    const story = await readStory(first.id!, 'zh-Hant')
    // The changed caption is a new caption document, in the old one's place; the old one (no photo yet) is gone.
    expect(story.captionTexts).toContain(toTraditional(CHANGED_CAPTION))
    expect(story.captionTexts).not.toContain(toTraditional(CAPTION))
    expect(story.captions).toHaveLength(6)
    expect(story.captions).not.toEqual(before.captions)
    expect(story.hant.photos).toEqual(story.captions)
    expect(story.hans.photos).toEqual(story.captions)
  })

  it('a zh-Hant body an editor changed is kept, with the caption it places, while zh-Hans gets the new caption', async () => {
    const first = await importFile('print-edited.txt', PRINT_SOURCE)
    const imported = await readStory(first.id!)
    const edited = structuredClone(imported.hant.body)
    const firstParagraph = edited.root.children.find((node) => node.type === 'paragraph')!.children![0]!
    firstParagraph.text = `${firstParagraph.text}（编辑校订）`
    const patch = await callApi(server.url, `/api/articles/${first.id}?draft=true&locale=zh-Hant`, { method: 'PATCH', token: editor.token, body: { body: edited } })
    expect(patch.status).toBe(200)

    const again = await importFile('print-edited.txt', PRINT_SOURCE.replace(CAPTION, CHANGED_CAPTION))
    expect(again.keptEditorFields).toContain('zh-Hant.body')
    const story = await readStory(first.id!)
    expect(story.hant.text).toEqual(textOf(edited))
    expect(story.hant.photos).toEqual(imported.hant.photos)
    // The old caption stays while the editor's body shows it; the new one stands in zh-Hans in its place.
    expect(story.captionTexts.filter((text) => text === CAPTION || text === CHANGED_CAPTION).sort()).toEqual([CHANGED_CAPTION, CAPTION].sort())
    const newCaption = story.captions.find((caption) => !imported.captions.includes(caption))!
    expect(story.hans.photos).toContain(newCaption)
    const atNewCaption = `${newCaption.split(' → ')[0]} → `
    expect(story.hans.photos).toEqual(imported.hans.photos.map((place) => (place.startsWith(atNewCaption) ? newCaption : place)))
  })
})
