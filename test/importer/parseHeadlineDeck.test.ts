import { describe, expect, it } from 'vitest'
import { parseHeadlineDeck } from '../../src/importer/parse/parseHeadlineDeck'
import { splitLines } from '../../src/importer/parse/splitLines'

const BODY = '岁月的车轮滚滚向前,时代的脚步永不停歇。'

describe('parseHeadlineDeck', () => {
  it('print layout: the last deck line is the title, the lines above it are reported', () => {
    const deck = parseHeadlineDeck(splitLines(`75年\n\n城区面貌焕然一新 郁佳敏摄\n\n砥砺前行\n\n绘就壮美画卷\n\n百年安源正青春\n\n${BODY}`), 'last')
    expect(deck.title).toBe('百年安源正青春')
    expect(deck.subtitle).toBeNull()
    expect(deck.items).toEqual([{ kind: 'caption', text: '城区面貌焕然一新', credit: '郁佳敏', line: 3 }])
    expect(deck.warnings.map((warning) => [warning.kind, warning.snippet])).toEqual([
      ['chrome-removed', '75年'],
      ['headline-deck', '砥砺前行 / 绘就壮美画卷'],
    ])
    expect(deck.bodyLines.map((line) => line.text)).toEqual([BODY])
  })

  it('plain: the first deck line is the title and the rest goes back to the body', () => {
    const deck = parseHeadlineDeck(splitLines(`砥砺奋进春意浓\n\n坚持工业强区\n\n${BODY}`), 'first')
    expect(deck.title).toBe('砥砺奋进春意浓')
    expect(deck.bodyLines.map((line) => line.text)).toEqual(['坚持工业强区', BODY])
    expect(deck.warnings).toEqual([])
  })

  it.each([
    { titleAt: 'first' as const },
    { titleAt: 'last' as const },
  ])('a dash-led line is the subtitle under the title ($titleAt)', ({ titleAt }) => {
    const deck = parseHeadlineDeck(splitLines(`砥砺奋进春意浓\n\n——湘东区以实干实绩推动高质量发展\n\n坚持工业强区\n\n${BODY}`), titleAt)
    expect([deck.title, deck.subtitle]).toEqual(['砥砺奋进春意浓', '湘东区以实干实绩推动高质量发展'])
    expect(deck.bodyLines.map((line) => line.text)).toEqual(['坚持工业强区', BODY])
  })

  it('reads a byline under the title', () => {
    const deck = parseHeadlineDeck(splitLines(`上栗：小花炮炸出大产业\n本报记者 张三 通讯员 李四\n${BODY}`), 'last')
    expect(deck.title).toBe('上栗：小花炮炸出大产业')
    expect(deck.metadata.authors).toEqual(['张三', '李四'])
  })
})
