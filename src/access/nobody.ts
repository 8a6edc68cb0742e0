import type { FieldAccess } from 'payload'

/** System-maintained fields: written by hooks and the importer (overrideAccess), never by hand. */
export const nobody: FieldAccess = () => false
