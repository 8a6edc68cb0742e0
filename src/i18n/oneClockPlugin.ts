import type { CollectionConfig, Config, Field, Plugin } from 'payload'

const BEIJING_TIME_CELL = '/components/admin/BeijingTime#BeijingTimeCell'
const DOCUMENT_TIMES = '/components/admin/BeijingTime#DocumentTimes'

/**
 * Payload's own timestamp fields, as its sanitizer would add them (same name, type, index, label),
 * but shown in Beijing time in list and join tables: the default cell formats them in the browser's zone.
 */
function beijingTimestamp(name: 'createdAt' | 'updatedAt'): Field {
  return {
    name,
    type: 'date',
    index: true,
    label: ({ t }) => t(`general:${name}`),
    admin: { hidden: true, disableBulkEdit: true, components: { Cell: BEIJING_TIME_CELL } },
  }
}

const declares = (collection: CollectionConfig, name: string) => collection.fields.some((field) => 'name' in field && field.name === name)

function withBeijingTimestamps(collection: CollectionConfig): CollectionConfig {
  if (collection.timestamps === false) return collection
  const missing = (['updatedAt', 'createdAt'] as const).filter((name) => !declares(collection, name))
  const edit = collection.admin?.components?.edit
  return {
    ...collection,
    fields: [...collection.fields, ...missing.map(beijingTimestamp)],
    admin: {
      ...collection.admin,
      components: {
        ...collection.admin?.components,
        edit: { ...edit, beforeDocumentControls: [DOCUMENT_TIMES, ...(edit?.beforeDocumentControls ?? [])] },
      },
    },
  }
}

/**
 * One clock in the admin (src/i18n/beijingTime.ts): every collection's 创建时间/更新时间 columns and its
 * document header's 最后修改/已创建 in Beijing time, whatever the browser's time zone.
 */
export const oneClockPlugin: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map(withBeijingTimestamps),
})
