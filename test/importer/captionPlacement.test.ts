import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { buildLexicalBody, importDocument } from '../../src/importer'
import { buildArticleDocument } from '../../src/importer/store/buildArticleDocument'
import { getCaptionBodyIndexes } from '../../src/importer/store/buildLexicalBody'
import { fingerprintBody } from '../../src/importer/store/planImport'
import { getCaptionIdsInBody, getCaptionIdsInLocalizedBody, linkCaptionBlocks } from '../../src/photos/captionBlocks'
import { referenceDistricts } from '../../src/reference/districts'

const root = path.resolve(import.meta.dirname, '../..')

function importSeed(name: string) {
  const article = importDocument(readFileSync(path.join(root, 'seeds', `${name}.txt`)), { fileName: `${name}.txt`, districts: referenceDistricts })
  const document = buildArticleDocument({ article, districtIdsByName: new Map(), sourceFile: `seeds/${name}.txt`, contentHash: 'h', originalText: '' })
  return { article, document }
}

/** The body as a reader meets it: `¶<first characters>` per paragraph or heading, `[图:<caption>]` per photo block. */
function outline(body: { root: { children: unknown[] } }, captionTexts: string[]): string[] {
  let next = 0
  return body.root.children.map((node) => {
    const typed = node as { type: string; children?: { text: string }[] }
    return typed.type === 'block' ? `[图:${captionTexts[next++]}]` : `¶${(typed.children?.[0]?.text ?? '').slice(0, 6)}`
  })
}

describe('captions in their place in the body', () => {
  it.each([
    { name: 'one caption before a paragraph', captions: [1], expected: [1] },
    { name: 'two captions found together keep their order, each at its own index', captions: [1, 1], expected: [1, 2] },
    { name: 'a caption before the first block', captions: [0, 2], expected: [0, 3] },
    { name: 'a gallery after the last block', captions: [3, 3, 3, 3], expected: [3, 4, 5, 6] },
    { name: 'no captions', captions: [], expected: [] },
  ])('$name', ({ captions, expected }) => {
    const blocks = [0, 1, 2].map((index) => ({ type: 'paragraph' as const, text: `段落${index}` }))
    const placed = captions.map((position) => ({ position }))
    const body = buildLexicalBody(blocks, placed)
    expect(getCaptionBodyIndexes(placed)).toEqual(expected)
    expect(body.root.children.length).toBe(blocks.length + captions.length)
    for (const index of expected) expect(body.root.children[index]).toMatchObject({ type: 'block', fields: { blockType: 'captionedPhoto', caption: null } })
  })

  it('seed 001: each photo stands before the paragraph it preceded in the source, and no two captions share a position', () => {
    const { article, document } = importSeed('001_14f00e902adda0b7')
    const texts = article.captions.map((caption) => caption.text.slice(0, 6))
    const body = document.localized['zh-Hans'].body
    expect(document.captions.map((caption) => caption.position)).toEqual([0, 7, 10, 11, 16, 17])
    // As in the source: the photo of the Bole workers follows the paragraph about Bole, two photos stand together after line 35, two close the story.
    expect(outline(body, texts)).toEqual([
      '[图:安源区中心城]',
      '¶岁月的车轮滚',
      '¶红色赓续：传',
      '¶安源,在中国',
      '¶经济驱动：创',
      '¶得天独厚的红',
      '¶伯乐智能发展',
      '[图:伯乐智能公司]',
      '¶此外,安源区',
      '¶去年以来,安',
      '[图:青山傍居 秀]',
      '[图:村民脸上洋溢]',
      '¶产业融合：多',
      '¶源和良好的生',
      '¶民生画卷：以',
      '¶安源区始终坚',
      '[图:学生在安源路]',
      '[图:景美人 喜迎]',
    ])
    // The caption's position is its block's index in the body.
    document.captions.forEach((caption) => expect(body.root.children[caption.position]).toMatchObject({ type: 'block' }))
  })

  it('seed 000: the four captions printed after the story stay there, in order, at positions 22 to 25 (not all 22)', () => {
    const { document } = importSeed('000_2e1de11b0e132036')
    expect(document.captions.map((caption) => caption.position)).toEqual([22, 23, 24, 25])
    expect(document.localized['zh-Hant'].body.root.children.slice(22).map((node) => node.type)).toEqual(['block', 'block', 'block', 'block'])
  })

  it('the store links the blocks, in order, to the stored captions; blocks without one are left out', () => {
    const body = buildLexicalBody([{ type: 'paragraph', text: '甲' }, { type: 'paragraph', text: '乙' }], [{ position: 1 }, { position: 2 }])
    const linked = linkCaptionBlocks(body, ['c1', 'c2'])
    expect(getCaptionIdsInBody(linked)).toEqual(['c1', 'c2'])
    expect(linked.root.children[1]).toMatchObject({ type: 'block', fields: { caption: 'c1' } })
    expect(linkCaptionBlocks(body, []).root.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph'])
    // A re-import compares bodies by text and block places, not by caption ids.
    expect(fingerprintBody(linked)).toBe(fingerprintBody(body))
    expect(fingerprintBody(linked)).not.toBe(fingerprintBody(linkCaptionBlocks(body, [])))
  })

  it('reads the captions a body shows, populated or not, in one script or all', () => {
    const body = linkCaptionBlocks(buildLexicalBody([{ type: 'paragraph', text: '甲' }], [{ position: 0 }, { position: 1 }]), ['c1', 'c2'])
    const populated = { root: { ...body.root, children: body.root.children.map((node) => (node.type === 'block' ? { ...node, fields: { ...node.fields, caption: { id: node.fields.caption as string } } } : node)) } }
    expect(getCaptionIdsInBody(populated)).toEqual(['c1', 'c2'])
    expect([...getCaptionIdsInLocalizedBody({ 'zh-Hans': linkCaptionBlocks(body, ['c1']), 'zh-Hant': body })]).toEqual(['c1', 'c2'])
    expect(getCaptionIdsInLocalizedBody(null).size).toBe(0)
  })
})
