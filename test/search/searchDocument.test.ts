import { describe, expect, it } from 'vitest'

import { buildSearchDocument } from '../../src/search/searchDocument'
import { toTraditional } from '../../src/text/chineseConverters'

const body = (...paragraphs: string[]) => ({
  root: { type: 'root', children: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })) },
})

/** An article as Payload reads it with locale 'all': the traditional text beside the simplified one. */
function article(hans: string[], hant: string[]) {
  return {
    id: 'a1',
    title: { 'zh-Hans': '萍乡新闻', 'zh-Hant': '萍鄉新聞' },
    body: { 'zh-Hans': body(...hans), 'zh-Hant': body(...hant) },
    updatedAt: '2024-05-01T00:00:00.000Z',
    _status: 'published',
  } as never
}

describe('buildSearchDocument', () => {
  it('indexes the words only the traditional text has, in the clause that says something else', () => {
    const hans = ['安源的煤矿历史悠久，湘东的瓷器远销海外。', '上栗的烟花名声在外。']
    // An editor's traditional version: the importer's conversion, with one clause rewritten.
    const hant = [toTraditional('安源的煤矿历史悠久，') + '蘆溪的茶油遠銷海外。', toTraditional(hans[1]!)]
    const document = buildSearchDocument(article(hans, hant), 'both', [], [])
    expect(document.tokens.body).toEqual(expect.arrayContaining(['煤矿', '瓷器', '烟花', '芦溪', '茶油']))
    expect(document.display.text['zh-Hant']).toContain('蘆溪的茶油')
  })

  it('adds nothing for a traditional text that is the simplified one converted', () => {
    const hans = ['安源的煤矿历史悠久，湘东的瓷器远销海外。']
    const plain = buildSearchDocument(article(hans, hans), 'both', [], [])
    const converted = buildSearchDocument(article(hans, hans.map(toTraditional)), 'both', [], [])
    expect([...new Set(converted.tokens.body)].sort()).toEqual([...new Set(plain.tokens.body)].sort())
  })
})
