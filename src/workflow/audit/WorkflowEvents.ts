import type { CollectionConfig } from 'payload'

import { isSignedIn } from '../../access/isSignedIn'
import { STAGES, stageLabels } from '../stages'
import { ACTIONS, TRANSITIONS } from '../transitions'
import { fillMissingActorName, recordActorName } from './recordActorName'
import { ARTICLES_SLUG, USERS_SLUG, WORKFLOW_EVENTS_SLUG } from '../../../collections/slugs'
import { DAY_AND_TIME_PICKER } from '../../i18n/beijingTime'

export { WORKFLOW_EVENTS_SLUG }

const stageOptions = STAGES.map((stage) => ({ value: stage, label: stageLabels[stage] }))
const actionLabels: Record<string, { zh: string; en: string }> = Object.fromEntries(TRANSITIONS.map((transition) => [transition.action, transition.label]))
/** Audited changes that are not transitions: a version restored, a caption or photo of a live story changed, importer warnings dealt with. */
const EXTRA_ACTION_LABELS: Record<string, { zh: string; en: string }> = {
  restore: { zh: '恢复版本', en: 'Restore version' },
  'live-edit': { zh: '修改已发布内容', en: 'Edit live content' },
  'resolve-import-warning': { zh: '处理导入警告', en: 'Resolve importer warning' },
  'override-import-warnings': { zh: '越过导入警告', en: 'Override importer warnings' },
}

/**
 * The audit trail: one entry per workflow transition (who, when, from, to, why).
 * Written only by the server (src/workflow); nobody can create, edit or delete an entry through the API.
 */
export const WorkflowEvents: CollectionConfig = {
  slug: WORKFLOW_EVENTS_SLUG,
  labels: {
    singular: { zh: '流程记录', en: 'Workflow event' },
    plural: { zh: '流程记录', en: 'Workflow events' },
  },
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['at', 'article', 'action', 'fromStage', 'toStage', 'byName', 'comment'],
    group: { zh: '系统', en: 'System' },
  },
  defaultSort: '-at',
  hooks: { beforeChange: [recordActorName], afterRead: [fillMissingActorName] },
  access: {
    read: isSignedIn,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  fields: [
    { name: 'article', label: { zh: '稿件', en: 'Article' }, type: 'relationship', relationTo: ARTICLES_SLUG, required: true, index: true },
    {
      name: 'action',
      label: { zh: '操作', en: 'Action' },
      type: 'select',
      required: true,
      options: [...ACTIONS, ...Object.keys(EXTRA_ACTION_LABELS)].map((action) => ({
        value: action,
        label: actionLabels[action] ?? EXTRA_ACTION_LABELS[action]!,
      })),
    },
    { name: 'fromStage', label: { zh: '原阶段', en: 'From' }, type: 'select', options: stageOptions },
    { name: 'toStage', label: { zh: '新阶段', en: 'To' }, type: 'select', options: stageOptions },
    { name: 'by', label: { zh: '操作人账户', en: 'By (account)' }, type: 'relationship', relationTo: USERS_SLUG },
    // The actor's name as it was when the entry was written (audit/recordActorName.ts): the trail shows it to every role without looking accounts up.
    { name: 'byName', label: { zh: '操作人', en: 'By' }, type: 'text' },
    { name: 'at', label: { zh: '时间', en: 'At' }, type: 'date', required: true, index: true, admin: { date: DAY_AND_TIME_PICKER, components: { Field: '/components/admin/BeijingTime#BeijingTimeField', Cell: '/components/admin/BeijingTime#BeijingTimeCell' } } },
    { name: 'comment', label: { zh: '说明', en: 'Comment' }, type: 'textarea' },
  ],
}
