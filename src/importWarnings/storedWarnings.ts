import { isSeriousWarningKind, warningKindLabels, type StoredWarningKind, type WarningResolution } from './importWarningKinds'

/** A warning row as stored in an article's provenance.warnings. */
export interface StoredWarning {
  id?: string | null
  kind?: string | null
  severity?: string | null
  message?: string | null
  snippet?: string | null
  paragraph?: number | null
  line?: number | null
  resolution?: WarningResolution | null
  resolvedAt?: string | null
  resolvedBy?: unknown
  resolutionNote?: string | null
}

interface WithProvenance {
  provenance?: { warnings?: StoredWarning[] | null } | null
}

export function storedWarningsOf(doc: unknown): StoredWarning[] {
  return (doc as WithProvenance | null | undefined)?.provenance?.warnings ?? []
}

export function isUnresolvedSeriousWarning(warning: StoredWarning): boolean {
  return isSeriousWarningKind(warning.kind) && !warning.resolution
}

/**
 * The serious warnings not yet dealt with, in the stored story and in what a save writes. Both are
 * read so a save cannot clear a warning by writing the rows anew: a warning is resolved only by the
 * resolve action or the chief editor's override (src/importWarnings/), which mark the stored row.
 */
export function findUnresolvedSeriousWarnings(stored: unknown, incoming?: unknown): StoredWarning[] {
  const found = [...storedWarningsOf(stored), ...storedWarningsOf(incoming)].filter(isUnresolvedSeriousWarning)
  const seen = new Set<string>()
  return found.filter((warning) => {
    const key = warning.id ?? JSON.stringify([warning.kind, warning.snippet, warning.paragraph, warning.line])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length)}…` : flat
}

/** A warning named for the newsroom (中文): its kind, where, and its snippet. */
export function describeWarning(warning: StoredWarning): string {
  const label = warningKindLabels[warning.kind as StoredWarningKind]?.zh ?? warning.kind ?? '未知警告'
  const place = typeof warning.paragraph === 'number' ? `第${warning.paragraph + 1}段` : typeof warning.line === 'number' ? `源文件第${warning.line}行` : ''
  const snippet = warning.snippet ? `“${shorten(warning.snippet, 24)}”` : ''
  const where = [place, snippet].filter(Boolean).join('：')
  return where ? `${label}（${where}）` : label
}

export function describeWarnings(warnings: readonly StoredWarning[]): string {
  return warnings.map(describeWarning).join('；')
}
