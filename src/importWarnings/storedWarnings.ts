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

/** A warning named for the newsroom, in Chinese or English: its kind, where, and its snippet. */
export function describeWarning(warning: StoredWarning, language: 'zh' | 'en' = 'zh'): string {
  const en = language === 'en'
  const label = warningKindLabels[warning.kind as StoredWarningKind]?.[language] ?? warning.kind ?? (en ? 'Unknown warning' : '未知警告')
  const paragraph = typeof warning.paragraph === 'number' ? warning.paragraph + 1 : null
  const line = typeof warning.line === 'number' ? warning.line : null
  const place = paragraph !== null ? (en ? `paragraph ${paragraph}` : `第${paragraph}段`) : line !== null ? (en ? `source line ${line}` : `源文件第${line}行`) : ''
  const snippet = warning.snippet ? `“${shorten(warning.snippet, 24)}”` : ''
  const where = [place, snippet].filter(Boolean).join(en ? ': ' : '：')
  if (!where) return label
  return en ? `${label} (${where})` : `${label}（${where}）`
}

export function describeWarnings(warnings: readonly StoredWarning[], language: 'zh' | 'en' = 'zh'): string {
  return warnings.map((warning) => describeWarning(warning, language)).join(language === 'en' ? '; ' : '；')
}
