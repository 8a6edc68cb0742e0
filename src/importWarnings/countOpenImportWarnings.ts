import type { CollectionBeforeChangeHook, NumberField } from 'payload'

import { fieldSignedIn } from '../access/fieldSignedIn'
import { nobody } from '../access/nobody'
import { storedWarningsOf } from './storedWarnings'

export const OPEN_IMPORT_WARNINGS_FIELD = 'openImportWarnings'

/**
 * How many of the story's importer warnings (level 警告, not notes) are not dealt with yet: the
 * articles list's column and the dashboard card's query. Stored, because a list cannot sort or
 * filter by a computed value; kept by the hook below on every save.
 */
export const openImportWarningsField: NumberField = {
  name: OPEN_IMPORT_WARNINGS_FIELD,
  label: { zh: '导入警告', en: 'Importer warnings' },
  type: 'number',
  index: true,
  access: { read: fieldSignedIn, create: nobody, update: nobody },
  admin: { position: 'sidebar', readOnly: true, description: { zh: '待处理的导入警告条数', en: 'Importer warnings not yet dealt with' } },
}

export const countOpenImportWarnings: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const incoming = storedWarningsOf(data)
  const rows = (data as { provenance?: { warnings?: unknown } }).provenance?.warnings !== undefined ? incoming : storedWarningsOf(originalDoc)
  return { ...data, [OPEN_IMPORT_WARNINGS_FIELD]: rows.filter((row) => row.severity === 'warning' && !row.resolution).length }
}
