import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../../src/importer/parse/extract/extractArticle'
import type { ParsedDocument } from '../../../src/importer/parse/parsedDocument'

const PARAGRAPH = '今年以来，该区坚持项目为王，新签约项目三十六个，其中亿元项目二十二个，经济运行稳中有进。'
const texts = (parsed: ParsedDocument, kind: 'paragraph' | 'heading' | 'caption') => parsed.items.filter((item) => item.kind === kind).map((item) => item.text)

describe('extractArticle: the headline', () => {
  it.each([
    {
      name: 'the line above the metadata block, not the site header',
      lines: ['某某网萍乡频道', '首页 > 新闻 > 正文', '某区召开项目推进会', '2022-10-28 12:55:23    来源:萍乡日报', PARAGRAPH],
      format: 'portal-page' as const,
      title: '某区召开项目推进会',
    },
    {
      name: 'a short headline right above the metadata, under a channel label',
      lines: ['焦点新闻', '萍乡', '时间:2009-11-13 14:15   来源:某某新闻网', PARAGRAPH],
      format: 'portal-page' as const,
      title: '萍乡',
    },
    {
      name: 'the two-line form (title and ——subtitle) over the combined page title',
      lines: ['山水之间——某某活动侧记', '山水之间', '——某某活动侧记', '某某日报特派记者王五', PARAGRAPH],
      format: 'plain' as const,
      title: '山水之间',
    },
    {
      name: 'the first line of plain text without metadata',
      lines: ['某市举办春季招聘会', '', PARAGRAPH],
      format: 'plain' as const,
      title: '某市举办春季招聘会',
    },
    {
      name: 'the line over the body, not the masthead, on a page with a breadcrumb and no metadata',
      lines: ['某某新闻网', '首页 > 本地新闻', '某县召开安全生产会议', PARAGRAPH],
      format: 'plain' as const,
      title: '某县召开安全生产会议',
    },
    {
      name: 'not a channel name alone',
      lines: ['某某网某市频道', PARAGRAPH],
      format: 'plain' as const,
      title: null,
    },
    {
      name: 'nothing when the page opens with body text',
      lines: [PARAGRAPH, PARAGRAPH],
      format: 'plain' as const,
      title: null,
    },
    {
      name: 'nothing when only a column label in brackets stands above the byline',
      lines: ['【我在现场】', '某某日报记者 王五', PARAGRAPH],
      format: 'print-layout' as const,
      title: null,
    },
    {
      name: 'nothing in a photo essay of short verse lines',
      lines: ['小城有座桥', '桥下有条河', '河边种垂柳', '柳下是人家', '人家炊烟起', '烟起又一年', '如今', PARAGRAPH],
      format: 'plain' as const,
      title: null,
    },
  ])('is $name', ({ lines, format, title }) => {
    expect(extractArticle(lines.join('\n'), format).title).toBe(title)
  })
})

describe('extractArticle: metadata', () => {
  it('prefers the original (本文转自) over the aggregator (来源), and reads a glued byline', () => {
    const parsed = extractArticle(['某地故事', '类别:情感 发布时间:2023-12-26 08:03:00 来源:某某快看', '本文转自:某某日报', '本报记者王小明', PARAGRAPH].join('\n'), 'portal-page')
    expect(parsed).toMatchObject({ title: '某地故事', source: '某某日报', originalPublishedAt: '2023-12-26T08:03:00+08:00', authors: ['王小明'] })
  })

  it('never takes an editor for an author', () => {
    const parsed = extractArticle(['某某会议召开', '發布時間:2021-06-22 11:24 來源:某某報 編輯:楊倩', PARAGRAPH, '(编辑:李四)'].join('\n'), 'portal-page')
    expect(parsed.authors).toEqual([])
  })

  it('ignores the e-paper reader\'s "today" (a date followed by a weekday)', () => {
    const parsed = extractArticle(['电子报', '2026-01-31', '星期六', '当前报纸名称:某某日报', '某某新篇章', '日期:07-29', PARAGRAPH].join('\n'), 'portal-page')
    expect(parsed).toMatchObject({ title: '某某新篇章', originalPublishedAt: null, source: '某某日报' })
  })

  it('reads a print marker at the end for source and date', () => {
    const parsed = extractArticle(['某某日报记者 王五', PARAGRAPH, '《某某日报》(2025年03月12日 01版)'].join('\n'), 'print-layout')
    expect(parsed).toMatchObject({ source: '某某日报', originalPublishedAt: '2025-03-12T00:00:00+08:00', authors: ['王五'] })
  })

  it('splits names run together in a byline when a caption credit shows the split', () => {
    const parsed = extractArticle(['某某网北京10月13日电(记者张军路弘)' + PARAGRAPH, '某市的夜景。某某网记者张军 摄', PARAGRAPH].join('\n'), 'plain')
    expect(parsed.authors).toEqual(['张军', '路弘'])
    expect(parsed.photographers).toEqual(['张军'])
  })
})

