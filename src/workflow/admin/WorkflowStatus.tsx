'use client'

import { useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { currentStage } from '../transitions'

/**
 * The document header's status (in place of Payload's 草稿/已发布): the story's workflow stage,
 * and for a live story with edits not yet published, that those are pending.
 */
export function WorkflowStatus() {
  const { t } = useTranslation()
  const { hasPublishedDoc, unpublishedVersionCount } = useDocumentInfo()
  const stageValue = useFormFields(([fields]) => fields.workflowStage?.value)
  const stage = currentStage({ workflowStage: stageValue as string })
  const tr = (key: string) => t(`workflowAdmin:${key}` as never)
  return (
    <div className="status" data-testid="document-status">
      <div className="status__value-wrap">
        <span className="status__label">{tr('status')}: </span>
        <span className="status__value" data-testid="document-status-stage">
          {tr(`stage-${stage}`)}
        </span>
        {stage === 'published' && hasPublishedDoc && unpublishedVersionCount > 0 && <span className="status__value">（{tr('pendingChanges')}）</span>}
      </div>
    </div>
  )
}
