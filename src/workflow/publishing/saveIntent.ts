import type { CollectionBeforeOperationHook } from 'payload'

import { noteSaveIntent } from './operationState'

/**
 * Notes the operation and its `draft` argument before Payload starts a save of an article: the one
 * fact about what will be written that beforeChange hooks are not given (see classifyArticleSave).
 */
export const noteArticleSaveIntent: CollectionBeforeOperationHook = ({ args, operation, context }) => {
  const draft = Boolean((args as { draft?: boolean }).draft)
  if (operation === 'create') noteSaveIntent(context, { operation: 'create', draft })
  if (operation === 'update' || operation === 'updateByID') noteSaveIntent(context, { operation: 'update', draft })
  if (operation === 'restoreVersion') noteSaveIntent(context, { operation: 'restore', draft })
  return args
}