describe('extractArticle: a county government page', () => {
  const page = [
    '网站首页 | 新闻中心 | 政务公开 | 办事服务',
    '当前位置：首页 > 新闻中心 > 县区动态',
    '某县举办秋季农民丰收节',
    '发布日期：2023/9/23  来源：本站  作者：融媒体中心  浏览次数：  【字体：大 中 小】',
    '　　9月23日，某县2023年农民丰收节在某镇举行，来自全县的农民代表欢聚一堂，共庆丰收。',
    '▲丰收节现场。(孙七摄 某某社通联照片)',
    '　　据了解，今年全县粮食总产量预计比去年增长3%。',
    '责任编辑：王五',
    '【打印本页】【关闭窗口】',
    '主办单位：某县人民政府  承办单位：某县融媒体中心',
    '联系电话：0799-7123456  赣ICP备05001234号',
  ].join('\n')

  it('reads the headline, the date, no source for 本站, no author for an organisation, and the credited caption', () => {
    const parsed = extractArticle(page, 'portal-page')
    expect(parsed).toMatchObject({ title: '某县举办秋季农民丰收节', originalPublishedAt: '2023-09-23T00:00:00+08:00', source: null, authors: [], photographers: ['孙七'] })
    expect(texts(parsed, 'caption')).toEqual(['丰收节现场。'])
    expect(texts(parsed, 'paragraph')).toHaveLength(2)
    expect(parsed.dropped!.map((line) => line.line)).toEqual([1, 2, 4, 8, 9, 10, 11])
  })
})

describe('extractArticle: body lines', () => {
  it('keeps every dropped line with its reason', () => {
    const parsed = extractArticle(['首页 > 新闻 > 正文', '某区召开推进会', '来源:萍乡日报', PARAGRAPH, '分享到:'].join('\n'), 'portal-page')
    expect(parsed.dropped).toEqual([
      { line: 1, text: '首页 > 新闻 > 正文', reason: 'page chrome: chrome words' },
      { line: 3, text: '来源:萍乡日报', reason: 'metadata' },
      { line: 5, text: '分享到:', reason: 'page chrome: chrome words' },
    ])
  })

  it.each([
    { name: 'an arrow-marked line', lines: [PARAGRAPH, '▲新建的村史陈列馆林涛摄', PARAGRAPH], captions: ['新建的村史陈列馆'], headings: [] },
    { name: 'a gallery of labels ending in a credit', lines: [PARAGRAPH, '河畔晨光', '古街新貌', '夜色中的大桥 何平摄', PARAGRAPH], captions: ['河畔晨光', '古街新貌', '夜色中的大桥'], headings: [] },
    { name: 'a short sentence between two credited captions', lines: [PARAGRAPH, '油菜花田。许明/摄', '田间晨雾。', '村口老樟树。许明/摄', PARAGRAPH], captions: ['油菜花田。', '田间晨雾。', '村口老樟树。'], headings: [] },
    { name: 'a paragraph credited on the next line', lines: ['河道边堆起建筑垃圾', '5月2日，记者在河道边看到一堆建筑垃圾，附近居民希望尽快清运。', '某某日报全媒体记者/高远 摄'], captions: ['5月2日，记者在河道边看到一堆建筑垃圾，附近居民希望尽快清运。'], headings: [] },
    { name: 'a label above a paragraph (a heading, near miss of a caption)', lines: [PARAGRAPH, '项目建设提速增效', PARAGRAPH], captions: [], headings: ['项目建设提速增效'] },
    { name: 'numbered headings one above the other', lines: [PARAGRAPH, '一、基本情况介绍', '(一)加工厂简介', PARAGRAPH], captions: [], headings: ['一、基本情况介绍', '(一)加工厂简介'] },
    { name: 'a heading split over two lines', lines: [PARAGRAPH, '乡村振兴的新路径:', '从种养大户到合作社', PARAGRAPH], captions: [], headings: ['乡村振兴的新路径:从种养大户到合作社'] },
    { name: 'a list of short lines (text, not captions)', lines: [PARAGRAPH, '东城区(东门街道)', '西山县(西山镇)', '南湖县(湖滨镇)', '鍥介檯鏂伴椈缍插彂甯冨湴鍧€锛氭睙瑗跨渷钀嶄埂'], captions: [], headings: [] },
    { name: 'a lead sentence (not a heading)', lines: ['春风十里，花开满城。', PARAGRAPH], captions: [], headings: [] },
  ])('reads $name', ({ lines, captions, headings }) => {
    const parsed = extractArticle(lines.join('\n'), 'plain')
    expect(texts(parsed, 'caption')).toEqual(captions)
    expect(texts(parsed, 'heading')).toEqual(headings)
  })

  it('leaves the last paragraph a paragraph when a 摄影： line credits the whole article (near miss of a credit under a photo)', () => {
    const parsed = extractArticle(['某区召开推进会', PARAGRAPH, '会议要求各部门强化责任担当。', '摄影：王五'].join('\n'), 'plain')
    expect(texts(parsed, 'caption')).toEqual([])
    expect(parsed.photographers).toEqual(['王五'])
  })

  it('cuts a run-on line into paragraphs and its inline heading', () => {
    const parsed = extractArticle(['某某新篇章', `${PARAGRAPH} 项目建设提速增效 ${PARAGRAPH}  ${PARAGRAPH}`].join('\n'), 'plain')
    expect(texts(parsed, 'heading')).toEqual(['项目建设提速增效'])
    expect(texts(parsed, 'paragraph')).toHaveLength(3)
  })

  it('reads a photo set whose text is its captions', () => {
    const parsed = extractArticle(['9月20日，茶农在采摘秋茶。当日是开园日。', '9月20日，一名茶农在挑拣茶叶。某某社发(周新 摄)', '9月20日，茶农在搬运茶筐。某某社发(周新 摄)'].join('\n'), 'plain')
    expect(texts(parsed, 'caption')).toEqual(['9月20日，茶农在采摘秋茶。当日是开园日。', '9月20日，一名茶农在挑拣茶叶。', '9月20日，茶农在搬运茶筐。'])
    expect(parsed).toMatchObject({ photographers: ['周新'], source: '某某社' })
  })
})
