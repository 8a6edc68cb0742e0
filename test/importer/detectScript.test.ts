import { describe, expect, it } from 'vitest'
import { detectScript } from '../../src/importer/detect/detectScript'

describe('detectScript', () => {
  it.each([
    { name: 'simplified', text: '安源区坚持以人民为中心，推动高质量发展。', expected: 'zh-Hans' },
    { name: 'traditional', text: '安源區始終堅持項目是支撐、創新是動力。', expected: 'zh-Hant' },
    { name: 'traditional with a few garbled simplified characters', text: '春華秋實,滿庭芬芳?偼顿Y25億元的萍鄉凱光新天地旅游度假區項目', expected: 'zh-Hant' },
    { name: 'simplified quoting one traditional name', text: '萍鄉城事网报道，萍乡市安源区发展迅速，经济总量持续增长。', expected: 'zh-Hans' },
    { name: 'characters common to both scripts', text: '山水田园', expected: 'zh-Hans' },
    { name: 'no Chinese at all', text: 'hello', expected: 'zh-Hans' },
  ])('$name → $expected', ({ text, expected }) => {
    expect(detectScript(text)).toBe(expected)
  })
})
