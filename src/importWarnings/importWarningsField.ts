import type { ArrayField } from 'payload'

import { USERS_SLUG } from '../../collections/slugs'
import { DAY_AND_TIME_PICKER } from '../i18n/beijingTime'
import {
  STORED_WARNING_KINDS,
  WARNING_RESOLUTIONS,
  WARNING_SEVERITIES,
  warningKindLabels,
  warningResolutionLabels,
  warningSeverityLabels,
} from './importWarningKinds'

/**
 * provenance.warnings: what the importer noticed, one row a warning, and how the newsroom dealt
 * with it. Kind and level are selects so the admin shows their labels in its language. The rows
 * are written by the importer and, for their resolution, by the resolve action and the chief
 * editor's override (src/importWarnings/), never by editing the field.
 */
export const importWarningsField: ArrayField = {
  name: 'warnings',
  label: { zh: '导入警告', en: 'Importer warnings' },
  labels: { singular: { zh: '导入警告', en: 'Importer warning' }, plural: { zh: '导入警告', en: 'Importer warnings' } },
  type: 'array',
  // The panel at the top of the edit view is where they are read and acted on; the rows here are the record.
  admin: { initCollapsed: true },
  fields: [
    {
      name: 'kind',
      label: { zh: '类型', en: 'Kind' },
      type: 'select',
      options: STORED_WARNING_KINDS.map((kind) => ({ value: kind, label: warningKindLabels[kind] })),
    },
    {
      name: 'severity',
      label: { zh: '级别', en: 'Level' },
      type: 'select',
      options: WARNING_SEVERITIES.map((severity) => ({ value: severity, label: warningSeverityLabels[severity] })),
    },
    { name: 'message', label: { zh: '说明', en: 'Message' }, type: 'text' },
    { name: 'snippet', label: { zh: '片段', en: 'Snippet' }, type: 'textarea' },
    { name: 'paragraph', label: { zh: '段落序号', en: 'Paragraph' }, type: 'number' },
    { name: 'line', label: { zh: '源文件行号', en: 'Source line' }, type: 'number' },
    {
      name: 'resolution',
      label: { zh: '处理结果', en: 'Resolution' },
      type: 'select',
      options: WARNING_RESOLUTIONS.map((resolution) => ({ value: resolution, label: warningResolutionLabels[resolution] })),
    },
    { name: 'resolvedBy', label: { zh: '处理人', en: 'Resolved by' }, type: 'relationship', relationTo: USERS_SLUG },
    { name: 'resolvedAt', label: { zh: '处理时间', en: 'Resolved at' }, type: 'date', admin: { date: DAY_AND_TIME_PICKER, components: { Field: '/components/admin/BeijingTime#BeijingTimeField' } } },
    { name: 'resolutionNote', label: { zh: '处理说明', en: 'Note' }, type: 'text' },
  ],
}
