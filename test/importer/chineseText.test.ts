import { describe, expect, it } from 'vitest'
import {
  isDecorativeFragment,
  isLabelLine,
  isOpenEnded,
  isSentenceEnd,
  isVisibleLengthAtMost,
  stripLeadingDashes,
  visibleLength,
} from '../../src/text/chineseText'

describe('isSentenceEnd', () => {
  it.each([
    { text: '奔流不息。', expected: true },
    { text: '新征程！', expected: true },
    { text: '小城……', expected: true },
    { text: '安源区委书记李水清说。”', expected: true },
    { text: '优化比例;', expected: true },
    { text: 'half-width full stop after Han 发展.', expected: true },
    { text: '入选2024数字政府副', expected: false },
    { text: '增长5.5', expected: false },
    { text: '“核动能”', expected: false },
    { text: '', expected: false },
    { text: '发展。”  \n', expected: true },
    { text: '𠀀.', expected: true },
    { text: '𠀀”', expected: false },
    { text: '。\ud800', expected: false },
  ])('"$text" → $expected', ({ text, expected }) => {
    expect(isSentenceEnd(text)).toBe(expected)
  })
})

describe('isOpenEnded', () => {
  it.each([
    { text: '安源区积极', expected: true },
    { text: '主要有以下三点：', expected: false },
    { text: '完成率100%。', expected: false },
  ])('"$text" → $expected', ({ text, expected }) => {
    expect(isOpenEnded(text)).toBe(expected)
  })
})

describe('isLabelLine', () => {
  it.each([
    { name: 'a section heading', text: '坚持工业强区 产业转型持续加快', expected: true },
    { name: 'a caption with a comma', text: '村民在田间劳作，喜迎丰收', expected: true },
    { name: 'near miss: a short sentence', text: '红，是安源的底色。', expected: false },
    { name: 'near miss: a line with a full stop inside', text: '水深则鱼悦。城强则贾兴', expected: false },
    { name: 'near miss: a long unpunctuated line', text: '安'.repeat(41), expected: false },
    { name: 'near miss: clauses cut short', text: '安源区积极打造平台，目前平台估值超5亿元，入选2024数字政府副', expected: false },
  ])('$name → $expected', ({ text, expected }) => {
    expect(isLabelLine(text)).toBe(expected)
  })
})

describe('isDecorativeFragment', () => {
  it.each([
    { text: '75年', expected: true },
    { text: 'A2', expected: true },
    { text: '04', expected: true },
    { text: '3版', expected: true },
    { text: '砥砺前行', expected: false },
    { text: '鲜花', expected: false },
    { text: '2024数字政府', expected: false },
  ])('"$text" → $expected', ({ text, expected }) => {
    expect(isDecorativeFragment(text)).toBe(expected)
  })
})

describe('stripLeadingDashes', () => {
  it.each([
    { text: '——安源区全方位推动高质量发展纪实', expected: '安源区全方位推动高质量发展纪实' },
    { text: '— 记湘东区', expected: '记湘东区' },
    { text: '--记湘东区', expected: '记湘东区' },
    { text: '安源——红色古城', expected: '安源——红色古城' },
  ])('"$text" → "$expected"', ({ text, expected }) => {
    expect(stripLeadingDashes(text)).toBe(expected)
  })
})

describe('isVisibleLengthAtMost agrees with visibleLength', () => {
  it.each([
    { name: '40 Han characters', text: '安'.repeat(40) },
    { name: 'near miss: 41 Han characters', text: '安'.repeat(41) },
    { name: '40 characters with spaces between', text: '安 '.repeat(40) },
    { name: 'ideographic spaces and tabs', text: `${'安\u3000'.repeat(30)}\t${'源'.repeat(10)}` },
    { name: 'characters beyond the BMP', text: '𠀀'.repeat(40) },
    { name: 'near miss: 41 characters beyond the BMP', text: '𠀀'.repeat(41) },
    { name: 'a surrogate pair split by a space', text: `${'安'.repeat(39)}\ud840 \udc00` },
    { name: 'lone surrogates', text: '\ud800'.repeat(41) },
    { name: 'a long paragraph', text: '安源区坚持以人民为中心，推动高质量发展。'.repeat(20) },
  ])('$name', ({ text }) => {
    expect(isVisibleLengthAtMost(text, 40)).toBe(visibleLength(text) <= 40)
  })
})
