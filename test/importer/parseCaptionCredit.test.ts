import { describe, expect, it } from 'vitest'
import { parseCaptionCredit } from '../../src/importer/parse/parseCaptionCredit'

describe('parseCaptionCredit', () => {
  it.each([
    { name: 'name glued to 摄', line: '安源区中心城区面貌焕然一新 郁佳敏摄', text: '安源区中心城区面貌焕然一新', credit: '郁佳敏' },
    { name: 'name, space, 摄', line: '村民脸上洋溢着丰收的喜悦 王五 摄', text: '村民脸上洋溢着丰收的喜悦', credit: '王五' },
    { name: 'a reporter credit', line: '工人在检查产品质量 记者 王五 摄', text: '工人在检查产品质量', credit: '王五' },
    { name: 'two reporters', line: '游客观看烟花表演 本报记者 王五 李四 摄', text: '游客观看烟花表演', credit: '王五、李四' },
    { name: 'name/摄', line: '荷塘美景 赵六/摄', text: '荷塘美景', credit: '赵六' },
    { name: 'two names joined by 、', line: '荷塘美景 赵六、钱七摄', text: '荷塘美景', credit: '赵六、钱七' },
    { name: '（摄影：…）', line: '游客在景区观赏烟花表演（摄影：赵六）', text: '游客在景区观赏烟花表演', credit: '赵六' },
    { name: '图/…', line: '新建成的文化广场 图/孙七', text: '新建成的文化广场', credit: '孙七' },
    { name: 'a caption that is a sentence', line: '村民在田间收割稻谷。王五 摄', text: '村民在田间收割稻谷。', credit: '王五' },
    { name: 'traditional characters', line: '遊客觀看煙花表演 記者 王五 攝', text: '遊客觀看煙花表演', credit: '王五' },
    { name: 'an outlet and a role before the name, in brackets', line: '代表发言(某某经济导报记者孙七 摄)', text: '代表发言', credit: '孙七', outlet: '某某经济导报' },
    { name: 'a name glued to the caption, told by its surname', line: '新建的村史陈列馆林涛摄', text: '新建的村史陈列馆', credit: '林涛' },
    { name: 'name and 摄 in brackets with an agency note', line: '丰收节现场。(孙七摄 某某社通联照片)', text: '丰收节现场。', credit: '孙七' },
    { name: 'an agency credit before the bracket', line: '果农在搬运脐橙。某某社發(赵六 攝)', text: '果农在搬运脐橙。', credit: '赵六', outlet: '某某社' },
  ])('$name', ({ line, text, credit, outlet }) => {
    if (outlet) expect(parseCaptionCredit(line)).toMatchObject({ outlet })
    expect(parseCaptionCredit(line)).toMatchObject({ text, credit })
  })

  it.each([
    { name: 'a caption without a credit', line: '伯乐智能公司的工人正在进行注塑机的整机组装' },
    { name: 'a sentence ending in 拍摄', line: '摄制组在安源区进行拍摄' },
    { name: 'a credit with no caption text', line: '记者 王五 摄' },
    { name: 'a caption whose last word only looks like a name', line: '青山傍居 秀美村庄' },
  ])('is null for $name', ({ line }) => {
    expect(parseCaptionCredit(line)).toBeNull()
  })

  // 120 characters at most, counted as characters: here 10 of them take two UTF-16 units each.
  const longCaption = (characters: number) => `${'𠀀'.repeat(10)}${'田'.repeat(characters - 14)} 王五摄`
  it.each([
    { name: 'exactly 120 characters', line: longCaption(120), parsed: true },
    { name: 'near miss: 121 characters', line: longCaption(121), parsed: false },
  ])('the length limit: $name', ({ line, parsed }) => {
    expect(parseCaptionCredit(line)?.credit ?? null).toBe(parsed ? '王五' : null)
  })
})
