import {
  STORED_WARNING_KINDS,
  WARNING_RESOLUTIONS,
  WARNING_SEVERITIES,
  warningKindLabels,
  warningResolutionLabels,
  warningSeverityLabels,
} from './importWarningKinds'

type Language = 'zh' | 'en'

/** What each kind means, for the newsroom: shown where the importer's own message has no translation. */
const KIND_DESCRIPTIONS: Record<(typeof STORED_WARNING_KINDS)[number], { zh: string; en: string }> = {
  mojibake: { zh: '有乱码（上游解码错误？）', en: 'garbled characters (a wrong decoding upstream?)' },
  'lost-text': { zh: '分页处可能丢了文字', en: 'text may have been lost at a page break' },
  'missing-title': { zh: '原文中找不到标题，须由编辑撰写', en: 'no headline found in the text: an editor must write the title' },
  elision: { zh: '原文在此处有删节或被截断', en: 'the source left text out here' },
  'headline-deck': { zh: '标题上方的几行（眉题或栏目名？）未导入', en: 'headline lines above the title were not imported' },
  'chrome-removed': { zh: '删去了网页上的非正文内容', en: 'page chrome was removed' },
  'pinyin-removed': { zh: '删去了字后的拼音注音', en: 'pinyin annotations printed after characters were removed' },
  'paragraph-rejoined': { zh: '合并了被换行或图片说明截断的段落', en: 'a paragraph cut by a line break or caption was rejoined' },
  'summary-duplicate': { zh: '摘要与正文某段开头重复', en: 'the summary repeats the start of a paragraph' },
  'line-dropped': { zh: '删去了一行（署名、编辑或图片署名等）', en: 'a line was not imported (a byline, editor line or credit)' },
  'editor-edits-kept': { zh: '源文件已更新；编辑修改过的字段保持不变', en: 'the source changed; fields an editor had edited were kept' },
}

function table<K extends string>(keys: readonly K[], prefix: string, labels: Record<K, { zh: string; en: string }>, language: Language) {
  return Object.fromEntries(keys.map((key) => [`${prefix}-${key}`, labels[key][language]]))
}

function translationsIn(language: Language) {
  const zh = language === 'zh'
  return {
    ...table(STORED_WARNING_KINDS, 'kind', warningKindLabels, language),
    ...table(STORED_WARNING_KINDS, 'describe', KIND_DESCRIPTIONS, language),
    ...table(WARNING_SEVERITIES, 'severity', warningSeverityLabels, language),
    ...table(WARNING_RESOLUTIONS, 'resolution', warningResolutionLabels, language),
    title: zh ? '导入警告' : 'Importer warnings',
    open: zh ? '{{count}} 条待处理' : '{{count}} open',
    openBlocking: zh ? '{{count}} 条待处理；其中 {{blocking}} 条须处理后才能发布' : '{{count}} open; {{blocking}} of them must be dealt with before publishing',
    notes: zh ? '另有 {{count}} 条提示' : '{{count}} more notes',
    allDealtWith: zh ? '全部已处理' : 'All dealt with',
    blocks: zh ? '阻止发布' : 'Blocks publishing',
    inParagraph: zh ? '正文第 {{n}} 段' : 'paragraph {{n}}',
    atLine: zh ? '源文件第 {{n}} 行' : 'source line {{n}}',
    resolve: zh ? '标记为已处理' : 'Mark resolved',
    notePlaceholder: zh ? '处理说明（可不填）' : 'Note (optional)',
    resolvedBy: zh ? '{{resolution}}：{{by}}，{{at}}' : '{{resolution}}: {{by}}, {{at}}',
    resolvedByWithNote: zh ? '{{resolution}}：{{by}}，{{at}}（{{note}}）' : '{{resolution}}: {{by}}, {{at}} ({{note}})',
    overrideTitle: zh ? '越过警告发布' : 'Publish over the warnings',
    overrideReason: zh ? '越过的理由（必填，记入流程记录）' : 'Reason (required, kept in the audit trail)',
    overrideSubmit: zh ? '越过警告并发布' : 'Override and publish',
    failed: zh ? '操作失败' : 'Failed',
    'message-mojibake': zh ? '{{where}}中有乱码（上游解码错误？）' : 'garbled characters in the {{where}} (a wrong decoding upstream?)',
    'where-title': zh ? '标题' : 'title',
    'where-subtitle': zh ? '副标题' : 'subtitle',
    'where-summary': zh ? '摘要' : 'summary',
    'where-paragraph': zh ? '正文段落' : 'paragraph',
    'message-lost-end': zh ? '段落在句中结束，后文缺失（分页处丢了文字？）' : 'paragraph ends mid-sentence and nothing continues it (text lost at a break?)',
    'message-lost-start': zh ? '段落从句中开始，开头缺失（分页处丢了文字？）' : 'paragraph starts mid-sentence (its beginning was lost at a break?)',
    dashboardTitle: zh ? '导入有问题的稿件' : 'Imported stories with problems',
    dashboardEmpty: zh ? '暂无' : 'None',
    untitled: zh ? '(无标题)' : '(untitled)',
  }
}

/** The admin's custom translations for importer warnings (config.i18n.translations, namespace `importWarnings`). */
export const importWarningsTranslations = {
  zh: { importWarnings: translationsIn('zh') },
  en: { importWarnings: translationsIn('en') },
}

export type ImportWarningsTranslationKey = `importWarnings:${keyof ReturnType<typeof translationsIn>}`

/** The importer's English messages that have a translation of their own; the others are described by their kind. */
export function messageTranslation(message: string | null | undefined): { key: ImportWarningsTranslationKey; where?: string } | null {
  if (!message) return null
  const garbled = /^garbled characters in the (title|subtitle|summary|paragraph)\b/.exec(message)
  if (garbled) return { key: 'importWarnings:message-mojibake', where: garbled[1] }
  if (message.startsWith('paragraph ends mid-sentence')) return { key: 'importWarnings:message-lost-end' }
  if (message.startsWith('paragraph starts mid-sentence')) return { key: 'importWarnings:message-lost-start' }
  return null
}
