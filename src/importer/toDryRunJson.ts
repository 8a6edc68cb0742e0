import { ImportError } from './importError'
import type { ImportedArticle } from './validate/schema'

/** What the import CLI prints for one file in a dry run. */
export interface DryRunJson {
  file: string
  ok: boolean
  error: string | null
  format: ImportedArticle['format'] | null
  encoding: ImportedArticle['encoding'] | null
  script: ImportedArticle['script'] | null
  title: string | null
  subtitle: string | null
  summary: string | null
  originalPublishedAt: string | null
  source: string | null
  sourceUrl: string | null
  authors: string[]
  photographers: string[]
  districts: string[]
  sectionHeadings: string[]
  captions: { text: string; credit: string | null }[]
  paragraphs: string[]
  warnings: { kind: string; message: string; snippet: string }[]
  /** Source lines left out of the article, with the reason (provenance). */
  dropped: { line: number; text: string; reason: string }[]
}

/** The dry-run JSON for one file: the article's fields, or ok:false with the error's one-line message. */
export function toDryRunJson(file: string, result: ImportedArticle | ImportError): DryRunJson {
  if (result instanceof ImportError) {
    return {
      file,
      ok: false,
      error: result.message,
      format: null,
      encoding: null,
      script: null,
      title: null,
      subtitle: null,
      summary: null,
      originalPublishedAt: null,
      source: null,
      sourceUrl: null,
      authors: [],
      photographers: [],
      districts: [],
      sectionHeadings: [],
      captions: [],
      paragraphs: [],
      warnings: [],
      dropped: [],
    }
  }
  return {
    file,
    ok: true,
    error: null,
    format: result.format,
    encoding: result.encoding,
    script: result.script,
    title: result.title,
    subtitle: result.subtitle,
    summary: result.summary,
    originalPublishedAt: result.originalPublishedAt,
    source: result.source,
    sourceUrl: result.sourceUrl,
    authors: result.authors,
    photographers: result.photographers,
    districts: result.districts,
    sectionHeadings: result.sectionHeadings,
    captions: result.captions.map(({ text, credit }) => ({ text, credit })),
    paragraphs: result.paragraphs,
    warnings: result.warnings.map(({ kind, message, snippet }) => ({ kind, message, snippet })),
    dropped: result.droppedLines,
  }
}
