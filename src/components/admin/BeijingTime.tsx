'use client'

import type { DateFieldClientComponent, DefaultCellComponentProps } from 'payload'

import { FieldLabel, useField, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { formatBeijingAdminTime } from '../../i18n/beijingTime'
import { newsroomKey } from '../../i18n/newsroomTranslations'

function useBeijingTime(value: unknown): string | null {
  const { t } = useTranslation()
  const time = formatBeijingAdminTime(typeof value === 'string' ? value : null)
  return time ? t(newsroomKey('atBeijingTime'), { time }) : null
}

/**
 * A time nobody types (set by the workflow, the importer, a resolution), shown in Beijing time in the
 * admin's one format: Payload's read-only date field would show it in the browser's zone.
 */
export const BeijingTimeField: DateFieldClientComponent = ({ field, path }) => {
  const { value } = useField<string>({ path: path ?? field.name })
  const shown = useBeijingTime(value)
  if (!shown) return null
  return (
    <div className="field-type" data-testid={`beijing-time-${field.name}`} style={{ marginBottom: 'var(--spacing-field)' }}>
      <FieldLabel label={field.label} path={path} />
      <div>{shown}</div>
    </div>
  )
}

/** The same in list and join tables (the audit trail's 时间 column). */
export function BeijingTimeCell({ cellData }: DefaultCellComponentProps) {
  return <span>{useBeijingTime(cellData)}</span>
}
