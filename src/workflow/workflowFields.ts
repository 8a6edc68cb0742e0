import type { Field, SelectField } from 'payload'

import { WORKFLOW_EVENTS_SLUG } from '../../collections/slugs'
import { fieldSignedIn } from '../access/fieldSignedIn'
import { nobody } from '../access/nobody'
import { STAGES, stageLabels } from './stages'
import { DAY_AND_TIME_PICKER } from '../i18n/beijingTime'

/** The workflow's fields at the top of an article's sidebar: its stage, the actions this user may take, its schedule. */
export const workflowSidebarFields: Field[] = [
  {
    name: 'workflowStage',
    // The story's status for the newsroom: the list column and filter, and the document header (admin/WorkflowStatus.tsx).
    label: { zh: '状态', en: 'Status' },
    type: 'select',
    defaultValue: 'draft',
    index: true,
    options: STAGES.map((stage) => ({ value: stage, label: stageLabels[stage] })),
    // Changed only by transitions (POST /api/articles/:id/transition), never by editing the field;
    // workflow internals are the newsroom's, not readers'.
    access: { read: fieldSignedIn, create: nobody, update: nobody },
    // No input in the edit view: the workflow panel below shows the stage with its actions.
    admin: { position: 'sidebar', readOnly: true, components: { Field: false } },
  },
  {
    name: 'workflowActions',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '/workflow/admin/WorkflowPanel#WorkflowPanel' } },
  },
  {
    name: 'reviewComparison',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '/workflow/admin/ReviewComparisonLink#ReviewComparisonLink' } },
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
  admin: { defaultColumns: ['at', 'action', 'fromStage', 'toStage', 'byName', 'comment'], allowCreate: false },
}

/** At the top of the edit view: why a returned story came back (admin/ReturnReasonNotice.tsx). */
export const returnReasonField: Field = {
  name: 'returnReason',
  type: 'ui',
  admin: { components: { Field: '/workflow/admin/ReturnReasonNotice#ReturnReasonNotice' } },
}

/**
 * Payload's own draft/published status, merged by name into the field Payload adds (its options
 * are Payload's): kept out of the list's columns and filters, where the workflow stage is the status.
 */
export const payloadStatusField: SelectField = {
  name: '_status',
  type: 'select',
  options: [],
  admin: { disableListColumn: true, disableListFilter: true },
}
