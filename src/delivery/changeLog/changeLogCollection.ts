import type { CollectionConfig } from 'payload'

export const CHANGE_LOG_SLUG = 'cache-changes'

/**
 * The change log: one row per committed change to public content, in order (`seq` 1, 2, 3…, with
 * no gaps: see appendChange), listing the dependency tags it touches (dependencyTags.ts). Every
 * app server reads the rows after the last it saw before answering an anonymous read from its
 * response cache, and drops the cached answers that depend on them. Nobody reads or edits it
 * through the API; the server writes and reads it through the database adapter.
 */
export const ChangeLog: CollectionConfig = {
  slug: CHANGE_LOG_SLUG,
  admin: { hidden: true },
  graphQL: false,
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [
    // Unique: two processes appending at once cannot both take the same number (see appendChange).
    { name: 'seq', type: 'number', required: true, unique: true, index: true },
    { name: 'tags', type: 'json', required: true },
    // Which process appended it (host and pid): to tell, when a cache looks stale, whose write it missed.
    { name: 'origin', type: 'text' },
  ],
}
