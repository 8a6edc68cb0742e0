import { APIError } from 'payload'

import { findTransition } from './transitions'

type Details = Record<string, string | undefined>
type Language = 'zh' | 'en'
type Message = (details: Details) => string

/** The request fields a refusal can name, as the newsroom calls them (the field's key goes in `data.field`). */
const FIELD_NAMES: Record<string, Record<Language, string>> = {
  comment: { zh: '原因', en: 'reason' },
  publishAt: { zh: '发布时间', en: 'publish time' },
  unpublishAt: { zh: '撤稿时间', en: 'take-down time' },
  action: { zh: '操作', en: 'action' },
}
const fieldName = (field: string | undefined, language: Language) => (field && FIELD_NAMES[field]?.[language]) ?? field ?? ''
/** What a save would do to the live story (publishing/classifyArticleSave.ts), in words. */
const CHANGE_NAMES: Record<string, Record<Language, string>> = {
  none: { zh: '不改变已发布内容', en: 'no change to the live story' },
  publish: { zh: '发布', en: 'publishing it' },
  'live-edit': { zh: '修改已发布的稿件', en: 'a change to the live story' },
  unpublish: { zh: '撤稿', en: 'taking it down' },
}
const changeName = (change: string | undefined, language: Language) => (change && CHANGE_NAMES[change]?.[language]) ?? change ?? ''
/** A transition's label in the language, from its action (src/workflow/transitions.ts). */
const actionName = (action: string | undefined, language: Language) => (action && findTransition(action)?.label[language]) ?? action ?? ''

/**
 * Every refusal of the workflow: its HTTP status and its message in each of the admin's languages.
 * The message names things as the newsroom does (no field keys: those are in `data.field`); the
 * server answers in the request's language (src/i18n/localizeErrors.ts). Details that are already
 * words (`reason`) come in Chinese, with their English in `reasonEn` where there is one.
 */
