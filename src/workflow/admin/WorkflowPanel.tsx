'use client'

import { getTranslation } from '@payloadcms/translations'
import { Button, DatePicker, toast, useAuth, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import React, { useState } from 'react'

import { DAY_AND_TIME_PICKER, formatBeijingAdminTime, fromBeijingWallClock, toBeijingWallClock } from '../../i18n/beijingTime'
import { newsroomKey } from '../../i18n/newsroomTranslations'
import { stageLabels, type Stage } from '../stages'
import { availableActions, currentStage, type Transition } from '../transitions'

const STAGE_COLOURS: Record<Stage, string> = {
  draft: '#6b7280',
  'in-review': '#b45309',
  'changes-requested': '#b91c1c',
  approved: '#047857',
  scheduled: '#1d4ed8',
  published: '#15803d',
  unpublished: '#4b5563',
}

/**
 * The article's stage and the transitions this user may take, as buttons (the
 * same table the server enforces: src/workflow/transitions.ts). Reasons and
 * times are asked for where the table needs them.
 */
export function WorkflowPanel() {
  const { user } = useAuth()
  const { id } = useDocumentInfo()
  const stageField = useFormFields(([fields]) => fields.workflowStage)
  const createdBy = useFormFields(([fields]) => fields.createdBy)
  const scheduledPublishAt = useFormFields(([fields]) => fields.scheduledPublishAt)
  const scheduledUnpublishAt = useFormFields(([fields]) => fields.scheduledUnpublishAt)
  const [pending, setPending] = useState<Transition | null>(null)
  const [comment, setComment] = useState('')
  // Picked times, as ISO instants: the pickers show and take Beijing wall-clock time in any browser zone.
  const [publishAt, setPublishAt] = useState<string | undefined>()
  const [unpublishAt, setUnpublishAt] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const { t, i18n } = useTranslation()
  const atBeijingTime = (iso: unknown) => {
    const time = formatBeijingAdminTime(typeof iso === 'string' ? iso : null)
    return time ? t(newsroomKey('atBeijingTime'), { time }) : null
  }

  if (!id) return <p style={{ opacity: 0.7 }}>{t(newsroomKey('saveFirst'))}</p>
  const stage = currentStage({ workflowStage: stageField?.value as string })
  // Publishing is the header's one publish control (PublishControls.tsx), not a second button here.
  const actions = availableActions(user as never, { workflowStage: stage, createdBy: createdBy?.value as string }).filter((transition) => transition.action !== 'publish')

  async function run(transition: Transition) {
    setBusy(true)
    try {
      const response = await fetch(`/api/articles/${id}/transition`, {
        method: 'POST',
        credentials: 'include',
        // As Payload's own admin requests do: the answer (a refusal, the confirmation) in the admin's language.
        headers: { 'content-type': 'application/json', 'accept-language': i18n.language },
        body: JSON.stringify({
          action: transition.action,
          comment: comment || undefined,
          publishAt,
          unpublishAt,
        }),
      })
      const body = await response.json()
      if (!response.ok) {
        toast.error(body?.errors?.[0]?.message ?? t(newsroomKey('failed'), { status: response.status }))
        return
      }
      toast.success(body.message ?? t(newsroomKey('done')))
      // Reload so the form, the version history and the audit trail show the new stage.
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  const needsForm = (transition: Transition) =>
    transition.commentRequired || transition.action === 'schedule' || transition.action === 'unpublish'

  return (
    <div className="workflow-panel" style={{ marginBottom: 24 }}>
      <div style={{ fontSize: 13, opacity: 0.7, marginBottom: 4 }}>{t(newsroomKey('stage'))}</div>
      <div
        data-testid="workflow-stage"
        style={{ display: 'inline-block', padding: '2px 10px', borderRadius: 12, color: '#fff', background: STAGE_COLOURS[stage], fontWeight: 600 }}
      >
        {getTranslation(stageLabels[stage], i18n)}
      </div>
      {atBeijingTime(scheduledPublishAt?.value) && (
        <div data-testid="workflow-scheduled-publish" style={{ marginTop: 6 }}>
          {t(newsroomKey('scheduledPublish'), { time: atBeijingTime(scheduledPublishAt?.value) })}
        </div>
      )}
      {atBeijingTime(scheduledUnpublishAt?.value) && (
        <div data-testid="workflow-scheduled-unpublish" style={{ marginTop: 6 }}>
          {t(newsroomKey('scheduledUnpublish'), { time: atBeijingTime(scheduledUnpublishAt?.value) })}
        </div>
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 12 }}>
        {actions.length === 0 && <span style={{ opacity: 0.7 }}>{t(newsroomKey('noActions'))}</span>}
        {actions.map((transition) => (
          <Button
            key={transition.action}
            buttonStyle={transition.action === 'publish' || transition.action === 'approve' ? 'primary' : 'secondary'}
            size="small"
            disabled={busy}
            onClick={() => (needsForm(transition) ? setPending(transition) : void run(transition))}
          >
            {getTranslation(transition.label, i18n)}
          </Button>
        ))}
      </div>
      {pending && (
        <div style={{ marginTop: 12, display: 'grid', gap: 8 }}>
          {(pending.commentRequired || pending.action === 'unpublish') && (
            <label>
              {t(newsroomKey(pending.commentRequired ? 'reasonRequired' : 'reason'))}
              <textarea name="workflow-comment" value={comment} onChange={(event) => setComment(event.target.value)} rows={3} style={{ width: '100%' }} />
            </label>
          )}
          {pending.action === 'schedule' && (
            <BeijingTimePicker testId="workflow-publish-at" label={t(newsroomKey('publishAt'))} value={publishAt} onChange={setPublishAt} />
          )}
          {(pending.action === 'schedule' || pending.action === 'unpublish') && (
            <BeijingTimePicker testId="workflow-unpublish-at" label={t(newsroomKey('unpublishAtOptional'))} value={unpublishAt} onChange={setUnpublishAt} />
          )}
          <div style={{ display: 'flex', gap: 8 }}>
            <Button size="small" disabled={busy} onClick={() => void run(pending)}>
              {t(newsroomKey('confirm'), { action: getTranslation(pending.label, i18n) })}
            </Button>
            <Button size="small" buttonStyle="secondary" onClick={() => setPending(null)}>
              {t('general:cancel')}
            </Button>
          </div>
        </div>
      )}
    </div>
  )
}

/**
 * Payload's own date picker (the one its date fields use, in the admin's format), labelled with
 * the newsroom's clock: it shows and takes Beijing time whatever the browser's zone.
 */
function BeijingTimePicker({ label, value, onChange, testId }: { label: string; value: string | undefined; onChange: (iso: string | undefined) => void; testId: string }) {
  return (
    <div className="field-type date-time-field" data-testid={testId}>
      <label className="field-label">{label}</label>
      <DatePicker
        {...DAY_AND_TIME_PICKER}
        value={toBeijingWallClock(value) ?? undefined}
        onChange={(picked) => onChange(fromBeijingWallClock(picked))}
      />
    </div>
  )
}
