import { describe, expect, it } from 'vitest'
import { parseByline, parseTrailingByline } from '../../src/importer/parse/parseByline'

describe('parseByline', () => {
  it.each([
    { name: 'names then /文, with a blanket credit', line: '李羽晨 钟进文/文 (图片除署名外由安源区委宣传部提供)', authors: ['李羽晨', '钟进文'], photographers: [], defaultCredit: '图片除署名外由安源区委宣传部提供' },
    { name: '文/ then a name', line: '文/尚健', authors: ['尚健'], photographers: [], defaultCredit: null },
    { name: 'in brackets', line: '(文/尚健)', authors: ['尚健'], photographers: [], defaultCredit: null },
    { name: 'reporter and correspondent', line: '本报记者 张三 通讯员 李四', authors: ['张三', '李四'], photographers: [], defaultCredit: null },
    { name: '作者：', line: '作者：王五、赵六', authors: ['王五', '赵六'], photographers: [], defaultCredit: null },
    { name: 'writer and photographer', line: '张三/文 李四/图', authors: ['张三'], photographers: ['李四'], defaultCredit: null },
    { name: '文/图 together', line: '文/图 王五', authors: ['王五'], photographers: ['王五'], defaultCredit: null },
    { name: 'a reporter who took the photo', line: '记者 王五 摄', authors: [], photographers: ['王五'], defaultCredit: null },
    { name: 'a name glued to 摄', line: '郁佳敏摄', authors: [], photographers: ['郁佳敏'], defaultCredit: null },
    { name: 'traditional role words', line: '本報記者 張三 通訊員 李四', authors: ['張三', '李四'], photographers: [], defaultCredit: null },
    { name: 'a minority name with a middle dot', line: '记者 阿依古丽·买买提', authors: ['阿依古丽·买买提'], photographers: [], defaultCredit: null },
  ])('$name', ({ line, authors, photographers, defaultCredit }) => {
    expect(parseByline(line)).toEqual({ authors, photographers, defaultCredit, editors: [], publishedAt: null, outlet: null })
  })

  it('reads a date printed before the byline', () => {
    expect(parseByline('2024年9月20日 记者 刘一 通讯员 陈二')).toEqual({ authors: ['刘一', '陈二'], photographers: [], defaultCredit: null, editors: [], publishedAt: '2024-09-20T00:00:00+08:00', outlet: null })
  })

  it('reads an editor line so it can be set aside', () => {
    expect(parseByline('责任编辑：孙七')).toEqual({ authors: [], photographers: [], defaultCredit: null, editors: ['孙七'], publishedAt: null, outlet: null })
  })

  it.each([
    { name: 'a caption of two four-character phrases', line: '青山傍居 秀美村庄' },
    { name: 'a section heading', line: '坚持工业强区 产业转型持续加快' },
    { name: 'names without any role word', line: '张三 李四' },
    { name: 'a name with no role before a glued credit', line: '张三 王五摄' },
    { name: 'a sentence mentioning a reporter', line: '记者在现场看到，工人们正在忙碌。' },
    { name: 'a headline with 文 in it', line: '文化惠民 精彩纷呈' },
    { name: 'an empty line', line: '' },
  ])('is null for $name', ({ line }) => {
    expect(parseByline(line)).toBeNull()
  })
})

describe('parseTrailingByline', () => {
  it('takes the bracketed byline off the end of a paragraph', () => {
    expect(parseTrailingByline('銳意進取的安源人正在闊步前行。(文/尚健)')).toEqual({
      text: '銳意進取的安源人正在闊步前行。',
      byline: { authors: ['尚健'], photographers: [], defaultCredit: null, editors: [], publishedAt: null, outlet: null },
    })
  })

  it('leaves brackets that are not a byline', () => {
    expect(parseTrailingByline('省第二批绿色低碳试点县(市、区)')).toBeNull()
  })
})