const WORKFLOW_ERRORS = {
  'sign-in-required': { status: 401, zh: () => '请先登录', en: () => 'Please sign in first' },
  'unknown-action': { status: 400, field: 'action', zh: (d) => `未知的操作“${d.action}”`, en: (d) => `Unknown action “${d.action}”` },
  'transition-refused': { status: 403, zh: (d) => d.reason ?? '不能进行此操作', en: (d) => d.reasonEn ?? 'You may not do this' },
  'comment-required': { status: 400, field: 'comment', zh: (d) => `${actionName(d.action, 'zh')}须填写原因`, en: (d) => `${actionName(d.action, 'en')} needs a reason` },
  'invalid-time': {
    status: 400,
    zh: (d) => `${fieldName(d.field, 'zh')}不是有效的时间（如 2026-12-01 08:00 北京时间）`,
    en: (d) => `The ${fieldName(d.field, 'en')} is not a valid time (such as 2026-12-01 08:00 Beijing time)`,
  },
  'time-not-future': { status: 400, zh: (d) => `${fieldName(d.field, 'zh')}须在将来`, en: (d) => `The ${fieldName(d.field, 'en')} must be in the future` },
  'publish-time-required': { status: 400, field: 'publishAt', zh: () => '定时发布须指定发布时间', en: () => 'Scheduling needs a publish time' },
  'unpublish-before-publish': { status: 400, field: 'unpublishAt', zh: () => '撤稿时间须晚于发布时间', en: () => 'The take-down time must be after the publish time' },
  'publish-refused': { status: 403, zh: (d) => `不能发布：${d.reason}`, en: (d) => `Cannot publish: ${d.reasonEn ?? 'not allowed for you'}` },
  'unpublish-refused': { status: 403, zh: (d) => `不能撤稿：${d.reason}`, en: (d) => `Cannot unpublish: ${d.reasonEn ?? 'not allowed for you'}` },
  'unpublish-needs-transition': {
    status: 400,
    zh: () =>
      '撤稿须填写原因：请使用稿件页的“撤稿”操作（POST /api/articles/:id/transition）；若只是修改已发布的稿件，请保存为草稿（draft=true）或发布修改（_status: published）',
    en: () =>
      'Unpublishing needs a reason: use the story’s “Unpublish” action (POST /api/articles/:id/transition); to change a live story, save a draft (draft=true) or publish the changes (_status: published)',
  },
  'live-change-without-user': {
    status: 403,
    zh: () => '已发布的内容只能由总编辑或系统管理员发布或撤下（须以用户身份操作，并记入流程记录）',
    en: () => 'Only a chief editor or an administrator, signed in, may publish or take down live content (it is audited)',
  },
  'transition-mismatch': {
    status: 409,
    zh: (d) => `稿件状态已改变，操作“${actionName(d.action, 'zh')}”未保存（这次保存会造成：${changeName(d.change, 'zh')}）。请刷新后重试。`,
    en: (d) => `The story changed meanwhile; “${actionName(d.action, 'en')}” was not saved (this save would have meant ${changeName(d.change, 'en')}). Reload and try again.`,
  },
  'live-caption-refused': {
    status: 403,
    zh: (d) => `不能修改已发布稿件的图片说明：${d.reason}。请由总编辑修改，或先撤稿。`,
    en: (d) => `Cannot change a caption of a live story: ${d.reasonEn ?? 'not allowed for you'}. A chief editor may, or unpublish the story first.`,
  },
  'live-photo-refused': {
    status: 403,
    zh: (d) => `不能修改已发布稿件正在使用的图片：${d.reason}。请由总编辑修改，或上传新图片。`,
    en: (d) => `Cannot change a photo a live story shows: ${d.reasonEn ?? 'not allowed for you'}. A chief editor may, or upload a new photo.`,
  },
  'editor-notes-as-draft-only': {
    status: 403,
    zh: () => '编辑只能以草稿形式为已发布的稿件添加更正或更新说明（draft=true），由总编辑发布',
    en: () => 'Editors add corrections or update notes to a live story as a draft (draft=true); a chief editor publishes them',
  },
  'editor-notes-only': {
    status: 403,
    zh: () => '已发布的稿件，编辑只能添加更正或更新说明；其他修改请交总编辑',
    en: () => 'On a live story editors may only add corrections or update notes; other changes go to a chief editor',
  },
  'unresolved-import-warnings': {
    status: 409,
    zh: (d) => `不能发布：导入警告尚未处理——${d.warnings}。请修正后逐条标记为已处理，或由总编辑填写理由后越过警告发布。`,
    en: (d) => `Cannot publish: importer warnings not dealt with${d.warningsEn ? ` (${d.warningsEn})` : ''}. Fix them and mark each resolved, or a chief editor publishes over them with a reason.`,
  },
  'warnings-override-refused': {
    status: 403,
    zh: (d) => `${d.role ?? '您'}不能越过导入警告；只有总编辑可以（须填写理由）`,
    en: () => 'Only a chief editor may publish over importer warnings (with a reason)',
  },
  'warnings-override-reason-required': { status: 400, field: 'overrideWarnings.reason', zh: () => '越过导入警告须填写理由', en: () => 'Publishing over importer warnings needs a reason' },
  'import-warning-not-found': { status: 404, zh: (d) => `稿件没有编号为 ${d.warning} 的导入警告`, en: (d) => `The story has no importer warning ${d.warning}` },
  'import-warning-resolve-refused': {
    status: 403,
    zh: (d) => `不能处理这篇稿件的导入警告：${d.reason}`,
    en: (d) => `Cannot deal with this story’s importer warnings: ${d.reasonEn ?? 'you may not edit it'}`,
  },
  'stale-save': {
    status: 409,
    zh: (d) => `稿件已在 ${d.savedAt} 被他人修改，您的修改基于 ${d.basedOn} 的版本，未保存。请刷新后重新修改。`,
    en: (d) => `Someone else saved the story at ${d.savedAt}; your changes were based on the version of ${d.basedOn} and were not saved. Reload and make them again.`,
  },
  'delete-audited': {
    status: 409,
    zh: (d) => `这篇稿件有 ${d.events} 条流程记录，不能删除（流程记录不可更改）。如需下线，请撤稿。`,
    en: (d) => `This story has ${d.events} audit trail entries and cannot be deleted (the trail is never changed). To take it off the site, unpublish it.`,
  },
  'notes-append-only': {
    status: 403,
    zh: () => '已有的更正或更新说明不能修改或删除，只能添加新的说明',
    en: () => 'Corrections and update notes already there cannot be changed or removed; add a new one',
  },
} as const satisfies Record<string, { status: number; field?: string; zh: Message; en: Message }>

export type WorkflowErrorCode = keyof typeof WORKFLOW_ERRORS

/**
 * The one error the workflow throws: a code (in the response as `errors[0].data.code`, with the
 * request field it is about as `data.field`), its HTTP status and a message for the newsroom, in
 * Chinese until the response is localized. Tests and clients check the code, not the wording.
 */
export class WorkflowError extends APIError<{ code: WorkflowErrorCode; field?: string }> {
  readonly code: WorkflowErrorCode
  readonly details: Details

  constructor(code: WorkflowErrorCode, details: Details = {}) {
    const entry: { status: number; field?: string; zh: Message } = WORKFLOW_ERRORS[code]
    const field = entry.field ?? details.field
    super(entry.zh(details), entry.status, field ? { code, field } : { code }, true)
    this.name = 'WorkflowError'
    this.code = code
    this.details = details
  }

  /** The message in one of the admin's languages. */
  messageIn(language: string): string {
    const entry: { zh: Message; en: Message } = WORKFLOW_ERRORS[this.code]
    return (language === 'en' ? entry.en : entry.zh)(this.details)
  }
}

export function isWorkflowError(error: unknown, code?: WorkflowErrorCode): error is WorkflowError {
  return error instanceof WorkflowError && (code === undefined || error.code === code)
}
