import { describe, expect, it } from 'vitest'
import { isEndMark, isLinkOnlyLine, parseDateLine, parseSourceLine, parseSourceUrlLine, parseTrailingSource } from '../../src/importer/parse/parseMetadataLine'

describe('parseSourceLine', () => {
  it.each([
    { line: '（文章来源：萍乡日报）', expected: '萍乡日报' },
    { line: '来源：芦溪县融媒体中心', expected: '芦溪县融媒体中心' },
    { line: '來源: 中國網', expected: '中國網' },
    { line: '数据来源于统计局的年度报告，仅供参考。', expected: null },
    { line: '（图片除署名外由安源区委宣传部提供）', expected: null },
  ])('"$line" → $expected', ({ line, expected }) => {
    expect(parseSourceLine(line)).toBe(expected)
  })
})

describe('parseTrailingSource', () => {
  it('takes a source note off the end of a paragraph', () => {
    expect(parseTrailingSource('全文完。（来源：新华社）')).toEqual({ text: '全文完。', source: '新华社' })
  })
})

describe('parseSourceUrlLine', () => {
  it.each([
    { line: '<http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201032234250560>', expected: 'http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201032234250560' },
    { line: '原文链接：https://www.example.com/a.html', expected: 'https://www.example.com/a.html' },
    { line: 'https://www.example.com/a.html', expected: 'https://www.example.com/a.html' },
    { line: '[返回首页](//finews.withounder.com/)', expected: null },
    { line: '详见 https://www.example.com/a.html 的公告', expected: null },
  ])('"$line" → $expected', ({ line, expected }) => {
    expect(parseSourceUrlLine(line)).toBe(expected)
  })
})

describe('isLinkOnlyLine', () => {
  it.each([
    { line: '[返回萍乡日报新闻](//finews.withounder.com/category/pingxiangribao.html)｜[返回首页](//finews.withounder.com/)', expected: true },
    { line: '[上一篇](/news/122.html) · [下一篇](/news/124.html)', expected: true },
    { line: '详见[通知](/a.html)。', expected: false },
    { line: '没有链接的一行', expected: false },
  ])('"$line" → $expected', ({ line, expected }) => {
    expect(isLinkOnlyLine(line)).toBe(expected)
  })
})

describe('parseDateLine', () => {
  it.each([
    { line: '2023年7月8日', expected: '2023-07-08T00:00:00+08:00' },
    { line: '发布时间：2022-01-03 07:00', expected: '2022-01-03T07:00:00+08:00' },
    { line: '2022年以来，湘东区作为萍乡工业发展的重要战场', expected: null },
    { line: '3月2日，萍乡市2023年春季大型招聘会举行。', expected: null },
  ])('"$line" → $expected', ({ line, expected }) => {
    expect(parseDateLine(line)).toBe(expected)
  })
})

describe('isEndMark', () => {
  it.each([
    { line: '（完）', expected: true },
    { line: '(全文完)', expected: true },
    { line: '完成率100%', expected: false },
  ])('"$line" → $expected', ({ line, expected }) => {
    expect(isEndMark(line)).toBe(expected)
  })
})
