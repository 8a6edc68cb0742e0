import type { CollectionBeforeChangeHook } from 'payload'

import { WorkflowError } from '../../../src/workflow/workflowError'

export const EXPECTED_VERSION_HEADER = 'x-expected-updated-at'

/**
 * Optimistic concurrency for API clients: a save that says which version it
 * edited (header x-expected-updated-at: the updatedAt it read) is refused with
 * 409 when someone saved since, instead of silently overwriting their work.
 * The admin panel relies on Payload's document locking for the same purpose.
 */
export const refuseStaleSave: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  const expected = req.headers?.get?.(EXPECTED_VERSION_HEADER)
  if (operation !== 'update' || !expected || !originalDoc?.updatedAt) return data
  if (new Date(expected).getTime() !== new Date(originalDoc.updatedAt).getTime()) {
    throw new WorkflowError('stale-save', { savedAt: new Date(originalDoc.updatedAt).toISOString(), basedOn: expected })
  }
  return data
}
