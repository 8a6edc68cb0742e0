import type { CollectionBeforeChangeHook } from 'payload'

/**
 * Records who created an article (reporters may then edit their own stories).
 * Always the signed-in user: the field itself cannot be written through the API.
 */
export const setCreatedBy: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation === 'create' && req.user) return { ...data, createdBy: req.user.id }
  return data
}
