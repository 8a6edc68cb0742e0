import { describe, expect, it } from 'vitest'
import { cleanSourceName, readMetadataLine } from '../../../src/importer/parse/extract/readMetadataLine'

describe('readMetadataLine', () => {
  it.each([
    { name: 'a date then a source', line: '2022-10-28 12:55:23    来源:萍乡日报', date: '2022-10-28T12:55:23+08:00', sources: [{ name: '萍乡日报', rank: 4 }], authors: [] },
    { name: 'a date with spaces and a slash', line: '2021 05/ 27 15:21:54', date: '2021-05-27T15:21:54+08:00', sources: [], authors: [] },
    { name: 'a traditional date label glued to the source', line: '發布時間:2022-05-29 15:23:00來源: 某某日報', date: '2022-05-29T15:23:00+08:00', sources: [{ name: '某某日報', rank: 4 }], authors: [] },
    { name: 'an editor, a time and a source run together', line: '编辑:张三2023-11-21 09:13内容来源:某某商报', date: '2023-11-21T09:13:00+08:00', sources: [{ name: '某某商报', rank: 4 }], authors: [] },
    { name: 'a source glued to the time', line: '来源:某某网2025-10-13 10:53', date: '2025-10-13T10:53:00+08:00', sources: [{ name: '某某网', rank: 4 }], authors: [] },
    { name: 'an aggregator and the original', line: '本文转自:某某日报', date: null, sources: [{ name: '某某日报', rank: 5 }], authors: [] },
    { name: 'an author who is a person', line: '发表日期:2023年12月21日  作者:王小明  【编辑录入:李四', date: '2023-12-21T00:00:00+08:00', sources: [], authors: ['王小明'] },
    { name: 'an author slot holding a newspaper', line: '2012-08-06 08:54:13  来源: 某某都市报   作者:某某都市报', date: '2012-08-06T08:54:13+08:00', sources: [{ name: '某某都市报', rank: 4 }], authors: [] },
    { name: 'an e-paper header: paper, date and page', line: '某某日报 2023年03月15日 第A1版：要闻', date: '2023-03-15T00:00:00+08:00', sources: [{ name: '某某日报', rank: 2 }], authors: [] },
    { name: 'a paper printed beside the date', line: '2018年 01月 26日 00:00    某某商报', date: '2018-01-26T00:00:00+08:00', sources: [{ name: '某某商报', rank: 2 }], authors: [] },
  ])('reads $name', ({ line, date, sources, authors }) => {
    const reading = readMetadataLine(line)
    expect(reading).toMatchObject({ date, sources, authors, isMetadataOnly: true })
  })

  it.each([
    { name: 'a sentence with a date in it', line: '2022年10月28日，萍乡市举行了盛大的开幕式，来自各地的嘉宾出席。' },
    { name: 'a heading', line: '项目建设提速增效' },
    { name: 'a month and day without a year', line: '9月3日某区举行活动' },
  ])('leaves $name', ({ line }) => {
    expect(readMetadataLine(line).isMetadataOnly).toBe(false)
  })
})

describe('cleanSourceName', () => {
  it.each([
    { value: '本站', expected: null },
    { value: '网络', expected: null },
    { value: '某某新闻网—某某报', expected: '某某报' },
    { value: '某某日报', expected: '某某日报' },
    { value: '某某网-某某晚报', expected: '某某网-某某晚报' },
    { value: '某', expected: null },
  ])('$value → $expected', ({ value, expected }) => {
    expect(cleanSourceName(value)).toBe(expected)
  })
})
