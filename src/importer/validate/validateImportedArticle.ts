import type { z } from 'zod'
import { createImportError, UNNAMED_FILE } from '../importError'
import { importedArticleSchema, type ImportedArticle } from './schema'

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : 'article'
  return `field ${field}: ${issue.message}`
}

/** The article checked against the schema; throws ImportError validation-failed naming the first bad field. */
export function validateImportedArticle(candidate: unknown, file: string = UNNAMED_FILE): ImportedArticle {
  const result = importedArticleSchema.safeParse(candidate)
  if (result.success) return result.data
  const [first, ...others] = result.error.issues
  const more = others.length > 0 ? ` (and ${others.length} more issue${others.length === 1 ? '' : 's'})` : ''
  throw createImportError('validation-failed', file, `${first ? describeIssue(first) : 'invalid article'}${more}`)
}
