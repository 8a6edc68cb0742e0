import { describe, expect, it } from 'vitest'
import { getLeadingWords, getOutletName, readDateline, readLeadingCredits, readPrintMarker } from '../../../src/importer/parse/extract/readLeadingCredits'

describe('readDateline', () => {
  it.each([
    { name: 'an agency with a place', text: '某某网南昌11月15日电 (记者张三 李四) 山区小镇……', outlet: '某某网', date: null },
    { name: 'a brand ending in 时刻', text: '某网时刻6月22日讯(记者 王五)又到一年采茶季。', outlet: '某网时刻', date: null },
    { name: 'a date with its year', text: '某某新闻网2023年11月21日讯(某某商报记者 王五 文/图)近日……', outlet: '某某新闻网', date: '2023-11-21T00:00:00+08:00' },
    { name: 'a bracketed dateline', text: '【某某商報訊】1月23至29日，會議在南昌召開。', outlet: '某某商報', date: null },
  ])('reads $name', ({ text, outlet, date }) => {
    expect(readDateline(text)).toMatchObject({ outlet, date })
  })

  it('reads 本报讯 as a dateline without an outlet', () => {
    expect(readDateline('本报讯（记者 王五）近日，某地举行活动。')).toMatchObject({ outlet: null, date: null })
    expect(readLeadingCredits('本报讯（记者 王五）近日，某地举行活动。')).toMatchObject({ sources: [], byline: { authors: ['王五'] } })
  })

  it.each([
    { name: 'a word with 电 in a sentence', text: '中央广播电视总台记者在现场采访。' },
    { name: 'a sentence with no outlet', text: '6月22日讯息传来，大家很高兴。' },
  ])('is null for $name', ({ text }) => {
    expect(readDateline(text)).toBeNull()
  })
})

describe('getOutletName', () => {
  it.each([
    { prefix: '某某网南昌', expected: '某某网' },
    { prefix: '中國某某新聞網', expected: '中國某某新聞網' },
    { prefix: '本报', expected: null },
    { prefix: '南昌', expected: null },
  ])('$prefix → $expected', ({ prefix, expected }) => {
    expect(getOutletName(prefix)).toBe(expected)
  })
})

describe('readLeadingCredits', () => {
  it('reads the byline after a dateline and keeps the dateline in the text', () => {
    const credits = readLeadingCredits('某某网4月2日某地讯(記者 張三 李四 報道)記者日前從某地了解到，……')
    expect(credits).toMatchObject({ sources: [{ name: '某某网', rank: 2 }], byline: { authors: ['張三', '李四'] }, isCreditOnly: false })
    expect(credits!.text.startsWith('某某网4月2日')).toBe(true)
  })

  it('takes a bare byline off the front of a paragraph', () => {
    expect(readLeadingCredits('某某晚报全媒体记者 王五 6月18日至20日,由某地主办的活动举行。')).toMatchObject({
      byline: { authors: ['王五'], outlet: '某某晚报' },
      sources: [{ name: '某某晚报', rank: 1 }],
      text: '6月18日至20日,由某地主办的活动举行。',
    })
  })

  it('reads a relayed source over the relaying outlet', () => {
    const credits = readLeadingCredits('某评社北京10月13日電／據某某社報導，“春來江水綠如藍。”')
    expect(credits!.sources).toEqual([{ name: '某评社', rank: 2 }, { name: '某某社', rank: 3 }])
  })

  it('is null for a paragraph that starts with words and a space but no byline', () => {
    expect(readLeadingCredits('项目建设提速增效 今年1至10月,全区新增企业56家。')).toBeNull()
  })
})

describe('getLeadingWords', () => {
  it.each([
    { text: '一条河 流淌千年的歌 来到河边,在涛声的陪伴中', expected: '一条河 流淌千年的歌' },
    { text: '见面会上,新闻发布', expected: null },
  ])('$text → $expected', ({ text, expected }) => {
    expect(getLeadingWords(text)).toBe(expected)
  })
})

describe('readPrintMarker', () => {
  it.each([
    { text: '《某某日报》(2025年03月12日 01版)', expected: { source: '某某日报', date: '2025-03-12T00:00:00+08:00' } },
    { text: '《某某日报》（2025年3月2日）', expected: { source: '某某日报', date: '2025-03-02T00:00:00+08:00' } },
    { text: '他读了《某某日报》(2025年03月12日 01版)上的报道', expected: null },
  ])('$text', ({ text, expected }) => {
    expect(readPrintMarker(text)).toEqual(expected)
  })
})
