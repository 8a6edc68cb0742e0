import type { UIFieldServerProps } from 'payload'

import React from 'react'

import { formatBeijingTime } from '../../site/formatBeijingTime'
import { findReturnReasons } from '../audit/findReviewEvents'

/** At the top of a returned story's edit view: why it came back, who returned it and when (the latest request-changes entry). */
export async function ReturnReasonNotice({ id, data, payload, req, i18n }: UIFieldServerProps) {
  if (id === undefined || !req.user || data?.workflowStage !== 'changes-requested') return null
  const reason = (await findReturnReasons(payload, req.user, [id])).get(String(id))
  if (!reason) return null
  const t = (key: string, vars?: Record<string, unknown>) => i18n.t(`workflowAdmin:${key}` as never, vars)
  return (
    <div
      data-testid="return-reason"
      role="note"
      style={{ border: '1px solid #b91c1c', borderLeftWidth: 6, borderRadius: 6, padding: '12px 16px', marginBottom: 24, background: 'var(--theme-elevation-50)' }}
    >
      <strong style={{ color: '#b91c1c' }}>{t('returnedTitle')}</strong>
      <p data-testid="return-reason-text" style={{ margin: '6px 0', fontSize: 16, whiteSpace: 'pre-wrap' }}>
        {reason.comment}
      </p>
      <div style={{ opacity: 0.7, fontSize: 13 }}>{t('returnedBy', { by: reason.byName ?? '', at: formatBeijingTime(reason.at, 'zh-Hans') ?? '' })}</div>
    </div>
  )
}
