import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import type { Article, Caption } from '../../src/payload-types'

import { StoryView } from '../../src/components/site/StoryView'
import { buildLexicalBody } from '../../src/importer/store/buildLexicalBody'
import { linkCaptionBlocks } from '../../src/photos/captionBlocks'

const image = {
  url: '/api/photos/file/boat.jpg',
  alt: '龙舟竞渡',
  width: 1200,
  height: 800,
  mimeType: 'image/jpeg',
  placeholder: null,
  dominantColor: '#445566',
  focalX: 50,
  focalY: 50,
  sizes: {},
}

function caption(id: string, text: string, withPhoto = true): Caption {
  return { id, text, creditLine: '郁佳敏 摄', image: withPhoto ? image : null, position: 0, article: 'a1', createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' } as unknown as Caption
}

/** A story whose body is 第一段, [photo], 第二段, [photo without one yet], 第三段, read at depth 1 (captions populated). */
function story(captions: Caption[]): Article {
  const body = buildLexicalBody(
    [
      { type: 'paragraph', text: '第一段：萍水河畔锣鼓喧天。' },
      { type: 'paragraph', text: '第二段：二十支龙舟队竞渡。' },
      { type: 'paragraph', text: '第三段：比赛持续到傍晚。' },
    ],
    [{ position: 1 }, { position: 2 }],
  )
  return {
    id: 'a1',
    title: '萍水河龙舟赛',
    slug: 'long-zhou-sai',
    body: linkCaptionBlocks(body, captions as never),
    districts: [],
    captions: { docs: captions },
    updatedAt: '2026-12-05T01:30:05.000Z',
    createdAt: '2026-12-01T00:00:00.000Z',
  } as unknown as Article
}

const between = (html: string, from: string, to: string) => html.slice(html.indexOf(from), html.indexOf(to))

describe('StoryView: photos in their place in the body', () => {
  const captions = [caption('c1', '龙舟队员奋力划桨'), caption('c2', '岸边观众加油', false)]

  it('renders each photo block as a figure between the paragraphs it stands between, not after the body', () => {
    const html = renderToStaticMarkup(createElement(StoryView, { article: story(captions), locale: 'zh-Hans' }))
    const figure = between(html, '第一段', '第二段')
    expect(figure).toContain('<figure class="story__photo" data-caption-id="c1">')
    expect(figure).toContain('alt="龙舟竞渡"')
    expect(figure).toContain('<span class="caption">龙舟队员奋力划桨</span><span class="credit">郁佳敏 摄</span>')
    // Readers do not get a photo still waiting (待配图), nor a list of photos after the body.
    expect(html).not.toContain('岸边观众加油')
    expect(html).not.toContain('story__photos')
    expect(html.match(/<figure class="story__photo"/g)).toHaveLength(1)
  })

  it('the preview shows the photo still waiting in its place too', () => {
    const html = renderToStaticMarkup(createElement(StoryView, { article: story(captions), locale: 'zh-Hans', preview: true }))
    expect(between(html, '第二段', '第三段')).toContain('岸边观众加油')
    expect(between(html, '第二段', '第三段')).toContain('photo--awaiting')
  })

  it('a block whose caption the reader may not read (left unpopulated) shows nothing', () => {
    const html = renderToStaticMarkup(createElement(StoryView, { article: { ...story([]), body: linkCaptionBlocks(story([]).body as never, ['c1', 'c2']) }, locale: 'zh-Hans' }))
    expect(html).not.toContain('<figure class="story__photo"')
    expect(html).toContain('第三段')
  })

  it('captions a body does not place (a story from before photo blocks) still follow the body', () => {
    const legacy = { ...story(captions), body: buildLexicalBody([{ type: 'paragraph', text: '只有一段。' }]) } as unknown as Article
    const html = renderToStaticMarkup(createElement(StoryView, { article: legacy, locale: 'zh-Hans' }))
    expect(html.indexOf('story__photos')).toBeGreaterThan(html.indexOf('只有一段'))
    expect(html).toContain('龙舟队员奋力划桨')
  })
})
