import type { LexicalBody } from './buildLexicalBody'
import type { Script } from '../validate/schema'
import type { ArticleDocument, LocalizedArticleFields, SharedArticleFields } from './buildArticleDocument'

import { getCaptionIdsInBody } from '../../photos/captionBlocks'
import { LOCALES } from './buildArticleDocument'

/** What the importer last wrote for an article (kept in provenance.importedSnapshot). */
export interface ImportedSnapshot {
  shared: SharedArticleFields
  localized: Record<Script, LocalizedArticleFields>
}

/** The stored article as the planner needs it: its latest (draft) values in both locales. */
export interface ExistingArticle {
  id: string
  contentHash: string | null
  snapshot: ImportedSnapshot | null
  shared: Partial<Record<keyof SharedArticleFields, unknown>>
  localized: Record<Script, Partial<Record<keyof LocalizedArticleFields, unknown>>>
}

export type ImportPlan =
  | { action: 'create'; document: ArticleDocument }
  /** An article whose import never finished: removed, with its captions and versions, and stored again. */
  | { action: 'replace'; id: string; document: ArticleDocument }
  | { action: 'unchanged'; id: string }
  | {
      action: 'update'
      id: string
      document: ArticleDocument
      shared: Partial<SharedArticleFields>
      localized: Record<Script, Partial<LocalizedArticleFields>>
      /** Fields an editor changed since the last import: kept as the editor left them. */
      keptEditorFields: string[]
      /** Captions a kept body (an editor's) places: not removed, though the source dropped them, so that body still stands. */
      captionsInKeptBodies: string[]
    }

/** Body comparison by its text: Payload may add bookkeeping keys to stored Lexical JSON. */
export function fingerprintBody(body: unknown): string {
  const root = (body as LexicalBody | null | undefined)?.root
  if (!root?.children) return ''
  return root.children
    .map((node) => {
      // A photo block counts by its place, not its caption's id (the importer's own body has none yet).
      const blockType = (node as { fields?: { blockType?: string } }).fields?.blockType
      if (blockType) return `block:${blockType}`
      const children = (node as { children?: { text?: string }[] }).children ?? []
      return `${(node as { type: string }).type}:${children.map((child) => child.text ?? '').join('')}`
    })
    .join('\n')
}

function comparable(field: string, value: unknown): string {
  if (field === 'body') return fingerprintBody(value)
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return 'null'
  if (Array.isArray(value)) {
    return JSON.stringify(value.map((item) => (item && typeof item === 'object' && 'id' in item ? String(item.id) : item)))
  }
  if (field === 'originalPublishedAt' && typeof value === 'string') return JSON.stringify(new Date(value).toISOString())
  return JSON.stringify(value)
}

function isSame(field: string, a: unknown, b: unknown): boolean {
  return comparable(field, a) === comparable(field, b)
}

/**
 * Fields written again even when they compare the same: a body's photo blocks compare by place, but
 * point at caption documents, and a caption whose text changed is a new document (the old one is
 * removed), so a body the importer owns is always written, linked to the captions this import keeps.
 */
const ALWAYS_WRITTEN: ReadonlySet<string> = new Set(['body'])

/**
 * Three-way merge of one group of fields: a field takes the new import's value
 * only when the stored value is still what the importer last wrote; a field an
 * editor changed is kept and reported.
 */
function mergeFields<T extends object>(
  incoming: T,
  lastImported: Partial<T> | undefined,
  current: Partial<Record<keyof T, unknown>>,
  label: string,
  kept: string[],
): Partial<T> {
  const changes: Partial<T> = {}
  for (const field of Object.keys(incoming) as (keyof T & string)[]) {
    const next = incoming[field]
    const stored = current[field]
    if (isSame(field, stored, next)) {
      if (ALWAYS_WRITTEN.has(field)) changes[field] = next
      continue
    }
    const editorChanged = lastImported !== undefined && !isSame(field, stored, lastImported[field])
    if (editorChanged) kept.push(`${label}${field}`)
    else changes[field] = next
  }
  return changes
}

/**
 * Pure: decide what one import does. Unchanged bytes → nothing. A new file →
 * create. A changed file → an update (a new draft version) of the fields nobody
 * edited since the last import; an editor's edits and any published version stay.
 */
export function planImport(document: ArticleDocument, existing: ExistingArticle | undefined): ImportPlan {
  if (!existing) return { action: 'create', document }
  if (existing.contentHash === document.provenance.contentHash) return { action: 'unchanged', id: existing.id }
  const kept: string[] = []
  const snapshot = existing.snapshot ?? undefined
  const shared = mergeFields(document.shared, snapshot?.shared, existing.shared, '', kept)
  const localized = Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      mergeFields(document.localized[locale], snapshot?.localized[locale], existing.localized[locale] ?? {}, `${locale}.`, kept),
    ]),
  ) as Record<Script, Partial<LocalizedArticleFields>>
  const captionsInKeptBodies = LOCALES.filter((locale) => kept.includes(`${locale}.body`)).flatMap((locale) => getCaptionIdsInBody(existing.localized[locale]?.body))
  return { action: 'update', id: existing.id, document, shared, localized, keptEditorFields: kept, captionsInKeptBodies: [...new Set(captionsInKeptBodies)] }
}

/** The snapshot to store after writing a plan: what the importer's values now are. */
export function buildSnapshot(document: ArticleDocument): ImportedSnapshot {
  return { shared: document.shared, localized: document.localized }
}
