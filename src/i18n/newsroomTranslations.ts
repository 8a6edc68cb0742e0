/**
 * The admin's own words beside Payload's (config.i18n.translations): custom keys under the
 * `newsroom` namespace, read with `t('newsroom:…')` (useTranslation in client components,
 * `i18n.t` in server components), and the few of Payload's own strings the newsroom words
 * differently. Each feature keeps its keys in its own block, so parallel work merges cleanly;
 * the importer warnings keep theirs in src/importWarnings/importWarningsTranslations.ts.
 */

type Words = Record<string, { zh: string; en: string }>

// Workflow panel, dashboard queues, the one clock.
const workflow = {
  stage: { zh: '流程阶段', en: 'Stage' },
  saveFirst: { zh: '保存稿件后可提交审核。', en: 'Save the story first to submit it for review.' },
  scheduledPublish: { zh: '定时发布：{{time}}', en: 'Publishes at {{time}}' },
  scheduledUnpublish: { zh: '定时撤稿：{{time}}', en: 'Comes down at {{time}}' },
  noActions: { zh: '当前没有您可执行的流程操作', en: 'Nothing in the workflow is yours to do now' },
  reason: { zh: '原因', en: 'Reason' },
  reasonRequired: { zh: '原因（必填）', en: 'Reason (required)' },
  publishAt: { zh: '发布时间（北京时间）', en: 'Publish at (Beijing time)' },
  unpublishAtOptional: { zh: '撤稿时间（北京时间，可选）', en: 'Take down at (Beijing time, optional)' },
  confirm: { zh: '确认{{action}}', en: 'Confirm: {{action}}' },
  failed: { zh: '操作失败（{{status}}）', en: 'Failed ({{status}})' },
  done: { zh: '已完成', en: 'Done' },
  movedTo: { zh: '稿件已进入“{{stage}}”阶段', en: 'The story is now: {{stage}}' },
} satisfies Words

const clock = {
  beijingTime: { zh: '北京时间', en: 'Beijing time' },
  atBeijingTime: { zh: '{{time}}（北京时间）', en: '{{time}} (Beijing time)' },
} satisfies Words

const queues = {
  myDrafts: { zh: '我的草稿', en: 'My drafts' },
  returned: { zh: '退回修改的稿件', en: 'Returned for changes' },
  inReview: { zh: '待审稿件', en: 'Waiting for review' },
  approved: { zh: '已审核，待发布', en: 'Approved, to publish' },
  scheduled: { zh: '定时发布', en: 'Scheduled' },
  empty: { zh: '暂无', en: 'None' },
  untitled: { zh: '(无标题)', en: '(untitled)' },
  publishesAt: { zh: '{{time}} 发布', en: 'publishes {{time}}' },
} satisfies Words

const photos = {
  allCaptions: { zh: '全部说明', en: 'All captions' },
  awaitingPhoto: { zh: '待配图', en: 'Awaiting a photo' },
  awaitingHint: { zh: '打开一条说明，在“图片”处选择已有图片或直接上传。', en: 'Open a caption and choose an existing photo or upload one under “Photo”.' },
  allHavePhotos: { zh: '所有说明都已配图。', en: 'Every caption has its photo.' },
  photoWithCaption: { zh: '图片及说明', en: 'Photo with caption' },
} satisfies Words

const brand = {
  cms: { zh: '内容管理系统', en: 'Content management' },
} satisfies Words

// Field validation messages shown beside the fields.
const validation = {
  slugFormat: { zh: '只能包含小写字母、数字和连字符', en: 'Lower-case letters, digits and hyphens only' },
  districtCode: { zh: '行政区划代码应为 6 位数字 (GB/T 2260)', en: 'A district code is 6 digits (GB/T 2260)' },
  fullUrl: { zh: '请输入完整的网址 (http://…)', en: 'Enter a full web address (http://…)' },
} satisfies Words

const blocks = { ...workflow, ...clock, ...queues, ...photos, ...brand, ...validation }

export type NewsroomKey = keyof typeof blocks
/** A `newsroom:` key, typed: Payload's `t` knows only its own keys. */
export const newsroomKey = (key: NewsroomKey) => `newsroom:${key}` as never

function inLanguage(language: 'zh' | 'en'): Record<NewsroomKey, string> {
  return Object.fromEntries(Object.entries(blocks).map(([key, words]) => [key, words[language]])) as Record<NewsroomKey, string>
}

/** Payload's own strings, worded for the newsroom (its zh has `Payload 设置` for the settings page). */
const payloadOverrides = {
  zh: { general: { payloadSettings: '系统设置' } },
  en: { general: { payloadSettings: 'Settings' } },
}

export const newsroomTranslations = {
  zh: { ...payloadOverrides.zh, newsroom: inLanguage('zh') },
  en: { ...payloadOverrides.en, newsroom: inLanguage('en') },
}
