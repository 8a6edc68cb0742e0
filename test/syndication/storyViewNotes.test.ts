import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import type { Article } from '../../src/payload-types'

import { StoryView } from '../../src/components/site/StoryView'
import { buildLexicalBody } from '../../src/importer/store/buildLexicalBody'

const story = {
  id: 'a1',
  title: '安源区新建口袋公园',
  slug: 'an-yuan-kou-dai-gong-yuan',
  body: buildLexicalBody([{ type: 'paragraph', text: '安源区今年新建口袋公园十三处。' }]),
  districts: [],
  corrections: [
    { id: 'n1', kind: 'correction', note: '本文“十二处”应为“十三处”，特此更正。', at: '2026-12-04T03:00:00.000Z' },
    { id: 'n2', kind: 'update', note: '补充了区园林局的说明。', at: '2026-12-05T01:30:00.000Z' },
  ],
  updatedAt: '2026-12-05T01:30:05.000Z',
  createdAt: '2026-12-01T00:00:00.000Z',
} as unknown as Article

/** The reader site's story page shows the published notes (更正/更新) with their Beijing time, in the page's script. */
describe('StoryView: corrections and updates', () => {
  it('lists each note with its kind and time, oldest first, before the story', () => {
    const html = renderToStaticMarkup(createElement(StoryView, { article: story, locale: 'zh-Hans' }))
    const notes = html.slice(html.indexOf('story__notes'), html.indexOf('story__body'))
    expect(notes).toContain('<strong>更正</strong> <time dateTime="2026-12-04T03:00:00.000Z">2026年12月4日 11:00</time>：本文“十二处”应为“十三处”，特此更正。')
    expect(notes).toContain('<strong>更新</strong> <time dateTime="2026-12-05T01:30:00.000Z">2026年12月5日 09:30</time>：补充了区园林局的说明。')
    expect(notes.indexOf('更正')).toBeLessThan(notes.indexOf('更新'))
  })

  it('in traditional script the note is converted', () => {
    const html = renderToStaticMarkup(createElement(StoryView, { article: story, locale: 'zh-Hant' }))
    expect(html).toContain('本文“十二處”應為“十三處”，特此更正。')
  })

  it('a story without notes shows no notes box', () => {
    const html = renderToStaticMarkup(createElement(StoryView, { article: { ...story, corrections: [] }, locale: 'zh-Hans' }))
    expect(html).not.toContain('story__notes')
  })
})
