import { describe, expect, it } from 'vitest'
import { classifyBodyLines } from '../../src/importer/parse/classifyBodyLines'
import { splitLines } from '../../src/importer/parse/splitLines'

const OPEN = '安源区积极打造数字化治理平台，目前平台数据估值超5亿元。同时，该平台入选2024数字政府副'
const CLOSED = '安源区始终坚持以人为本，把保障和改善民生作为工作的出发点和落脚点。'

function kinds(text: string, detectHeadings = true) {
  return classifyBodyLines(splitLines(text), { detectHeadings }).items.map((item) => `${item.kind}:${item.text.slice(0, 6)}`)
}

describe('classifyBodyLines', () => {
  it.each([
    { name: 'a label line before a paragraph is a heading', text: `${CLOSED}\n\n产业融合 富民强村\n\n${CLOSED}`, expected: ['paragraph:安源区始终坚', 'heading:产业融合 富', 'paragraph:安源区始终坚'] },
    { name: 'near miss: the same line after an unfinished paragraph is a caption', text: `${OPEN}\n\n工人在组装注塑机\n\n新成果与实践案例。`, expected: ['paragraph:安源区积极打', 'caption:工人在组装注', 'paragraph:新成果与实践'] },
    { name: 'label lines not followed by a paragraph are captions', text: `${CLOSED}\n\n青山傍居 秀美村庄\n\n村民脸上洋溢着丰收的喜悦`, expected: ['paragraph:安源区始终坚', 'caption:青山傍居 秀', 'caption:村民脸上洋溢'] },
    { name: 'with headings marked by markup, a bare label line is a caption', text: `${CLOSED}\n\n世纪广场\n\n${CLOSED}`, detectHeadings: false, expected: ['paragraph:安源区始终坚', 'caption:世纪广场', 'paragraph:安源区始终坚'] },
    { name: 'a credited line is a caption wherever it is', text: `学生在纪念馆开展研学活动 郁佳敏摄\n\n${CLOSED}`, expected: ['caption:学生在纪念馆'] .concat(['paragraph:安源区始终坚']) },
  ])('$name', ({ text, detectHeadings, expected }) => {
    expect(kinds(text, detectHeadings ?? true)).toEqual(expected)
  })

  it('reads metadata lines instead of keeping them as text', () => {
    const text = [CLOSED, '（文章来源：萍乡日报）', '<http://example.com/a.html>', '[返回首页](/)｜[返回列表](/list)', '李羽晨 钟进文/文 (图片除署名外由安源区委宣传部提供)'].join('\n\n')
    const { items, metadata } = classifyBodyLines(splitLines(text), { detectHeadings: true })
    expect(items.map((item) => item.kind)).toEqual(['paragraph'])
    expect(metadata).toMatchObject({
      source: '萍乡日报',
      sourceUrl: 'http://example.com/a.html',
      authors: ['李羽晨', '钟进文'],
      defaultCredit: '图片除署名外由安源区委宣传部提供',
    })
  })

  it('takes a bracketed byline off the end of a paragraph', () => {
    const { items, metadata } = classifyBodyLines(splitLines('百舸爭流,奮楫者先。新時代新征程,銳意進取的安源人闊步前行。(文/尚健)'), { detectHeadings: true })
    expect(items).toEqual([{ kind: 'paragraph', text: '百舸爭流,奮楫者先。新時代新征程,銳意進取的安源人闊步前行。', line: 1 }])
    expect(metadata.authors).toEqual(['尚健'])
  })

  it('drops a page fragment and an editor line with an info warning each', () => {
    const { items, warnings } = classifyBodyLines(splitLines(`${CLOSED}\n\nA3\n\n责任编辑：孙七`), { detectHeadings: true })
    expect(items).toHaveLength(1)
    expect(warnings.map((warning) => [warning.kind, warning.snippet, warning.line])).toEqual([
      ['chrome-removed', 'A3', 3],
      ['chrome-removed', '责任编辑：孙七', 5],
    ])
  })
})
