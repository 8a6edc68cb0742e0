/** What a save does to what readers see. */
export type LiveChange = 'none' | 'publish' | 'live-edit' | 'unpublish'

export interface ArticleSave {
  operation: 'create' | 'update' | 'restore'
  /**
   * The operation's `draft` argument, or undefined when it is not known — then the save is taken to
   * write the live document, so an unknown case is decided as a change of live content (fail closed).
   */
  draft: boolean | undefined
  /** `_status` in the data about to be written (after Payload forced it to 'draft' for a draft save). */
  incomingStatus: unknown
  /** `_status` of the latest version, which a save without `_status` keeps. */
  latestStatus: unknown
  /** Whether the live (main) document is published now. */
  wasLive: boolean
}

export interface ArticleSaveDecision {
  /** The save replaces the live document (not only a new draft version). */
  writesLiveDocument: boolean
  /** `_status` of the document this save writes. */
  nextStatus: 'draft' | 'published'
  change: LiveChange
}

/**
 * Decides, from what will be written, whether a save of an article makes or changes live content.
 * The rules are Payload's own (payload/dist/collections/operations/utilities/update.js,
 * create.js, restoreVersion.js, 3.90):
 * - create always writes the document;
 * - update writes only a draft version when `draft` is set and the data is not `_status: published`:
 *   `draft=true` with `_status: published` publishes (the hole this closes);
 * - restoreVersion writes the document unless `draft` is set, and then forces `_status: draft`.
 */
export function classifyArticleSave(save: ArticleSave): ArticleSaveDecision {
  const draft = save.draft ?? false
  const statusOf = (value: unknown) => (value === 'published' ? 'published' : 'draft')
  let writesLiveDocument: boolean
  let nextStatus: 'draft' | 'published'
  if (save.operation === 'create') {
    writesLiveDocument = true
    nextStatus = statusOf(save.incomingStatus)
  } else if (save.operation === 'restore') {
    writesLiveDocument = !draft
    nextStatus = draft ? 'draft' : statusOf(save.incomingStatus ?? save.latestStatus)
  } else {
    writesLiveDocument = save.incomingStatus === 'published' || !draft
    nextStatus = statusOf(save.incomingStatus ?? save.latestStatus)
  }
  const isLive = writesLiveDocument ? nextStatus === 'published' : save.wasLive
  let change: LiveChange = 'none'
  if (writesLiveDocument && isLive) change = save.wasLive ? 'live-edit' : 'publish'
  else if (save.wasLive && !isLive) change = 'unpublish'
  return { writesLiveDocument, nextStatus, change }
}
