import type { Role } from '../roles'

import { WARNING_KINDS } from '../importer/validate/schema'

/** Every kind of warning stored on an article: the importer's, and the note a re-import adds (src/importer/store/storeImportedArticle.ts). */
export const STORED_WARNING_KINDS = [...WARNING_KINDS, 'editor-edits-kept'] as const
export type StoredWarningKind = (typeof STORED_WARNING_KINDS)[number]

/**
 * The kinds that stop a story from going live until someone deals with them: readers would see
 * garbled characters, a paragraph cut off where a page broke, or a story without its headline.
 */
export const SERIOUS_WARNING_KINDS: readonly StoredWarningKind[] = ['mojibake', 'lost-text', 'missing-title']

export const warningKindLabels: Record<StoredWarningKind, { zh: string; en: string }> = {
  mojibake: { zh: '乱码', en: 'Garbled text' },
  'lost-text': { zh: '分页处丢失文字', en: 'Text lost at a break' },
  'missing-title': { zh: '缺少标题', en: 'Missing title' },
  elision: { zh: '原文有删节', en: 'Text left out in the source' },
  'headline-deck': { zh: '标题上方的文字未导入', en: 'Lines above the headline dropped' },
  'chrome-removed': { zh: '删去了网页杂项', en: 'Page chrome removed' },
  'pinyin-removed': { zh: '删去了拼音注音', en: 'Pinyin annotations removed' },
  'paragraph-rejoined': { zh: '合并了被截断的段落', en: 'Paragraph rejoined' },
  'summary-duplicate': { zh: '摘要与正文重复', en: 'Summary repeats the body' },
  'line-dropped': { zh: '删去了一行', en: 'Line dropped' },
  'editor-edits-kept': { zh: '保留了编辑的修改', en: 'Editor’s edits kept' },
}

export const WARNING_SEVERITIES = ['warning', 'info'] as const
export const warningSeverityLabels: Record<(typeof WARNING_SEVERITIES)[number], { zh: string; en: string }> = {
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Note' },
}

export const WARNING_RESOLUTIONS = ['resolved', 'overridden'] as const
export type WarningResolution = (typeof WARNING_RESOLUTIONS)[number]
export const warningResolutionLabels: Record<WarningResolution, { zh: string; en: string }> = {
  resolved: { zh: '已处理', en: 'Resolved' },
  overridden: { zh: '总编辑越过', en: 'Overridden by the chief editor' },
}

export function isSeriousWarningKind(kind: unknown): boolean {
  return (SERIOUS_WARNING_KINDS as readonly unknown[]).includes(kind)
}

/** Who may publish over unresolved serious warnings, with a reason: the chief editor (and the system administrator, who may do everything the workflow allows). */
export const WARNING_OVERRIDE_ROLES: readonly Role[] = ['chief-editor', 'admin']
