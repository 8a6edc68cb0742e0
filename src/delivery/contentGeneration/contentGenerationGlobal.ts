import type { GlobalConfig } from 'payload'

export const CONTENT_GENERATION_SLUG = 'content-generation'

/**
 * One row: a token that changes after every committed write to public content. Every app server
 * reads it before answering an anonymous read from its response cache, so a cache is never
 * older than the database, whichever server took the write. Nobody reads or edits it through
 * the API; the server reads and writes it through the database adapter.
 */
export const ContentGeneration: GlobalConfig = {
  slug: CONTENT_GENERATION_SLUG,
  admin: { hidden: true },
  graphQL: false,
  access: { read: () => false, update: () => false },
  fields: [{ name: 'token', type: 'text' }],
}
