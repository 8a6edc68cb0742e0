import { describe, expect, it } from 'vitest'

import { newsroomTranslations } from '../../src/i18n/newsroomTranslations'
import { importWarningsTranslations } from '../../src/importWarnings/importWarningsTranslations'
import { explainRefusal } from '../../src/workflow/transitions'
import { WorkflowError, type WorkflowErrorCode } from '../../src/workflow/workflowError'

const HAN = /\p{Script=Han}/u
/** An English word or a field key (`comment:`, `publishAt`) in a Chinese sentence; GB/T 2260 and the API's own words aside. */
const LATIN_WORD = /(?<![\w/])(?!GB|POST|api|articles|id|transition|draft|true|published|_status)[A-Za-z]{2,}/

/** Every custom translation, as [namespace:key, zh, en]. */
function customTranslations(): [string, string, string][] {
  const rows: [string, string, string][] = []
  for (const source of [newsroomTranslations, importWarningsTranslations]) {
    for (const [namespace, zhWords] of Object.entries(source.zh)) {
      const enWords = (source.en as Record<string, Record<string, string>>)[namespace]!
      for (const [key, zh] of Object.entries(zhWords as Record<string, string>)) rows.push([`${namespace}:${key}`, zh, enWords[key]!])
    }
  }
  return rows
}

/** One language at a time: each custom string exists in both languages, and each speaks only its own. */
describe('the admin’s own words', () => {
  it.each(customTranslations())('%s has Chinese and English', (key, zh, en) => {
    expect(zh, key).toBeTruthy()
    expect(en, key).toBeTruthy()
    expect(en, `${key} in English has Chinese: ${en}`).not.toMatch(HAN)
  })

  it('Payload’s settings page is not “Payload 设置”', () => {
    expect(newsroomTranslations.zh.general.payloadSettings).toBe('系统设置')
  })

  const details = { action: 'request-changes', field: 'publishAt', reason: '记者不能发布', reasonEn: 'Reporter may not publish', warnings: '乱码（第1段）', warningsEn: 'Garbled text (paragraph 1)', change: 'publish', warning: 'w1', role: '编辑' }
  const codes = Object.keys(
    Object.fromEntries(
      (['sign-in-required', 'unknown-action', 'transition-refused', 'comment-required', 'invalid-time', 'time-not-future', 'publish-time-required', 'unpublish-before-publish', 'publish-refused', 'unpublish-refused', 'unpublish-needs-transition', 'live-change-without-user', 'transition-mismatch', 'live-caption-refused', 'live-photo-refused', 'editor-notes-as-draft-only', 'editor-notes-only', 'unresolved-import-warnings', 'warnings-override-refused', 'warnings-override-reason-required', 'import-warning-not-found', 'import-warning-resolve-refused', 'notes-append-only'] satisfies WorkflowErrorCode[]).map((code) => [code, true]),
    ),
  ) as WorkflowErrorCode[]

  it.each(codes)('the workflow refusal %s names no field key in Chinese and has no Chinese in English', (code) => {
    // An unknown action is echoed as the client sent it.
    const error = new WorkflowError(code, code === 'unknown-action' ? { action: '#9' } : details)
    expect(error.message).toBe(error.messageIn('zh'))
    expect(error.messageIn('zh'), error.messageIn('zh')).not.toMatch(LATIN_WORD)
    expect(error.messageIn('en'), error.messageIn('en')).not.toMatch(HAN)
  })

  it.each([
    { who: { id: 'r', roles: ['reporter'] }, action: 'publish', story: { workflowStage: 'approved' }, zh: '记者不能发布；只有系统管理员、总编辑可以发布', en: 'Reporter may not publish; only Administrator, Chief editor may' },
    { who: { id: 'e', roles: ['editor'] }, action: 'approve', story: { workflowStage: 'draft' }, zh: '稿件处于“草稿”阶段，不能审核通过（须处于：待审）', en: 'The story is at “Draft”; “Approve” needs it at: In review' },
  ])('a refusal explained in both languages: $en', ({ who, action, story, zh, en }) => {
    expect(explainRefusal(who, action, story)).toBe(zh)
    expect(explainRefusal(who, action, story, 'en')).toBe(en)
  })
})
