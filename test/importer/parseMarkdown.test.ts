import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/importer/parse/parseMarkdown'

const PARA = '安源翠峰绵亘，萍水奔流不息。红色热土，岁月如歌。'

describe('parseMarkdown', () => {
  it.each([
    { name: 'a dash-led ## under the title is the subtitle', text: `# 标题\n\n## ——副题\n\n${PARA}\n\n## 小节\n\n${PARA}`, subtitle: '副题', headings: ['小节'] },
    { name: 'a ## under the title is the subtitle when sections use ###', text: `# 标题\n\n## 副题\n\n${PARA}\n\n### 小节\n\n${PARA}`, subtitle: '副题', headings: ['小节'] },
    { name: 'near miss: a ## under the title is a heading when sections use ## too', text: `# 标题\n\n## 第一节\n\n${PARA}\n\n## 第二节\n\n${PARA}`, subtitle: null, headings: ['第一节', '第二节'] },
  ])('$name', ({ text, subtitle, headings }) => {
    const parsed = parseMarkdown(text)
    expect(parsed.title).toBe('标题')
    expect(parsed.subtitle).toBe(subtitle)
    expect(parsed.items.filter((item) => item.kind === 'heading').map((item) => item.text)).toEqual(headings)
  })

  it('joins a soft-wrapped paragraph, strips inline markup and reads image alt text as a caption', () => {
    const parsed = parseMarkdown(`# 标题\n\n安源区坚持**工业强区**，找准自身\n发展坐标，见[报道](http://a.b/c)。\n\n![世纪广场夜景](a.jpg)`)
    expect(parsed.items).toEqual([
      { kind: 'paragraph', text: '安源区坚持工业强区，找准自身发展坐标，见报道。', line: 3 },
      { kind: 'caption', text: '世纪广场夜景', credit: null, line: 6 },
    ])
  })
})
