import { describe, expect, it } from 'vitest'
import { parsePublishedAt } from '../../src/importer/parse/parsePublishedAt'

describe('parsePublishedAt', () => {
  it.each([
    { name: 'Jekyll date with +0800', text: '2022-01-03 07:00:29 +0800', expected: '2022-01-03T07:00:29+08:00' },
    { name: 'portal date without offset (China time)', text: '2020-11-27 15:34| 發布者: admin', expected: '2020-11-27T15:34:00+08:00' },
    { name: 'UTC converted to China time', text: '2023-03-05 02:00:00 +0000', expected: '2023-03-05T10:00:00+08:00' },
    { name: 'Z converted across midnight', text: '2023-03-05T20:30:00Z', expected: '2023-03-06T04:30:00+08:00' },
    { name: 'slashes, date only', text: '2022/1/3', expected: '2022-01-03T00:00:00+08:00' },
    { name: 'Chinese date and time', text: '发布时间：2022年1月3日 8:05', expected: '2022-01-03T08:05:00+08:00' },
    { name: 'near miss: 31 February', text: '2023-02-31', expected: null },
    { name: 'near miss: hour 25', text: '2023-02-01 25:00', expected: null },
    { name: 'near miss: a year alone', text: '2022年以来', expected: null },
  ])('$name', ({ text, expected }) => {
    expect(parsePublishedAt(text)).toBe(expected)
  })
})
