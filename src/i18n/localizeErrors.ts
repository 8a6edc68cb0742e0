import type { AfterErrorHook, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { getTranslation } from '@payloadcms/translations'
import { ValidationError } from 'payload'

import { WorkflowError } from '../workflow/workflowError'

type FieldError = { path?: string; label?: unknown }

/** A field's label as the admin shows it, from the collection's config; its key when it has none. */
function labelOf(path: string, collection: SanitizedCollectionConfig | undefined, req: PayloadRequest): string {
  const [top, ...rest] = path.split('.')
  const field = collection?.flattenedFields.find((candidate) => candidate.name === top)
  const label = field && 'label' in field && field.label ? getTranslation(field.label as never, req.i18n) : top!
  return [label, ...rest].join(' → ')
}

/**
 * The label Payload gave the failing field, in the request's language: for a field inside an array or a
 * rich-text block it is the whole trail (`正文 > 图片说明`), which the path's own segments are not.
 */
function labelOfError(error: FieldError, config: SanitizedCollectionConfig | undefined, req: PayloadRequest): string {
  const { label } = error
  if (typeof label === 'function') return String(label({ i18n: req.i18n, t: req.t }))
  if (label && typeof label === 'object') return getTranslation(label as never, req.i18n)
  if (typeof label === 'string' && label !== '') return label
  return error.path ? labelOf(error.path, config, req) : ''
}

/**
 * The refusals' messages in the language of the request (the admin's language setting, Payload's
 * `payload-lng` cookie, else Accept-Language), so the admin speaks one language. Payload's own
 * ValidationError names fields by key and is sometimes made without a translator (the login
 * operation's: `The following field is invalid: email`); it is reworded here with the fields'
 * labels. WorkflowErrors are written in Chinese and carry their English (src/workflow/workflowError.ts).
 */
export const localizeErrors: AfterErrorHook = ({ error, req, result, collection }) => {
  const first = result?.errors?.[0]
  if (!result || !first) return
  // The answer is reworded in place: routeError sends the very object it passed as `result`.
  if (error instanceof WorkflowError) {
    first.message = error.messageIn(req.i18n.language)
    return
  }
  if (error instanceof ValidationError) {
    const data = error.data as { collection?: string; errors?: FieldError[] }
    const fields = data.errors ?? []
    if (fields.length === 0) return
    const config = collection ?? (data.collection ? (req.payload.collections as Record<string, { config: SanitizedCollectionConfig } | undefined>)[data.collection]?.config : undefined)
    const labels = fields.map((field) => labelOfError(field, config, req))
    const lead = req.t('error:followingFieldsInvalid', { count: fields.length })
    first.message = `${lead}${lead.endsWith('：') ? '' : ' '}${labels.join(req.i18n.language === 'en' ? ', ' : '、')}`
  }
}
