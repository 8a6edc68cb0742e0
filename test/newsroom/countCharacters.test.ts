import { describe, expect, it } from 'vitest'

import { countFieldCharacters } from '../../src/text/countCharacters'

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] })

describe('countFieldCharacters (字数 under title, summary and body)', () => {
  it.each([
    { name: 'Chinese characters and punctuation each count one', value: '安源区春耕，备耕忙。', expected: 10 },
    { name: 'white space does not count', value: ' 春耕 备耕\n忙 ', expected: 5 },
    { name: 'a character outside the BMP counts one, not two', value: '𠀋山', expected: 2 },
    { name: 'Latin letters and digits count one each', value: 'GDP 增长 5%', expected: 7 },
    { name: 'an empty field', value: null, expected: 0 },
    {
      name: 'a Lexical body counts its text across paragraphs, not its markup',
      value: { root: { type: 'root', children: [paragraph('第一段。'), paragraph('第二段 有空格。')] } },
      expected: 11,
    },
  ])('$name', ({ value, expected }) => {
    expect(countFieldCharacters(value)).toBe(expected)
  })
})
