import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Notes whether an update saves a draft version (`draft: true`, as autosave and
 * "save draft" do) so the workflow guard can tell a draft of a live story from an
 * unpublish: both arrive with `_status: 'draft'`, and beforeChange hooks are not told which.
 */
export const markDraftSave: CollectionBeforeOperationHook = ({ args, operation, context }) => {
  if (operation === 'update' || operation === 'updateByID' || operation === 'restoreVersion') context.draftSave = Boolean((args as { draft?: boolean }).draft)
  if (operation === 'restoreVersion') context.restoring = true
  return args
}
