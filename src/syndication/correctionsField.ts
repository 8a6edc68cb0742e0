import type { ArrayField } from 'payload'

import { EDITABLE_BEIJING_TIME } from '../i18n/beijingTime'

/** The two kinds of public note on a live story: a correction of something wrong, or an update with news. */
export const CORRECTION_KINDS = ['correction', 'update'] as const
export type CorrectionKind = (typeof CORRECTION_KINDS)[number]

/** What readers see before a note, in either script (the same characters in both). */
export const correctionKindLabels: Record<CorrectionKind, { zh: string; en: string }> = {
  correction: { zh: '更正', en: 'Correction' },
  update: { zh: '更新', en: 'Update' },
}

/**
 * Corrections (更正) and update notes (更新) on a story, oldest first. An ordinary versioned field:
 * on a live story a new note is part of the pending draft, and goes public when a chief editor
 * publishes that draft through the workflow (audited like any live edit). The reader site, the
 * API, the feeds (their updated time) and ninjs show the published notes.
 */
export const correctionsField: ArrayField = {
  name: 'corrections',
  label: { zh: '更正与更新', en: 'Corrections and updates' },
  labels: { singular: { zh: '说明', en: 'Note' }, plural: { zh: '说明', en: 'Notes' } },
  type: 'array',
  admin: {
    description: {
      zh: '公开的更正或更新说明；已发布稿件的新说明在发布修改后对读者可见',
      en: 'Public notes; on a live story a new note is visible once the edit is published',
    },
    initCollapsed: true,
  },
  fields: [
    {
      name: 'kind',
      label: { zh: '类型', en: 'Kind' },
      type: 'select',
      required: true,
      defaultValue: 'correction',
      options: CORRECTION_KINDS.map((kind) => ({ value: kind, label: correctionKindLabels[kind] })),
    },
    // Stored once, in the script it was written in; the reader site shows it converted for zh-Hant.
    { name: 'note', label: { zh: '说明', en: 'Note' }, type: 'textarea', required: true },
    {
      name: 'at',
      label: { zh: '时间', en: 'Time' },
      type: 'date',
      required: true,
      defaultValue: () => new Date().toISOString(),
      admin: EDITABLE_BEIJING_TIME,
    },
  ],
}
