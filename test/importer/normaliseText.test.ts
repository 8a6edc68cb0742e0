import { describe, expect, it } from 'vitest'
import { normaliseText } from '../../src/importer/normalise/normaliseText'
import { isPinyinReading, removePinyinAnnotations } from '../../src/importer/normalise/removePinyinAnnotations'

describe('removePinyinAnnotations', () => {
  it.each([
    { name: 'a toned reading', input: '萍鄉(xiāng)城事網(wǎng)', expected: '萍鄉城事網' },
    { name: 'full-width brackets', input: '發(fā)布（bù）', expected: '發布' },
    { name: 'a toneless reading of that character', input: '的(de)確', expected: '的確' },
    { name: 'near miss: Han characters in brackets', input: '西人馬(廈門)科技', expected: '西人馬(廈門)科技' },
    { name: 'near miss: a Latin abbreviation', input: '天佑(LED)項目', expected: '天佑(LED)項目' },
    { name: 'near miss: toneless letters that are not a reading', input: '長度(cm)', expected: '長度(cm)' },
    { name: 'near miss: no Han character before', input: '2020(nián)', expected: '2020(nián)' },
    { name: 'near miss: a mangled annotation without its opening bracket', input: '正因?yàn)椴', expected: '正因?yàn)椴' },
  ])('$name', ({ input, expected }) => {
    expect(removePinyinAnnotations(input).text).toBe(expected)
  })

  it('records one info warning with the count and the first place', () => {
    const { warnings } = removePinyinAnnotations('首頁\n萍鄉(xiāng):創(chuàng)新')
    expect(warnings).toEqual([
      { kind: 'pinyin-removed', severity: 'info', message: 'removed 2 pinyin annotations printed after characters', snippet: '萍鄉(xiāng):創(chu…', line: 2 },
    ])
  })

  it('records nothing when there is nothing to remove', () => {
    expect(removePinyinAnnotations('安源区').warnings).toEqual([])
  })

  it.each([
    { char: '為', syllable: 'wèi', expected: true },
    { char: '為', syllable: 'wei', expected: true },
    { char: '鄉', syllable: 'li', expected: false },
  ])('isPinyinReading($char, $syllable) → $expected', ({ char, syllable, expected }) => {
    expect(isPinyinReading(char, syllable)).toBe(expected)
  })
})

describe('normaliseText', () => {
  it('unifies line breaks and removes zero-width characters and no-break spaces', () => {
    expect(normaliseText('第一行\r\n第二\u200b行\r第三行\u00a0完').text).toBe('第一行\n第二行\n第三行 完')
  })

  it.each([
    { name: 'a zero-width character between \\r and \\n: two line breaks', input: '甲\r\ufeff\n乙', expected: '甲\n\n乙' },
    { name: 'every other line break', input: '甲\v乙\f丙\u2028丁\u2029戊\u0085己', expected: '甲\n乙\n丙\n丁\n戊\n己' },
    { name: 'every zero-width character', input: '甲\u200b\u200c\u200d\u2060\ufeff乙', expected: '甲乙' },
    { name: 'near miss: other spaces stay', input: '甲\u3000乙\u2002丙', expected: '甲\u3000乙\u2002丙' },
  ])('$name', ({ input, expected }) => {
    expect(normaliseText(input).text).toBe(expected)
  })
})
