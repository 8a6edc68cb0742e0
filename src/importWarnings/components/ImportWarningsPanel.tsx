'use client'

import { Button, toast, useAuth, useDocumentInfo, useLocale, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { formatBeijingAdminTime } from '../../i18n/beijingTime'
import { newsroomKey } from '../../i18n/newsroomTranslations'
import { hasAnyRole } from '../../roles'
import { availableActions } from '../../workflow/transitions'
// Pure modules only: this runs in the browser.
import { SERIOUS_WARNING_KINDS, WARNING_OVERRIDE_ROLES } from '../importWarningKinds'
import { messageTranslation, type ImportWarningsTranslationKey } from '../importWarningsTranslations'

interface Row {
  id: string
  kind: string
  severity: string
  message?: string | null
  snippet?: string | null
  paragraph?: number | null
  line?: number | null
  resolution?: string | null
  resolvedAt?: string | null
  resolvedBy?: { name?: string | null; email?: string | null } | string | null
  resolutionNote?: string | null
}

interface LexicalNode {
  text?: string
  children?: LexicalNode[]
}

const textOf = (node: LexicalNode | undefined): string => (node?.text ?? '') + (node?.children ?? []).map(textOf).join('')

/** The snippet inside its paragraph, marked, with some text either side (the snippet alone when the paragraph changed since). */
function SnippetInContext({ snippet, paragraphText }: { snippet: string; paragraphText: string | null }) {
  const core = snippet.replace(/^…|…$/g, '').split('|')[0]!.trim()
  const at = paragraphText && core ? paragraphText.indexOf(core) : -1
  const quoteStyle: React.CSSProperties = { margin: '4px 0 0', padding: '4px 8px', borderLeft: '3px solid var(--theme-elevation-250)', whiteSpace: 'pre-wrap' }
  if (at < 0 || !paragraphText) return snippet ? <p style={quoteStyle}>{snippet}</p> : null
  const before = paragraphText.slice(Math.max(0, at - 40), at)
  const after = paragraphText.slice(at + core.length, at + core.length + 40)
  return (
    <p style={quoteStyle} data-testid="import-warning-context">
      {at > 40 ? '…' : ''}
      {before}
      <mark>{core}</mark>
      {after}
      {at + core.length + 40 < paragraphText.length ? '…' : ''}
    </p>
  )
}

/**
 * The story's importer warnings, at the top of the edit view: kind, level and message in the admin's
 * language (custom translations `importWarnings:*`), each snippet in its paragraph, who dealt with
 * it, a button to mark it resolved, and for the chief editor the override with a reason.
 */
export function ImportWarningsPanel() {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const locale = useLocale()
  const { t, i18n } = useTranslation()
  const tr = (key: ImportWarningsTranslationKey, vars?: Record<string, unknown>) => t(key as never, vars)
  const [rows, setRows] = useState<Row[]>([])
  const [paragraphs, setParagraphs] = useState<string[]>([])
  const [story, setStory] = useState<{ workflowStage?: string; createdBy?: string; live: boolean }>({ live: false })
  const [resolveNotes, setResolveNotes] = useState<Record<string, string>>({})
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!id) return
    // Every locale: snippets are in the source's script (provenance.script), which may not be the one being edited.
    const response = await fetch(`/api/articles/${id}?draft=true&depth=1&locale=all`, { credentials: 'include' })
    if (!response.ok) return
    const doc = await response.json()
    const body = doc.body?.[doc.provenance?.script] ?? doc.body?.[locale.code]
    setRows(doc.provenance?.warnings ?? [])
    setParagraphs(((body?.root?.children ?? []) as LexicalNode[]).filter((node) => (node as { type?: string }).type !== 'heading').map(textOf))
    const createdBy = typeof doc.createdBy === 'object' && doc.createdBy ? doc.createdBy.id : doc.createdBy
    setStory({ workflowStage: doc.workflowStage, createdBy, live: doc.workflowStage === 'published' })
  }, [id, locale.code])

  useEffect(() => {
    void load()
  }, [load])

  if (!id || rows.length === 0) return null

  async function post(url: string, body: unknown): Promise<boolean> {
    setBusy(true)
    try {
      const response = await fetch(url, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', 'accept-language': i18n.language }, body: JSON.stringify(body) })
      const json = await response.json().catch(() => ({}))
      if (!response.ok) {
        toast.error(json?.errors?.[0]?.message ?? tr('importWarnings:failed'))
        return false
      }
      toast.success(json.message)
      await load()
      return true
    } finally {
      setBusy(false)
    }
  }

  const messageOf = (row: Row): string => {
    const translated = messageTranslation(row.message)
    if (translated) return tr(translated.key, translated.where ? { where: tr(`importWarnings:where-${translated.where}` as ImportWarningsTranslationKey) } : undefined)
    if (i18n.language === 'en' && row.kind !== 'editor-edits-kept' && row.message) return row.message
    return tr(`importWarnings:describe-${row.kind}` as ImportWarningsTranslationKey)
  }
  // The override is offered where this user could publish the story now (the workflow's own table).
  const mayOverride =
    !story.live &&
    hasAnyRole(user as never, WARNING_OVERRIDE_ROLES) &&
    availableActions(user as never, { workflowStage: story.workflowStage, createdBy: story.createdBy }).some((action) => action.action === 'publish')
  const isBlocking = (row: Row) => (SERIOUS_WARNING_KINDS as readonly string[]).includes(row.kind) && !row.resolution
  const open = rows.filter((row) => row.severity === 'warning' && !row.resolution)
  const blocking = rows.filter(isBlocking)
  const formatTime = (iso: string | null | undefined) => {
    const time = formatBeijingAdminTime(iso)
    return time ? t(newsroomKey('atBeijingTime'), { time }) : ''
  }
  const nameOf = (by: Row['resolvedBy']) => (typeof by === 'object' && by ? (by.name ?? by.email ?? '') : String(by ?? ''))
  // Warnings first (the blocking ones at the very top); notes folded away below them.
  const warnings = rows.filter((row) => row.severity === 'warning').sort((a, b) => Number(isBlocking(b)) - Number(isBlocking(a)))
  const notes = rows.filter((row) => row.severity !== 'warning')

  const renderRow = (row: Row) => (
    <li key={row.id} data-testid="import-warning" style={{ marginBottom: 12, opacity: row.resolution ? 0.6 : 1 }}>
      <strong>{tr(`importWarnings:kind-${row.kind}` as ImportWarningsTranslationKey)}</strong>{' '}
      <span style={{ fontSize: 12 }}>
        [{tr(`importWarnings:severity-${row.severity}` as ImportWarningsTranslationKey)}]
        {isBlocking(row) ? ` · ${tr('importWarnings:blocks')}` : ''}
        {typeof row.paragraph === 'number' ? ` · ${tr('importWarnings:inParagraph', { n: row.paragraph + 1 })}` : ''}
        {typeof row.line === 'number' ? ` · ${tr('importWarnings:atLine', { n: row.line })}` : ''}
      </span>
      <div>{messageOf(row)}</div>
      <SnippetInContext snippet={row.snippet ?? ''} paragraphText={typeof row.paragraph === 'number' ? (paragraphs[row.paragraph] ?? null) : null} />
      {row.resolution ? (
        <p style={{ margin: '4px 0 0', fontSize: 12 }}>
          {tr(row.resolutionNote ? 'importWarnings:resolvedByWithNote' : 'importWarnings:resolvedBy', {
            resolution: tr(`importWarnings:resolution-${row.resolution}` as ImportWarningsTranslationKey),
            by: nameOf(row.resolvedBy),
            at: formatTime(row.resolvedAt),
            note: row.resolutionNote,
          })}
        </p>
      ) : (
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 4 }}>
          {row.severity === 'warning' && (
            <input
              type="text"
              value={resolveNotes[row.id] ?? ''}
              placeholder={tr('importWarnings:notePlaceholder')}
              onChange={(event) => setResolveNotes({ ...resolveNotes, [row.id]: event.target.value })}
              style={{ flex: 1, maxWidth: 320 }}
            />
          )}
          <Button
            buttonStyle="secondary"
            size="small"
            margin={false}
            disabled={busy}
            onClick={() => void post(`/api/articles/${id}/import-warnings/${row.id}/resolve`, { note: resolveNotes[row.id] || undefined })}
          >
            {tr('importWarnings:resolve')}
          </Button>
        </div>
      )}
    </li>
  )

  return (
    <section
      data-testid="import-warnings"
      style={{ border: `1px solid ${blocking.length ? 'var(--theme-error-500)' : 'var(--theme-elevation-150)'}`, borderRadius: 6, padding: 16, marginBottom: 24 }}
    >
      <h3 style={{ margin: '0 0 4px' }}>{tr('importWarnings:title')}</h3>
      <p style={{ margin: '0 0 12px', opacity: 0.8 }}>
        {blocking.length
          ? tr('importWarnings:openBlocking', { count: open.length, blocking: blocking.length })
          : open.length
            ? tr('importWarnings:open', { count: open.length })
            : tr('importWarnings:allDealtWith')}
      </p>
      <ol style={{ margin: 0, paddingLeft: 20 }}>{warnings.map(renderRow)}</ol>
      {notes.length > 0 && (
        <details style={{ marginBottom: 8 }}>
          <summary style={{ cursor: 'pointer' }}>{tr('importWarnings:notes', { count: notes.length })}</summary>
          <ol style={{ margin: '8px 0 0', paddingLeft: 20 }}>{notes.map(renderRow)}</ol>
        </details>
      )}
      {blocking.length > 0 && mayOverride && (
        <div data-testid="import-warnings-override" style={{ borderTop: '1px solid var(--theme-elevation-150)', paddingTop: 12 }}>
          <strong>{tr('importWarnings:overrideTitle')}</strong>
          <textarea value={reason} placeholder={tr('importWarnings:overrideReason')} onChange={(event) => setReason(event.target.value)} rows={2} style={{ display: 'block', width: '100%', margin: '8px 0' }} />
          <Button
            buttonStyle="primary"
            size="small"
            disabled={busy || !reason.trim()}
            onClick={() => void post(`/api/articles/${id}/transition`, { action: 'publish', overrideWarnings: { reason } }).then((ok) => ok && window.location.reload())}
          >
            {tr('importWarnings:overrideSubmit')}
          </Button>
        </div>
      )}
    </section>
  )
}
