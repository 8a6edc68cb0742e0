import { APIError } from 'payload'

type Details = Record<string, string | undefined>

/** Every refusal of the workflow: its HTTP status and its message for the newsroom (中文). */
const WORKFLOW_ERRORS = {
  'sign-in-required': { status: 401, message: () => '请先登录' },
  'unknown-action': { status: 400, message: (d: Details) => `action: 未知的操作“${d.action}”` },
  'transition-refused': { status: 403, message: (d: Details) => d.reason ?? '不能进行此操作' },
  'comment-required': { status: 400, message: (d: Details) => `comment: ${d.action}须填写原因` },
  'invalid-time': { status: 400, message: (d: Details) => `${d.field}: 不是有效的时间（ISO 8601，如 2026-12-01T08:00:00+08:00）` },
  'time-not-future': { status: 400, message: (d: Details) => `${d.field}: 时间须在将来` },
  'publish-time-required': { status: 400, message: () => 'publishAt: 定时发布须指定发布时间' },
  'unpublish-before-publish': { status: 400, message: () => 'unpublishAt: 撤稿时间须晚于发布时间' },
  'publish-refused': { status: 403, message: (d: Details) => `不能发布：${d.reason}` },
  'unpublish-refused': { status: 403, message: (d: Details) => `不能撤稿：${d.reason}` },
  'unpublish-needs-transition': {
    status: 400,
    message: () =>
      '撤稿须填写原因：请使用稿件页的“撤稿”操作（POST /api/articles/:id/transition）；若只是修改已发布的稿件，请保存为草稿（draft=true）或发布修改（_status: published）',
  },
  'live-change-without-user': {
    status: 403,
    message: () => '已发布的内容只能由总编辑或系统管理员发布或撤下（须以用户身份操作，并记入流程记录）',
  },
  'transition-mismatch': {
    status: 409,
    message: (d: Details) => `稿件状态已改变，操作“${d.action}”未保存（这次保存会造成：${d.change}）。请刷新后重试。`,
  },
  'live-caption-refused': {
    status: 403,
    message: (d: Details) => `不能修改已发布稿件的图片说明：${d.reason}。请由总编辑修改，或先撤稿。`,
  },
  'live-photo-refused': {
    status: 403,
    message: (d: Details) => `不能修改已发布稿件正在使用的图片：${d.reason}。请由总编辑修改，或上传新图片。`,
  },
  'editor-notes-as-draft-only': {
    status: 403,
    message: () => '编辑只能以草稿形式为已发布的稿件添加更正或更新说明（draft=true），由总编辑发布',
  },
  'editor-notes-only': { status: 403, message: (d: Details) => `${d.field}: 已发布的稿件，编辑只能添加更正或更新说明；其他修改请交总编辑` },
  'unresolved-import-warnings': {
    status: 409,
    message: (d: Details) => `不能发布：导入警告尚未处理——${d.warnings}。请修正后逐条标记为已处理，或由总编辑填写理由后越过警告发布。`,
  },
  'warnings-override-refused': { status: 403, message: (d: Details) => `${d.role ?? '您'}不能越过导入警告；只有总编辑可以（须填写理由）` },
  'warnings-override-reason-required': { status: 400, message: () => 'overrideWarnings.reason: 越过导入警告须填写理由' },
  'import-warning-not-found': { status: 404, message: (d: Details) => `稿件没有编号为 ${d.warning} 的导入警告` },
  'import-warning-resolve-refused': { status: 403, message: (d: Details) => `不能处理这篇稿件的导入警告：${d.reason}` },
  'notes-append-only': { status: 403, message: (d: Details) => `${d.field}: 已有的更正或更新说明不能修改或删除，只能添加新的说明` },
} as const satisfies Record<string, { status: number; message: (details: Details) => string }>

export type WorkflowErrorCode = keyof typeof WORKFLOW_ERRORS

/**
 * The one error the workflow throws: a code (in the response as `errors[0].data.code`), its HTTP
 * status and a message for the newsroom. Tests and clients check the code, not the wording.
 */
export class WorkflowError extends APIError<{ code: WorkflowErrorCode }> {
  readonly code: WorkflowErrorCode

  constructor(code: WorkflowErrorCode, details: Details = {}) {
    const { status, message } = WORKFLOW_ERRORS[code]
    super(message(details), status, { code }, true)
    this.name = 'WorkflowError'
    this.code = code
  }
}

export function isWorkflowError(error: unknown, code?: WorkflowErrorCode): error is WorkflowError {
  return error instanceof WorkflowError && (code === undefined || error.code === code)
}
