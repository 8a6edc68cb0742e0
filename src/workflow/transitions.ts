import type { Role } from '../roles'
import type { Stage } from './stages'

import { hasAnyRole, roleLabels, type Role as RoleName } from '../roles'
import { stageLabels } from './stages'

/**
 * The newsroom's workflow as one table: who may move a story from which stage to
 * which, and what they must say. Hooks, the transition endpoint, access rules and
 * the admin's buttons all read it; nothing else decides.
 */
export const ACTIONS = ['submit', 'request-changes', 'approve', 'publish', 'schedule', 'unschedule', 'unpublish', 'reopen'] as const
export type Action = (typeof ACTIONS)[number]

export interface Transition {
  action: Action
  from: readonly Stage[]
  to: Stage
  roles: readonly Role[]
  /** Roles that may do this to their own stories only. */
  ownStoriesOnly?: readonly Role[]
  /** A reason the newsroom must give (kept in the audit trail). */
  commentRequired?: boolean
  label: { zh: string; en: string }
}

export const TRANSITIONS: readonly Transition[] = [
  {
    action: 'submit',
    from: ['draft', 'changes-requested'],
    to: 'in-review',
    roles: ['admin', 'chief-editor', 'editor', 'reporter'],
    ownStoriesOnly: ['reporter'],
    label: { zh: '提交审核', en: 'Submit for review' },
  },
  {
    action: 'request-changes',
    from: ['in-review', 'approved'],
    to: 'changes-requested',
    roles: ['admin', 'chief-editor', 'editor'],
    commentRequired: true,
    label: { zh: '退回修改', en: 'Request changes' },
  },
  {
    action: 'approve',
    from: ['in-review'],
    to: 'approved',
    roles: ['admin', 'chief-editor', 'editor'],
    label: { zh: '审核通过', en: 'Approve' },
  },
  {
    action: 'publish',
    // From published: a chief editor's edits to a live story go live again.
    // From scheduled: publishing now, or the scheduled job itself (it runs as the chief editor who scheduled).
    from: ['approved', 'scheduled', 'published', 'unpublished'],
    to: 'published',
    roles: ['admin', 'chief-editor'],
    label: { zh: '发布', en: 'Publish' },
  },
  {
    action: 'schedule',
    from: ['approved'],
    to: 'scheduled',
    roles: ['admin', 'chief-editor'],
    label: { zh: '定时发布', en: 'Schedule' },
  },
  {
    action: 'unschedule',
    from: ['scheduled'],
    to: 'approved',
    roles: ['admin', 'chief-editor'],
    label: { zh: '取消定时', en: 'Unschedule' },
  },
  {
    action: 'unpublish',
    from: ['published'],
    to: 'unpublished',
    roles: ['admin', 'chief-editor'],
    commentRequired: true,
    label: { zh: '撤稿', en: 'Unpublish' },
  },
  {
    action: 'reopen',
    from: ['unpublished'],
    to: 'draft',
    roles: ['admin', 'chief-editor', 'editor'],
    label: { zh: '重新编辑', en: 'Reopen as draft' },
  },
]

export interface WorkflowUser {
  id: string | number
  roles?: readonly string[] | null
}

export interface WorkflowArticle {
  workflowStage?: string | null
  createdBy?: string | number | { id: string | number } | null
}

export function findTransition(action: string): Transition | undefined {
  return TRANSITIONS.find((transition) => transition.action === action)
}

export function currentStage(article: WorkflowArticle | undefined): Stage {
  return (article?.workflowStage as Stage | undefined) ?? 'draft'
}

function isOwnStory(user: WorkflowUser, article: WorkflowArticle): boolean {
  const creator = article.createdBy
  const creatorId = creator && typeof creator === 'object' ? creator.id : creator
  return creatorId !== undefined && creatorId !== null && String(creatorId) === String(user.id)
}

/** Why the user may not do this to the article, or null when they may: for the newsroom, in Chinese or in English. */
export function explainRefusal(user: WorkflowUser | null | undefined, action: string, article: WorkflowArticle, language: 'zh' | 'en' = 'zh'): string | null {
  const en = language === 'en'
  const transition = findTransition(action)
  if (!transition) return en ? `Unknown action “${action}”` : `未知的操作“${action}”`
  if (!user) return en ? 'Please sign in first' : '请先登录'
  const label = transition.label[language]
  if (!hasAnyRole(user, transition.roles)) {
    const held = (user.roles ?? []).map((role) => roleLabels[role as RoleName]?.[language] ?? role).join(en ? ', ' : '、') || (en ? 'No role' : '无角色')
    const needed = transition.roles.map((role) => roleLabels[role][language]).join(en ? ', ' : '、')
    return en ? `${held} may not ${label.toLowerCase()}; only ${needed} may` : `${held}不能${label}；只有${needed}可以${label}`
  }
  const onlyOwn = transition.ownStoriesOnly ?? []
  const hasUnrestrictedRole = transition.roles.some((role) => !onlyOwn.includes(role) && hasAnyRole(user, [role]))
  if (!hasUnrestrictedRole && !isOwnStory(user, article)) return en ? `“${label}”: reporters may do this to their own stories only` : `记者只能${label}自己的稿件`
  const stage = currentStage(article)
  // Admins may do everything: that includes publishing a story from any stage.
  const adminOverride = transition.action === 'publish' && hasAnyRole(user, ['admin'])
  if (!adminOverride && !transition.from.includes(stage)) {
    const allowed = transition.from.map((from) => stageLabels[from][language]).join(en ? ', ' : '、')
    return en
      ? `The story is at “${stageLabels[stage].en}”; “${label}” needs it at: ${allowed}`
      : `稿件处于“${stageLabels[stage].zh}”阶段，不能${label}（须处于：${allowed}）`
  }
  return null
}

/** The actions this user may take on this article now (the admin shows them as buttons). */
export function availableActions(user: WorkflowUser | null | undefined, article: WorkflowArticle): Transition[] {
  return TRANSITIONS.filter((transition) => explainRefusal(user, transition.action, article) === null)
}
