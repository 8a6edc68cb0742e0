import { describe, expect, it } from 'vitest'
import { parsePortalPage, splitBreadcrumb } from '../../src/importer/parse/parsePortalPage'
import { isPortalMetaLine, parsePortalMetaLine } from '../../src/importer/parse/parsePortalMetaLine'

describe('isPortalMetaLine', () => {
  it.each([
    { line: '2020-11-27 15:34| 發布者: admin| 評論: 0|來自: 中國網', expected: true },
    { line: '发布时间：2023-04-12 09:30  来源：芦溪县融媒体中心  作者：王小明', expected: true },
    { line: '2020-11-27 15:34 安源区', expected: false },
    { line: '来源：芦溪县融媒体中心  作者：王小明', expected: false },
  ])('"$line" → $expected', ({ line, expected }) => {
    expect(isPortalMetaLine(line)).toBe(expected)
  })
})

describe('parsePortalMetaLine', () => {
  it('reads date, source and author; the uploader account is not an author', () => {
    expect(parsePortalMetaLine('2020-11-27 15:34| 發布者: admin| 評論: 0|來自: 中國網')).toEqual({ originalPublishedAt: '2020-11-27T15:34:00+08:00', source: '中國網', authors: [] })
    expect(parsePortalMetaLine('发布时间：2023-04-12 来源：芦溪县融媒体中心 作者：王小明')).toEqual({ originalPublishedAt: '2023-04-12T00:00:00+08:00', source: '芦溪县融媒体中心', authors: ['王小明'] })
  })
})

describe('splitBreadcrumb', () => {
  it('splits on spaces, arrows and dashes', () => {
    expect(splitBreadcrumb('萍鄉城事網—萍鄉最具影響力門戶網站 門戶 城事資訊 安源區政府 查看內容')).toEqual(['萍鄉城事網', '萍鄉最具影響力門戶網站', '門戶', '城事資訊', '安源區政府', '查看內容'])
    expect(splitBreadcrumb('芦溪县人民政府 > 首页 > 新闻中心')).toEqual(['芦溪县人民政府', '首页', '新闻中心'])
  })
})

describe('parsePortalPage', () => {
  const page = [
    '上栗县新闻网 首页 > 乡镇新闻',
    '',
    '福田镇新建村级文化广场',
    '2023-05-06 10:00 | 来源：上栗县融媒体中心 | 浏览：88',
    '摘要：福田镇新建村级文化广场。',
    '　　福田镇新建村级文化广场，为村民提供休闲场所。',
    '　　广场投入使用后，每天傍晚都有村民在这里跳舞。',
    '点赞',
    '收藏',
    '本文已被转载到多个平台请注意',
  ].join('\n')

  it('reads title, metadata, summary and body, and drops the buttons under it', () => {
    const parsed = parsePortalPage(page)
    expect(parsed).toMatchObject({
      title: '福田镇新建村级文化广场',
      originalPublishedAt: '2023-05-06T10:00:00+08:00',
      source: '上栗县融媒体中心',
      summary: '福田镇新建村级文化广场。',
      placeHints: ['上栗县新闻网'],
    })
    expect(parsed.items.map((item) => item.text)).toEqual(['福田镇新建村级文化广场，为村民提供休闲场所。', '广场投入使用后，每天傍晚都有村民在这里跳舞。'])
  })

  it('reports a dropped line that is longer than a button', () => {
    expect(parsePortalPage(page).warnings).toEqual([
      { kind: 'chrome-removed', severity: 'warning', message: 'dropped a line under the article as page chrome', snippet: '本文已被转载到多个平台请注意', line: 10 },
    ])
  })
})
