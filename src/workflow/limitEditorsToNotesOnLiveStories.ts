import type { CollectionBeforeChangeHook } from 'payload'

import { hasAnyRole } from '../roles'
import { readSaveIntent } from './publishing/operationState'
import { WorkflowError } from './workflowError'

/** What an editor may add to a live story: a public note. Everything else about a live story is the chief editor's. */
const NOTES_FIELD = 'corrections'
/** Bookkeeping Payload or the workflow sends with any save; never content. */
const SYSTEM_FIELDS = new Set(['id', '_status', 'updatedAt', 'createdAt', 'workflowStage', 'scheduledPublishAt', 'scheduledUnpublishAt', 'createdBy', 'provenance', 'captions', 'workflowHistory'])

/** A value as stored, for comparison: relationships by id, empty values alike, object keys in order. */
function normalise(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return null
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(normalise)
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    if ('id' in record && ('createdAt' in record || 'updatedAt' in record)) return String(record.id)
    return Object.fromEntries(Object.keys(record).sort().map((key) => [key, normalise(record[key])]))
  }
  return value
}

const same = (a: unknown, b: unknown) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b))

type Note = { kind?: unknown; note?: unknown; at?: unknown }
const noteKey = (note: Note) => JSON.stringify([note.kind, note.note, note.at ? new Date(String(note.at)).toISOString() : null])

/**
 * Editors write corrections (更正) and update notes (更新) on live stories; the chief editor
 * publishes them. So an editor's save of a published story must be a draft (the pending edit a
 * chief editor reviews and publishes through the workflow), may add notes, and may change
 * nothing else: not the story, and not a note already written (a published note is public record).
 * Chief editors and admins are not limited here; other roles cannot update a live story at all (collections/Articles/access.ts).
 */
export const limitEditorsToNotesOnLiveStories: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req, context }) => {
  const user = req.user
  if (operation !== 'update' || !user || hasAnyRole(user as never, ['admin', 'chief-editor'])) return data
  if (originalDoc?.workflowStage !== 'published') return data
  // Payload's own `draft` argument, noted before the save (publishing/saveIntent.ts); unknown counts as not a draft.
  if (!readSaveIntent(context)?.draft) throw new WorkflowError('editor-notes-as-draft-only')
  for (const [field, value] of Object.entries(data)) {
    if (field === NOTES_FIELD || SYSTEM_FIELDS.has(field) || value === undefined) continue
    if (!same(value, originalDoc[field])) {
      throw new WorkflowError('editor-notes-only', { field })
    }
  }
  const before = ((originalDoc[NOTES_FIELD] ?? []) as Note[]).map(noteKey)
  const after = ((data[NOTES_FIELD] ?? originalDoc[NOTES_FIELD] ?? []) as Note[]).map(noteKey)
  if (before.some((key, index) => after[index] !== key)) {
    throw new WorkflowError('notes-append-only', { field: NOTES_FIELD })
  }
  return data
}
