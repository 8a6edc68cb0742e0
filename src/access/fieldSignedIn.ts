import type { FieldAccess } from 'payload'

/** Internal fields (provenance, importer warnings) are for the newsroom only. */
export const fieldSignedIn: FieldAccess = ({ req: { user } }) => Boolean(user)
