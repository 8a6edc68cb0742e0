import { describe, expect, it } from 'vitest'

import { formatCredit } from '../../src/photos/formatCredit'

const DEFAULT = '图片除署名外由安源区委宣传部提供'

describe('formatCredit', () => {
  it.each([
    { name: 'a name, as the importer stores it', input: { captionCredit: '郁佳敏' }, expected: '郁佳敏 摄' },
    { name: 'two names with 、', input: { captionCredit: '王五、李四' }, expected: '王五、李四 摄' },
    { name: 'two names with a space', input: { captionCredit: '王五 李四' }, expected: '王五、李四 摄' },
    { name: 'a name glued to 摄 (print layout)', input: { captionCredit: '郁佳敏摄' }, expected: '郁佳敏 摄' },
    { name: 'names and /摄', input: { captionCredit: '王五、李四/摄' }, expected: '王五、李四 摄' },
    { name: 'already as printed', input: { captionCredit: '郁佳敏 摄' }, expected: '郁佳敏 摄' },
    { name: 'a name with a middle dot', input: { captionCredit: '阿依古丽·买买提' }, expected: '阿依古丽·买买提 摄' },
    { name: 'role word first keeps its spacing', input: { captionCredit: '记者 王五' }, expected: '记者 王五 摄' },
    { name: 'worded by an agency', input: { captionCredit: '新华社记者 王五 摄' }, expected: '新华社记者 王五 摄' },
    { name: 'a 供图 credit', input: { captionCredit: '芦溪县融媒体中心 供图' }, expected: '芦溪县融媒体中心 供图' },
    { name: 'a label first', input: { captionCredit: '摄影：张三' }, expected: '摄影：张三' },
    { name: 'a Latin name stays as written', input: { captionCredit: 'Zhang San' }, expected: 'Zhang San 摄' },
    { name: 'extra whitespace is tidied', input: { captionCredit: '  郁佳敏  ' }, expected: '郁佳敏 摄' },
    { name: 'no caption credit: the photographer', input: { captionCredit: null, photographer: '钟进文' }, expected: '钟进文 摄' },
    { name: 'blank caption credit: the photographer', input: { captionCredit: '  ', photographer: '钟进文' }, expected: '钟进文 摄' },
    { name: 'the caption’s credit wins over the photographer', input: { captionCredit: '王五', photographer: '钟进文' }, expected: '王五 摄' },
    { name: 'neither: the article default, as written', input: { articleDefaultCredit: DEFAULT }, expected: DEFAULT },
    { name: 'a photographer wins over the article default', input: { photographer: '钟进文', articleDefaultCredit: DEFAULT }, expected: '钟进文 摄' },
    { name: 'nothing at all', input: {}, expected: null },
    { name: 'zh-Hant prints 攝', input: { captionCredit: '郁佳敏', locale: 'zh-Hant' }, expected: '郁佳敏 攝' },
    { name: 'zh-Hant, glued 攝', input: { captionCredit: '郁佳敏攝', locale: 'zh-Hant' }, expected: '郁佳敏 攝' },
  ])('$name', ({ input, expected }) => {
    expect(formatCredit(input)).toBe(expected)
  })
})
