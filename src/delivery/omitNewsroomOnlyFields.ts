import type { CollectionBeforeOperationHook, Field, SanitizedCollectionConfig, SelectType } from 'payload'

import { fieldSignedIn } from '../access/fieldSignedIn'

/** Top-level fields only the newsroom may read (`access.read: fieldSignedIn`), e.g. an article's provenance. */
export function listNewsroomOnlyFields(collection: Pick<SanitizedCollectionConfig, 'fields'>): string[] {
  return collection.fields.flatMap((field: Field) => ('name' in field && 'access' in field && field.access?.read === fieldSignedIn ? [field.name] : []))
}

/** No `select`, or one that names only fields to leave out: more can be left out without changing what it asks for. */
function isExclusionSelect(select: SelectType | null | undefined): boolean {
  if (select === null || select === undefined) return true
  const values = Object.values(select)
  return values.length > 0 && values.every((value) => value === false)
}

/**
 * Anonymous reads leave out what field access would strip from their answer anyway, so the
 * database is not asked for it: an article's provenance (the importer's original text, snapshot
 * and warnings) is as large as its body. The answer is the same; only the reading is saved.
 * Reads with their own `select` of fields to include, signed-in reads and Local API reads that
 * override access are left alone.
 */
export const omitNewsroomOnlyFields: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'read' || req.user || args.overrideAccess) return args
  const omitted = listNewsroomOnlyFields(collection)
  if (omitted.length === 0 || !isExclusionSelect(args.select)) return args
  return { ...args, select: { ...args.select, ...Object.fromEntries(omitted.map((name) => [name, false])) } }
}
