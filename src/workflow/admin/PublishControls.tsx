'use client'

import { Button, toast, useAuth, useDocumentInfo, useForm, useFormFields, useFormModified, useLocale, useTranslation } from '@payloadcms/ui'
import React, { useState } from 'react'

import { availableActions, currentStage } from '../transitions'

/**
 * The story's one publish control, in the document header where Payload's Publish button was: shown
 * only where the workflow table lets this user publish now, labelled 发布 or, for a live story,
 * 发布修改. It publishes through the workflow (POST /api/articles/:id/transition, audited, with the
 * server's refusals shown as they come), after saving edits the autosave has not stored yet.
 */
export function WorkflowPublishButton() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const { id, hasPublishedDoc, unpublishedVersionCount } = useDocumentInfo()
  const { code: locale } = useLocale()
  const { submit } = useForm()
  const modified = useFormModified()
  const stageValue = useFormFields(([fields]) => fields.workflowStage?.value)
  const createdBy = useFormFields(([fields]) => fields.createdBy?.value)
  const [busy, setBusy] = useState(false)
  const tr = (key: string, vars?: Record<string, unknown>) => t(`workflowAdmin:${key}` as never, vars)

  if (!id) return null
  const stage = currentStage({ workflowStage: stageValue as string })
  const mayPublish = availableActions(user as never, { workflowStage: stage, createdBy: createdBy as string }).some((transition) => transition.action === 'publish')
  if (!mayPublish) return null
  // A live story with no edits since it went live has nothing to publish (as Payload's own button).
  const nothingToPublish = hasPublishedDoc && stage === 'published' && !modified && !(unpublishedVersionCount > 0)

  async function publish() {
    setBusy(true)
    try {
      if (modified) {
        const saved = await submit({ action: `/api/articles/${id}?draft=true&depth=0&locale=${locale}`, method: 'PATCH', overrides: { _status: 'draft' }, skipValidation: true })
        // Refused (a stale or locked document, say): the form has said why, and nothing is published.
        if (saved && !saved.res.ok) return
      }
      const response = await fetch(`/api/articles/${id}/transition`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'publish' }),
      })
      const body = await response.json().catch(() => null)
      if (!response.ok) {
        toast.error(body?.errors?.[0]?.message ?? tr('publishFailed', { status: response.status }))
        return
      }
      toast.success(body?.message ?? tr('published'))
      // Reload so the header, the panel, the version history and the audit trail show the new stage.
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <Button buttonStyle="primary" size="medium" id="action-workflow-publish" disabled={busy || nothingToPublish} onClick={() => void publish()}>
      {tr(hasPublishedDoc ? 'publishChanges' : 'publish')}
    </Button>
  )
}

/**
 * Payload's own Unpublish button, left out: a takedown needs a reason, asked for by the workflow
 * panel's 撤稿 (a plain unpublish is refused by the server: unpublish-needs-transition).
 */
export function NoUnpublishButton() {
  return null
}
