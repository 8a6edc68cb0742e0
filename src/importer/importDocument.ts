import { decodeText } from './decode/decodeText'
import { detectEncoding } from './decode/detectEncoding'
import { detectFormat } from './detect/detectFormat'
import { detectScript } from './detect/detectScript'
import { createImportError } from './importError'
import { matchDistricts, type DistrictRef } from './normalise/matchDistricts'
import { normaliseArticle } from './normalise/normaliseArticle'
import { normaliseText } from './normalise/normaliseText'
import { parseDocument } from './parse/parseDocument'
import type { ImportedArticle, Warning } from './validate/schema'
import { validateImportedArticle } from './validate/validateImportedArticle'

/** A page without a headline still imports: the dry run shows title null, the store a draft whose title an editor must write. */
const MISSING_TITLE: Warning = {
  kind: 'missing-title',
  severity: 'warning',
  message: 'no headline found in the text: an editor must write the title',
  snippet: '',
}

export interface ImportOptions {
  /** Used in error messages only. */
  fileName: string
  /** The districts to recognise (the store's list); see matchDistricts. */
  districts: readonly DistrictRef[]
}

/**
 * One source document's bytes to one validated article, with no database and
 * no file system: detect the encoding, decode, clean the text, detect the
 * format, parse, detect the script, normalise the body, match districts,
 * validate. Throws ImportError when no article can be built; everything else
 * it noticed is in `warnings`.
 */
export function importDocument(bytes: Uint8Array, options: ImportOptions): ImportedArticle {
  const { fileName: file } = options
  const encoding = detectEncoding(bytes, file)
  const cleaned = normaliseText(decodeText(bytes, encoding, file))
  if (!/[^\s\u3000]/u.test(cleaned.text)) throw createImportError('empty-file', file) // only blanks: test, don't copy the text
  const format = detectFormat(cleaned.text, file)
  const parsed = parseDocument(cleaned.text, format)
  const bodyText = parsed.items.map((item) => item.text).join('\n')
  const script = detectScript(`${parsed.title ?? ''}\n${bodyText}`)
  const body = normaliseArticle(parsed, script)
  const districts = matchDistricts(
    {
      placeHints: parsed.placeHints,
      text: [parsed.title, parsed.subtitle, ...body.blocks.map((block) => block.text)].filter(Boolean).join('\n'),
    },
    options.districts,
  )
  return validateImportedArticle(
    {
      format,
      encoding,
      script,
      title: parsed.title,
      subtitle: parsed.subtitle,
      summary: parsed.summary,
      originalPublishedAt: parsed.originalPublishedAt,
      source: parsed.source,
      sourceUrl: parsed.sourceUrl,
      authors: parsed.authors,
      photographers: body.photographers,
      defaultCredit: parsed.defaultCredit,
      districts,
      tags: parsed.tags,
      sectionHeadings: body.sectionHeadings,
      captions: body.captions,
      paragraphs: body.paragraphs,
      blocks: body.blocks,
      warnings: [...cleaned.warnings, ...body.warnings, ...(parsed.title ? [] : [MISSING_TITLE])],
      droppedLines: parsed.dropped ?? [],
    },
    file,
  )
}
