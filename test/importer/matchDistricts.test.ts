import { describe, expect, it } from 'vitest'
import { getShortName, matchDistricts } from '../../src/importer/normalise/matchDistricts'
import { referenceDistricts } from '../../src/reference/districts'

describe('getShortName', () => {
  it.each([
    { name: '安源区', expected: '安源' },
    { name: '芦溪县', expected: '芦溪' },
    { name: '萍乡市', expected: '萍乡' },
    { name: '某区', expected: null },
    { name: '武功山', expected: null },
  ])('$name → $expected', ({ name, expected }) => {
    expect(getShortName(name)).toBe(expected)
  })
})

describe('matchDistricts', () => {
  it.each([
    { name: 'a district named in full once', placeHints: [], text: '湘东区召开会议。', expected: ['湘东区'] },
    { name: 'a short name mentioned twice', placeHints: [], text: '上栗花炮远销海外，上栗人引以为傲。', expected: ['上栗县'] },
    { name: 'near miss: one passing short mention', placeHints: [], text: '湘东区弘扬安源精神，湘东区加快发展。', expected: ['湘东区'] },
    { name: 'most mentioned first', placeHints: [], text: '芦溪县与莲花县合作。芦溪县提供场地，芦溪县负责运营。', expected: ['芦溪县', '莲花县'] },
    { name: 'traditional text is simplified first', placeHints: [], text: '安源區始終堅持項目是支撐。', expected: ['安源区'] },
    { name: 'breadcrumb before frequency', placeHints: ['首页', '安源區政府'], text: '湘东区、湘东区、湘东区与安源合作。', expected: ['安源区', '湘东区'] },
    { name: 'a pinyin category', placeHints: ['news', 'lianhua'], text: '本市召开会议。', expected: ['莲花县'] },
    { name: 'near miss: a newspaper category that only contains the city pinyin', placeHints: ['pingxiangribao'], text: '安源区召开会议。', expected: ['安源区'] },
    { name: 'the city when nothing else matches', placeHints: [], text: '萍乡市举办招聘会。萍乡求职者众多。', expected: ['萍乡市'] },
    { name: 'near miss: the city left out when a district matches', placeHints: ['萍乡日报新闻'], text: '萍乡市安源区召开会议。', expected: ['安源区'] },
    { name: 'nothing at all', placeHints: [], text: '某地召开会议。', expected: [] },
    { name: 'a full name over a brand name mentioned more often', placeHints: [], text: '湘东区建成物流港。红色安源连着韶山，安源精神代代相传。', expected: ['湘东区', '安源区'] },
    { name: 'a city profile naming four divisions: the city', placeHints: [], text: '萍乡市下辖上栗县、芦溪县、莲花县、安源区和湘东区。', expected: ['萍乡市'] },
    { name: 'near miss: three divisions named stay districts', placeHints: [], text: '上栗县、芦溪县和湘东区联合举办活动。', expected: ['湘东区', '上栗县', '芦溪县'] },
  ])('$name', ({ placeHints, text, expected }) => {
    expect(matchDistricts({ placeHints, text }, referenceDistricts)).toEqual(expected)
  })

  it('works from names alone, for another prefecture', () => {
    const districts = [{ name: '株洲市' }, { name: '醴陵市', level: 'county' as const }, { name: '荷塘区' }]
    expect(matchDistricts({ placeHints: [], text: '醴陵市陶瓷产业发展迅速，株洲市予以支持。' }, districts)).toEqual(['醴陵市'])
  })
})
