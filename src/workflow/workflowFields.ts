import type { Field } from 'payload'

import { WORKFLOW_EVENTS_SLUG } from '../../collections/slugs'
import { fieldSignedIn } from '../access/fieldSignedIn'
import { nobody } from '../access/nobody'
import { STAGES, stageLabels } from './stages'
import { DAY_AND_TIME_PICKER } from '../i18n/beijingTime'

/** The workflow's fields at the top of an article's sidebar: its stage, the actions this user may take, its schedule. */
export const workflowSidebarFields: Field[] = [
  {
    name: 'workflowStage',
    label: { zh: '流程阶段', en: 'Stage' },
    type: 'select',
    defaultValue: 'draft',
    index: true,
    options: STAGES.map((stage) => ({ value: stage, label: stageLabels[stage] })),
    // Changed only by transitions (POST /api/articles/:id/transition), never by editing the field;
    // workflow internals are the newsroom's, not readers'.
    access: { read: fieldSignedIn, create: nobody, update: nobody },
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    name: 'workflowActions',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '/workflow/admin/WorkflowPanel#WorkflowPanel' } },
  },
  {
    name: 'scheduledPublishAt',
    label: { zh: '定时发布时间', en: 'Scheduled to publish at' },
    type: 'date',
    access: { read: fieldSignedIn, create: nobody, update: nobody },
    admin: { position: 'sidebar', readOnly: true, date: DAY_AND_TIME_PICKER, condition: (data) => Boolean(data?.scheduledPublishAt), components: { Field: '/components/admin/BeijingTime#BeijingTimeField', Cell: '/components/admin/BeijingTime#BeijingTimeCell' } },
  },
  {
    name: 'scheduledUnpublishAt',
    label: { zh: '定时撤稿时间', en: 'Scheduled to unpublish at' },
    type: 'date',
    access: { read: fieldSignedIn, create: nobody, update: nobody },
    admin: { position: 'sidebar', readOnly: true, date: DAY_AND_TIME_PICKER, condition: (data) => Boolean(data?.scheduledUnpublishAt), components: { Field: '/components/admin/BeijingTime#BeijingTimeField', Cell: '/components/admin/BeijingTime#BeijingTimeCell' } },
  },
]

/** The article's audit trail (audit/WorkflowEvents.ts), shown on the article. */
export const workflowHistoryField: Field = {
  name: 'workflowHistory',
  label: { zh: '流程记录', en: 'Workflow history' },
  type: 'join',
  collection: WORKFLOW_EVENTS_SLUG,
  on: 'article',
  defaultSort: '-at',
  defaultLimit: 50,
  access: { read: fieldSignedIn },
  admin: { defaultColumns: ['at', 'action', 'fromStage', 'toStage', 'by', 'comment'], allowCreate: false },
}
