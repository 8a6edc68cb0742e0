'use client'

import type { DateFieldClientComponent, DefaultCellComponentProps } from 'payload'

import { DatePicker, FieldDescription, FieldError, FieldLabel, useDocumentInfo, useField, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { DAY_AND_TIME_PICKER, formatBeijingAdminTime, fromBeijingWallClock, toBeijingWallClock } from '../../i18n/beijingTime'
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

/**
 * An editable time (a correction's time, a photo's 拍摄时间, the original publication time) picked
 * and shown in Beijing time with the same picker as the schedule: Payload's date field picks in the
 * browser's zone unless the field stores a time zone beside it (a schema change for each field).
 */
export const BeijingDateTimeField: DateFieldClientComponent = ({ field, path: pathFromProps, readOnly }) => {
  const path = pathFromProps ?? field.name
  const { value, setValue, showError, disabled } = useField<string | null>({ path })
  const { i18n } = useTranslation()
  const locked = Boolean(readOnly || disabled || field.admin?.readOnly)
  return (
    <div
      className={['field-type', 'date-time-field', showError && 'date-time-field--has-error', locked && 'read-only'].filter(Boolean).join(' ')}
      data-testid={`beijing-date-${field.name}`}
    >
      <FieldLabel label={field.label} localized={field.localized} path={path} required={field.required} />
      <div className="field-type__wrap" id={`field-${path.replace(/\./g, '__')}`}>
        <FieldError path={path} showError={showError} />
        <DatePicker
          {...DAY_AND_TIME_PICKER}
          readOnly={locked}
          value={toBeijingWallClock(value) ?? undefined}
          onChange={(picked) => setValue(fromBeijingWallClock(picked) ?? null)}
        />
        <div className="field-description">{i18n.t(newsroomKey('beijingTime'))}</div>
      </div>
      <FieldDescription description={field.admin?.description} path={path} />
    </div>
  )
}

/**
 * 最后修改 / 已创建 of the open document in Beijing time, in the document header's controls: Payload's
 * own header formats them in the browser's zone and offers no way to change it, so custom.scss hides
 * those two items and this shows them instead.
 */
export function DocumentTimes() {
  const { data } = useDocumentInfo()
  const { i18n, t } = useTranslation()
  const updatedAt = formatBeijingAdminTime(typeof data?.updatedAt === 'string' ? data.updatedAt : null)
  const createdAt = formatBeijingAdminTime(typeof data?.createdAt === 'string' ? data.createdAt : null)
  if (!updatedAt && !createdAt) return null
  return (
    <ul className="newsroom-document-times" data-testid="document-times">
      {updatedAt && (
        <li>
          <span>{i18n.t('general:lastModified')}:&nbsp;</span>
          <strong>{t(newsroomKey('atBeijingTime'), { time: updatedAt })}</strong>
        </li>
      )}
      {createdAt && (
        <li>
          <span>{i18n.t('general:created')}:&nbsp;</span>
          <strong>{createdAt}</strong>
        </li>
      )}
    </ul>
  )
}
