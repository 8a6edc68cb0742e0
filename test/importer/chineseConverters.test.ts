import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import * as OpenCC from 'opencc-js'
import { ConverterBuilder, ConverterFactory } from 'opencc-js/core'
import { describe, expect, it } from 'vitest'

import { toSimplified, toTraditional } from '../../src/text/chineseConverters'
import { buildOpenccConverter, PhraseTrie } from '../../src/text/phraseTrie'

/**
 * chineseConverters reimplements OpenCC's conversion for speed; these tests hold
 * it to opencc-js's own Converter, character for character, on real documents
 * and on the inputs where the algorithm has corners.
 */
const root = path.resolve(import.meta.dirname, '../..')
const opencc = {
  toSimplified: OpenCC.Converter({ from: 't', to: 'cn' }),
  toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }),
}

const documents = [
  ...readdirSync(path.join(root, 'seeds')).map((name) => ({ name: `seeds/${name}`, text: readFileSync(path.join(root, 'seeds', name), 'utf8') })),
  ...readdirSync(path.join(root, 'test/fixtures/cases')).map((name) => ({
    name: `cases/${name}`,
    text: readFileSync(path.join(root, 'test/fixtures/cases', name, 'source.txt'), 'utf8'),
  })),
]

describe('toSimplified and toTraditional give what opencc-js gives', () => {
  it.each(documents)('$name, both ways, and after a round trip', ({ text }) => {
    expect(toSimplified(text)).toBe(opencc.toSimplified(text))
    expect(toTraditional(text)).toBe(opencc.toTraditional(text))
    const traditional = opencc.toTraditional(text)
    expect(toSimplified(traditional)).toBe(opencc.toSimplified(traditional))
  })

  it.each([
    { name: 'empty text', text: '' },
    { name: 'no Chinese at all', text: 'Pingxiang 2024: GDP +5.5%' },
    { name: 'a phrase the dictionaries convert as a whole (干 → 乾/幹)', text: '头发干了，他去干活，饼干很干' },
    { name: 'phrases that overlap: the longest match from the left wins', text: '着手著作，看着他著名的说明' },
    { name: 'traditional phrases to simplify', text: '頭髮乾了，瞭解後來的鐘錶與鍾情' },
    { name: 'CJK compatibility ideographs (normalised first)', text: '\uf900\uf901萍\uf902鄉' },
    { name: 'ideographic description sequences: not converted inside', text: '⿰氵发展⿱艹⿰氵发 与 发展' },
    { name: 'a description sequence cut short at the end', text: '发展⿰氵' },
    { name: 'characters beyond the BMP', text: '𠀀发展𪚥的𫟦乡镇𬜯' },
    { name: 'a lone surrogate', text: '发\ud800展\udc00乡' },
    { name: 'a single character', text: '乡' },
    { name: 'mixed scripts in one sentence', text: '萍鄉城事网报道，萍乡市安源區发展迅速，經濟总量持续增长。' },
  ])('$name', ({ text }) => {
    expect(toSimplified(text)).toBe(opencc.toSimplified(text))
    expect(toTraditional(text)).toBe(opencc.toTraditional(text))
  })
})

describe('PhraseTrie / buildOpenccConverter against opencc-js on small dictionaries', () => {
  it.each([
    { name: 'longest key wins', dicts: ['a A|ab AB|abc ABC'], text: 'abcabxab' },
    { name: 'the earlier dictionary wins a key both list', dicts: ['ab FIRST', 'ab SECOND|b B'], text: 'abb' },
    { name: 'keys of several characters with no single-character key', dicts: ['xyz XYZ'], text: 'xyxyzxyzz' },
    { name: 'values longer or shorter than the key', dicts: ['a aaa|bb b'], text: 'abbba' },
    { name: 'an empty value', dicts: ['q |r R'], text: 'qrqq' },
    { name: 'keys with characters beyond the BMP, first and second', dicts: ['𠀀a X|a𠀀 Y|𠀀𠀁 Z'], text: 'a𠀀𠀀a𠀀𠀁𠀀' },
    { name: 'a key cut off by the end of the text', dicts: ['abc X|a Y'], text: 'abab' },
  ])('$name', ({ dicts, text }) => {
    const expected = ConverterFactory(dicts)(text)
    expect(PhraseTrie.fromDictGroup(dicts).convert(text)).toBe(expected)
    expect(buildOpenccConverter({ conversionChain: [dicts] })(text)).toBe(expected)
  })

  it('segments the text as opencc-js does, and converts each segment on its own', () => {
    // The conversion's key "bc" crosses the segmentation's "ab": converted per segment, it never matches.
    const config = { segmentation: 'ab x', conversionChain: [['bc Y|a 1|b 2|c 3']] }
    const expected = ConverterBuilder({ from: {}, to: { cn: [] }, configs: { t2s: config } })({ from: 't', to: 'cn' })
    expect(buildOpenccConverter(config)('abcabc')).toBe(expected('abcabc'))
    expect(buildOpenccConverter(config)('abcabc')).toBe('123123')
  })

  it('converts a run between segments character by character only when that is exact', () => {
    // Here a two-character key of the conversion ("cd") is not a segmentation key: runs must be converted in full.
    const config = { segmentation: 'ab x', conversionChain: [['cd Z|c 3']] }
    const expected = ConverterBuilder({ from: {}, to: { cn: [] }, configs: { t2s: config } })({ from: 't', to: 'cn' })
    expect(buildOpenccConverter(config)('abcdcab')).toBe(expected('abcdcab'))
    expect(buildOpenccConverter(config)('abcdcab')).toBe('abZ3ab')
  })
})
