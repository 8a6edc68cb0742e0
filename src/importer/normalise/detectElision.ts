import { buildSnippet } from '../../text/chineseText'
import type { Warning } from '../validate/schema'

/** A paragraph that is only an ellipsis: the editor cut text here (<p>……</p>). */
export function isElisionParagraph(text: string): boolean {
  return /^[.…。·\s]+$/u.test(text) && /…|\.{3}/u.test(text)
}

/** Text cut short by a web page: it ends with "..." (three dots) or with an ellipsis after a space. */
export function isTruncated(text: string): boolean {
  return /(?:^|[^.])\.{3}$|\s(?:\.{2,}|…+)$/u.test(text.trimEnd())
}

/** Warns where text was left out: an ellipsis paragraph, a truncated paragraph, a truncated summary. */
export function detectElision(fields: { summary: string | null; paragraphs: string[] }): Warning[] {
  const warnings: Warning[] = []
  if (fields.summary && isTruncated(fields.summary)) {
    warnings.push({
      kind: 'elision',
      severity: 'info',
      message: 'the summary is truncated',
      snippet: buildSnippet(fields.summary, fields.summary.length, fields.summary.length, 16),
    })
  }
  fields.paragraphs.forEach((paragraph, index) => {
    if (isElisionParagraph(paragraph)) {
      warnings.push({ kind: 'elision', severity: 'warning', message: 'an ellipsis paragraph: the source left text out here', snippet: paragraph, paragraph: index })
    } else if (isTruncated(paragraph)) {
      warnings.push({
        kind: 'elision',
        severity: 'warning',
        message: 'paragraph is truncated',
        snippet: buildSnippet(paragraph, paragraph.length, paragraph.length, 16),
        paragraph: index,
      })
    }
  })
  return warnings
}
