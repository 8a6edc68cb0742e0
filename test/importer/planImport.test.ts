import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { importDocument } from '../../src/importer'
import { buildArticleDocument, type ArticleDocument } from '../../src/importer/store/buildArticleDocument'
import { buildSnapshot, planImport, type ExistingArticle } from '../../src/importer/store/planImport'
import { linkCaptionBlocks } from '../../src/photos/captionBlocks'
import { referenceDistricts } from '../../src/reference/districts'

const SEED = '001_14f00e902adda0b7.txt'
const source = readFileSync(path.resolve(import.meta.dirname, '../../seeds', SEED), 'utf8')

function buildDocument(text: string, contentHash: string): ArticleDocument {
  const article = importDocument(Buffer.from(text), { fileName: SEED, districts: referenceDistricts })
  return buildArticleDocument({ article, districtIdsByName: new Map(), sourceFile: SEED, contentHash, originalText: text })
}

const CAPTION_IDS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']
const imported = buildDocument(source, 'old')

/** The story as the importer stored it (its bodies' blocks linked to stored captions), with an editor's changes. */
function storedArticle(edit: (stored: ExistingArticle) => void = () => {}): ExistingArticle {
  const localized = Object.fromEntries(
    (['zh-Hans', 'zh-Hant'] as const).map((locale) => [locale, { ...imported.localized[locale], body: linkCaptionBlocks(imported.localized[locale].body, CAPTION_IDS) }]),
  ) as ExistingArticle['localized']
  const stored: ExistingArticle = { id: 'a1', contentHash: 'old', snapshot: buildSnapshot(imported), shared: { ...imported.shared }, localized }
  edit(stored)
  return stored
}

const editHantBody = (stored: ExistingArticle) => {
  const body = structuredClone(stored.localized['zh-Hant'].body) as { root: { children: { type: string; children?: { text: string }[] }[] } }
  body.root.children.find((node) => node.type === 'paragraph')!.children![0]!.text += '（编辑校订）'
  stored.localized['zh-Hant'].body = body
}

describe('planImport: a changed file', () => {
  it.each([
    {
      name: 'bodies the new import leaves as they were are written again (their photo blocks are linked to the captions it keeps)',
      next: source.replace('村民脸上洋溢着丰收的喜悦', '村民脸上洋溢着丰收的笑容'),
      edit: undefined,
      written: ['zh-Hans', 'zh-Hant'],
      captionsInKeptBodies: [],
    },
    {
      name: 'bodies the new import changed are written',
      next: source.replace('岁月的车轮滚滚向前', '岁月的车轮（更新）滚滚向前'),
      edit: undefined,
      written: ['zh-Hans', 'zh-Hant'],
      captionsInKeptBodies: [],
    },
    {
      name: 'a body an editor changed is kept, and the captions it places are named so none is removed',
      next: source.replace('村民脸上洋溢着丰收的喜悦', '村民脸上洋溢着丰收的笑容'),
      edit: editHantBody,
      written: ['zh-Hans'],
      captionsInKeptBodies: CAPTION_IDS,
    },
  ])('$name', ({ next, edit, written, captionsInKeptBodies }) => {
    const plan = planImport(buildDocument(next, 'new'), storedArticle(edit))
    if (plan.action !== 'update') throw new Error(`expected an update, got ${plan.action}`)
    expect((['zh-Hans', 'zh-Hant'] as const).filter((locale) => plan.localized[locale].body !== undefined)).toEqual(written)
    expect(plan.captionsInKeptBodies).toEqual(captionsInKeptBodies)
    expect(plan.keptEditorFields).toEqual(edit ? ['zh-Hant.body'] : [])
  })

  it('fields other than the body that compare the same are not written', () => {
    const plan = planImport(buildDocument(source.replace('岁月的车轮滚滚向前', '岁月的车轮（更新）滚滚向前'), 'new'), storedArticle())
    if (plan.action !== 'update') throw new Error(`expected an update, got ${plan.action}`)
    expect(plan.shared).toEqual({})
    expect(Object.keys(plan.localized['zh-Hans'])).toEqual(['body'])
    expect(Object.keys(plan.localized['zh-Hant'])).toEqual(['body'])
  })

  it('unchanged bytes are left alone', () => {
    expect(planImport(buildDocument(source, 'old'), storedArticle())).toEqual({ action: 'unchanged', id: 'a1' })
  })
})
