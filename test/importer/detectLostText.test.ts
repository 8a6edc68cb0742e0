import { describe, expect, it } from 'vitest'
import { detectLostText } from '../../src/importer/normalise/detectLostText'
import { isMidSentenceStart } from '../../src/importer/normalise/isMidSentenceStart'

describe('isMidSentenceStart', () => {
  it.each([
    { name: 'the tail of a cut word before 和', text: '源和良好的生态环境,打造了集红色教育', expected: true },
    { name: 'closing punctuation', text: '，打造了集红色教育、生态旅游于一体', expected: true },
    { name: 'a closing quote', text: '”安源区有关负责人介绍', expected: true },
    { name: 'a bound particle', text: '的发展理念，以创建国家5A级旅游景区为目标', expected: true },
    { name: 'near miss: an idiom ICU splits (得|天|独厚)', text: '得天独厚的红色资源优势,让安源区经济发展动力更足。', expected: false },
    { name: 'near miss: a one-character topic', text: '红，是安源的底色。', expected: false },
    { name: 'near miss: 住有宜居', text: '住有宜居，29个老旧小区改造惠及群众1.32万户。', expected: false },
    { name: 'near miss: a usual single-character opener before 和', text: '该和谐社区获评省级示范。', expected: false },
    { name: 'near miss: 与此同时', text: '与此同时，安源区秉承“优服务就是优态度”的理念。', expected: false },
    { name: 'near miss: an opening quote', text: '“我们将以党的十九届六中全会精神为指引。”', expected: false },
    { name: 'near miss: a number', text: '2021年是“十四五”规划开局之年。', expected: false },
    { name: 'a joining word after a space', text: '源 和良好的生态环境,打造了集红色教育', expected: true },
    { name: 'a bound particle on its own', text: '了', expected: true },
    { name: 'near miss: a joining word two characters in', text: '资源和良好的生态环境', expected: false },
    { name: 'near miss: only blanks', text: ' \u3000 ', expected: false },
  ])('$name → $expected', ({ text, expected }) => {
    expect(isMidSentenceStart(text)).toBe(expected)
  })
})

describe('detectLostText', () => {
  it('warns with the paragraph index and its opening words', () => {
    expect(detectLostText(['安源区始终坚持以人为本。', '源和良好的生态环境,打造了集红色教育、生态旅游和特色农业于一体的综合产业链。'])).toEqual([
      { kind: 'lost-text', severity: 'warning', message: 'paragraph starts mid-sentence (its beginning was lost at a break?)', snippet: '源和良好的生态环境,打造了集红色…', paragraph: 1 },
    ])
  })
})
