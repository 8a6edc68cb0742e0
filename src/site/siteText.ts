import type { SiteLocale } from './siteLocales'

import { toTraditional } from '../text/chineseConverters'

/** The reader site's own words in both scripts (story text comes from Payload's localized fields). */
export const siteText = {
  'zh-Hans': {
    siteName: '萍乡新闻',
    tagline: '萍乡市及各县区最新报道',
    latest: '最新报道',
    noStories: '暂无已发布的报道。',
    published: '发布时间',
    updated: '更新时间',
    authors: '作者',
    source: '来源',
    photos: '图片',
    notes: '更正与更新',
    home: '返回首页',
    scriptSwitch: '切换简繁',
    previewBanner: '预览：未发布的草稿，仅编辑部可见',
    stage: '流程阶段',
    awaitingPhoto: '待配图',
    notFoundTitle: '找不到这篇报道',
    notFoundText: '它可能尚未发布，或已被撤下。',
    search: '搜索',
    searchPlaceholder: '搜索报道，如：安源、煤矿',
    searchTitle: '搜索结果',
    searchCount: '找到 {n} 篇报道',
    searchNone: '没有找到相关报道，换个词试试。',
    searchPrompt: '输入要找的词，简体繁体都可以。',
    previousPage: '上一页',
    nextPage: '下一页',
  },
  'zh-Hant': {
    siteName: '萍鄉新聞',
    tagline: '萍鄉市及各縣區最新報道',
    latest: '最新報道',
    noStories: '暫無已發布的報道。',
    published: '發布時間',
    updated: '更新時間',
    authors: '作者',
    source: '來源',
    photos: '圖片',
    notes: '更正與更新',
    home: '返回首頁',
    scriptSwitch: '切換簡繁',
    previewBanner: '預覽：未發布的草稿，僅編輯部可見',
    stage: '流程階段',
    awaitingPhoto: '待配圖',
    notFoundTitle: '找不到這篇報道',
    notFoundText: '它可能尚未發布，或已被撤下。',
    search: '搜尋',
    searchPlaceholder: '搜尋報道，如：安源、煤礦',
    searchTitle: '搜尋結果',
    searchCount: '找到 {n} 篇報道',
    searchNone: '沒有找到相關報道，換個詞試試。',
    searchPrompt: '輸入要找的詞，簡體繁體都可以。',
    previousPage: '上一頁',
    nextPage: '下一頁',
  },
} satisfies Record<SiteLocale, Record<string, string>>

export type SiteText = (typeof siteText)[SiteLocale]

/**
 * Text stored once, in simplified script (district names are reference data, not localized
 * fields), shown in the reader's script: OpenCC, as the importer converts story text.
 */
export function showInScript(text: string, locale: SiteLocale): string {
  return locale === 'zh-Hant' ? toTraditional(text) : text
}
