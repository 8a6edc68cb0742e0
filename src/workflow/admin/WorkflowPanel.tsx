'use client'

import { Button, toast, useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

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

/** "2026-12-01T08:00" in Beijing time → an ISO instant (the newsroom enters times as UTC+8). */
function fromBeijingLocal(value: string): string | undefined {
  return value ? new Date(`${value}:00+08:00`).toISOString() : undefined
}

function formatBeijing(iso: unknown): string | null {
  if (typeof iso !== 'string') return null
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
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
  const [publishAt, setPublishAt] = useState('')
  const [unpublishAt, setUnpublishAt] = useState('')
  const [busy, setBusy] = useState(false)

  if (!id) return <p style={{ opacity: 0.7 }}>保存稿件后可提交审核。</p>
  const stage = currentStage({ workflowStage: stageField?.value as string })
  // Publishing is the header's one publish control (PublishControls.tsx), not a second button here.
  const actions = availableActions(user as never, { workflowStage: stage, createdBy: createdBy?.value as string }).filter((transition) => transition.action !== 'publish')

  async function run(transition: Transition) {
    setBusy(true)
    try {
      const response = await fetch(`/api/articles/${id}/transition`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          action: transition.action,
          comment: comment || undefined,
          publishAt: fromBeijingLocal(publishAt),
          unpublishAt: fromBeijingLocal(unpublishAt),
        }),
      })
      const body = await response.json()
      if (!response.ok) {
        toast.error(body?.errors?.[0]?.message ?? `操作失败 (${response.status})`)
        return
      }
      toast.success(body.message ?? '已完成')
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
      <div style={{ fontSize: 13, opacity: 0.7, marginBottom: 4 }}>流程阶段</div>
      <div
        data-testid="workflow-stage"
        style={{ display: 'inline-block', padding: '2px 10px', borderRadius: 12, color: '#fff', background: STAGE_COLOURS[stage], fontWeight: 600 }}
      >
        {stageLabels[stage].zh}
      </div>
      {formatBeijing(scheduledPublishAt?.value) && <div style={{ marginTop: 6 }}>定时发布：{formatBeijing(scheduledPublishAt?.value)}（北京时间）</div>}
      {formatBeijing(scheduledUnpublishAt?.value) && <div style={{ marginTop: 6 }}>定时撤稿：{formatBeijing(scheduledUnpublishAt?.value)}（北京时间）</div>}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 12 }}>
        {actions.length === 0 && <span style={{ opacity: 0.7 }}>当前没有您可执行的流程操作</span>}
        {actions.map((transition) => (
          <Button
            key={transition.action}
            buttonStyle={transition.action === 'publish' || transition.action === 'approve' ? 'primary' : 'secondary'}
            size="small"
            disabled={busy}
            onClick={() => (needsForm(transition) ? setPending(transition) : void run(transition))}
          >
            {transition.label.zh}
          </Button>
        ))}
      </div>
      {pending && (
        <div style={{ marginTop: 12, display: 'grid', gap: 8 }}>
          {(pending.commentRequired || pending.action === 'unpublish') && (
            <label>
              原因{pending.commentRequired ? '（必填）' : ''}
              <textarea name="workflow-comment" value={comment} onChange={(event) => setComment(event.target.value)} rows={3} style={{ width: '100%' }} />
            </label>
          )}
          {pending.action === 'schedule' && (
            <label>
              发布时间（北京时间）
              <input name="workflow-publish-at" type="datetime-local" step={60} value={publishAt} onChange={(event) => setPublishAt(event.target.value)} />
            </label>
          )}
          {(pending.action === 'schedule' || pending.action === 'unpublish') && (
            <label>
              撤稿时间（北京时间，可选）
              <input name="workflow-unpublish-at" type="datetime-local" step={60} value={unpublishAt} onChange={(event) => setUnpublishAt(event.target.value)} />
            </label>
          )}
          <div style={{ display: 'flex', gap: 8 }}>
            <Button size="small" disabled={busy} onClick={() => void run(pending)}>
              确认{pending.label.zh}
            </Button>
            <Button size="small" buttonStyle="secondary" onClick={() => setPending(null)}>
              取消
            </Button>
          </div>
        </div>
      )}
    </div>
  )
}
