import { describe, expect, it } from 'vitest'
import { detectFormat, isJekyll, isMarkdown, isPortalPage, isPrintLayout } from '../../src/importer/detect/detectFormat'
import { ImportError } from '../../src/importer/importError'

const PROSE = '安源区坚持以人民为中心，把保障和改善民生作为工作的出发点和落脚点。'

describe('detectFormat', () => {
  it.each([
    { name: 'front matter', text: `---\ntitle: 标题\ndate: 2022-01-03\n---\n<p>${PROSE}</p>`, expected: 'jekyll' },
    { name: 'a |-separated metadata line', text: `标题\n\n2020-11-27 15:34| 發布者: admin| 評論: 0\n\n${PROSE}`, expected: 'portal-page' },
    { name: 'key: value metadata', text: `标题\n发布时间：2023-04-12 来源：芦溪县 作者：王小明\n${PROSE}`, expected: 'portal-page' },
    { name: 'an ATX title', text: `# 标题\n\n${PROSE}`, expected: 'markdown' },
    { name: 'a photo credit line', text: `标题\n\n${PROSE}\n\n村民在劳作 王五摄`, expected: 'print-layout' },
    { name: 'a /文 byline', text: `标题\n\n${PROSE}\n\n张三 李四/文`, expected: 'print-layout' },
    { name: 'a title and prose', text: `标题\n\n——副题\n\n${PROSE}`, expected: 'plain' },
    { name: 'near miss: --- as a rule, not front matter', text: `标题\n---\n${PROSE}`, expected: 'plain' },
    { name: 'near miss: a date with one pipe', text: `标题\n2020-11-27 | 安源\n${PROSE}`, expected: 'plain' },
    { name: 'near miss: #hashtag without a space', text: `#安源# 标题\n${PROSE}`, expected: 'plain' },
    { name: 'near miss: a caption without a credit', text: `标题\n${PROSE}\n\n村民在劳作`, expected: 'plain' },
  ])('$name → $expected', ({ text, expected }) => {
    expect(detectFormat(text)).toBe(expected)
  })

  it.each([
    { name: 'English text', text: 'This is a README.\nNothing to import here.', reason: 'no Chinese prose paragraph found' },
    { name: 'a saved HTML page', text: `<!DOCTYPE html>\n<html><body><p>${PROSE}</p></body></html>`, reason: 'an HTML page; save the article as text first' },
    { name: 'only short Chinese labels', text: '安源区\n湘东区\n芦溪县', reason: 'no Chinese prose paragraph found' },
  ])('refuses $name', ({ text, reason }) => {
    expect(() => detectFormat(text, 'x.txt')).toThrow(new ImportError('unknown-format', 'x.txt', `x.txt: unknown format: ${reason}`))
  })
})

describe('format predicates stay cheap and narrow', () => {
  it('isJekyll needs key: value lines between the fences', () => {
    expect(isJekyll('---\n随便写写\n---\n')).toBe(false)
  })
  it('isPortalPage looks only near the top', () => {
    expect(isPortalPage(`${'段落。\n'.repeat(20)}2020-11-27| a: 1| b: 2`)).toBe(false)
  })
  it('isMarkdown ignores a # inside a line', () => {
    expect(isMarkdown('第 # 号文件')).toBe(false)
  })
  it('isPrintLayout ignores 拍摄 inside a sentence', () => {
    expect(isPrintLayout('记者在现场进行拍摄')).toBe(false)
  })
})
