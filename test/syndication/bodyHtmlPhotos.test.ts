import { describe, expect, it } from 'vitest'

import type { Article } from '../../src/payload-types'

import { buildLexicalBody } from '../../src/importer/store/buildLexicalBody'
import { linkCaptionBlocks } from '../../src/photos/captionBlocks'
import { toSyndicatedStory } from '../../src/syndication/syndicatedStory'

const image = { url: '/api/photos/file/boat.jpg', alt: '龙舟竞渡', width: 1200, height: 800, mimeType: 'image/jpeg', sizes: {} }

function storyWith(captions: unknown[]): Article {
  const body = buildLexicalBody([{ type: 'paragraph', text: '第一段。' }, { type: 'paragraph', text: '第二段。' }], captions.map(() => ({ position: 1 })))
  return {
    id: 'a1',
    title: '萍水河龙舟赛',
    slug: 'long-zhou-sai',
    body: linkCaptionBlocks(body, captions as never),
    districts: [],
    captions: { docs: [] },
    updatedAt: '2026-12-05T01:30:05.000Z',
    createdAt: '2026-12-01T00:00:00.000Z',
  } as unknown as Article
}

/** Syndicated HTML (ninjs body_html, feeds) carries the body's photos in place, not "unknown node". */
describe('syndicated body HTML: photo blocks', () => {
  const context = { serverUrl: 'https://news.example', locale: 'zh-Hans' as const }

  it('renders a photo block as a figure between its paragraphs, with an absolute URL and the printed credit', () => {
    const story = toSyndicatedStory(storyWith([{ id: 'c1', text: '龙舟队员奋力划桨', creditLine: '郁佳敏 摄', image }]), context)
    expect(story.bodyHtml).toBe(
      '<p>第一段。</p><figure><img src="https://news.example/api/photos/file/boat.jpg" alt="龙舟竞渡"><figcaption>龙舟队员奋力划桨 <span class="credit">郁佳敏 摄</span></figcaption></figure><p>第二段。</p>',
    )
  })

  it('leaves out a block whose caption waits for its photo or is not readable (an id only)', () => {
    expect(toSyndicatedStory(storyWith([{ id: 'c1', text: '待配图', creditLine: null, image: null }]), context).bodyHtml).toBe('<p>第一段。</p><p>第二段。</p>')
    expect(toSyndicatedStory(storyWith(['c1']), context).bodyHtml).toBe('<p>第一段。</p><p>第二段。</p>')
  })
})
