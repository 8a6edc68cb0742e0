import type { TextFieldSingleValidation } from 'payload'
import { text } from 'payload/shared'

/**
 * A story needs a title to go out, not to be saved: a draft may be saved while the title is still
 * being written, or before the zh-Hant title exists (drafts are validated, see versions.drafts).
 */
export const validateTitle: TextFieldSingleValidation = (value, options) => {
  const publishing = (options.data as { _status?: unknown } | undefined)?._status === 'published'
  if (!publishing && !value) return true
  return text(value, options)
}
