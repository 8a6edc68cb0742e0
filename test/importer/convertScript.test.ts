import { describe, expect, it } from 'vitest'
import { convertScript } from '../../src/importer/store/convertScript'
import type { ImportedArticle } from '../../src/importer/validate/schema'

const article: ImportedArticle = {
  format: 'portal-page',
  encoding: 'utf-8',
  script: 'zh-Hant',
  title: '萍鄉:創新賦能高質量發展',
  subtitle: null,
  summary: '春華秋實',
  originalPublishedAt: '2020-11-27T15:34:00+08:00',
  source: '中國網',
  sourceUrl: null,
  authors: ['尚健'],
  photographers: [],
  defaultCredit: null,
  districts: ['安源区'],
  tags: [],
  sectionHeadings: ['抱團發展打好“逆風球”'],
  captions: [{ text: '鳥瞰安源區', credit: null, position: 1 }],
  paragraphs: ['新時代新征程,呼喚新的理念與作為。'],
  blocks: [
    { type: 'heading', text: '抱團發展打好“逆風球”' },
    { type: 'paragraph', text: '新時代新征程,呼喚新的理念與作為。' },
  ],
  warnings: [{ kind: 'mojibake', severity: 'warning', message: 'm', snippet: '芬芳?偼顿Y', paragraph: 0 }],
  droppedLines: [],
}

describe('convertScript', () => {
  it('converts every text field to simplified', () => {
    const simplified = convertScript(article, 'zh-Hans')
    expect(simplified).toMatchObject({
      script: 'zh-Hans',
      title: '萍乡:创新赋能高质量发展',
      summary: '春华秋实',
      source: '中国网',
      sectionHeadings: ['抱团发展打好“逆风球”'],
      captions: [{ text: '鸟瞰安源区', credit: null, position: 1 }],
      paragraphs: ['新时代新征程,呼唤新的理念与作为。'],
      blocks: [
        { type: 'heading', text: '抱团发展打好“逆风球”' },
        { type: 'paragraph', text: '新时代新征程,呼唤新的理念与作为。' },
      ],
    })
  })

  it('keeps what must match the source: districts, dates and warning snippets', () => {
    const simplified = convertScript(article, 'zh-Hans')
    expect(simplified.districts).toEqual(['安源区'])
    expect(simplified.originalPublishedAt).toBe(article.originalPublishedAt)
    expect(simplified.warnings).toEqual(article.warnings)
  })

  it('converts back to traditional with Taiwan standard forms (為, not the 爲 of OpenCC standard)', () => {
    const traditional = convertScript({ ...convertScript(article, 'zh-Hans'), paragraphs: ['呼唤新的理念与作为。'] }, 'zh-Hant')
    expect(traditional.title).toBe('萍鄉:創新賦能高質量發展')
    expect(traditional.paragraphs).toEqual(['呼喚新的理念與作為。'])
  })

  it('returns the article unchanged when it is already in that script', () => {
    expect(convertScript(article, 'zh-Hant')).toBe(article)
  })
})
