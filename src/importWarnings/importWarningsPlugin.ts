import type { CollectionConfig, Field, Plugin } from 'payload'

import { ARTICLES_SLUG } from '../../collections/slugs'
import { countOpenImportWarnings, OPEN_IMPORT_WARNINGS_FIELD, openImportWarningsField } from './countOpenImportWarnings'
import { importWarningsTranslations } from './importWarningsTranslations'
import { recordWarningOverride } from './recordWarningOverride'
import { resolveWarningEndpoint } from './resolveWarningEndpoint'

/** The warnings at the top of the edit view, before the title (a UI field: it stores nothing). */
const importWarningsPanelField: Field = {
  name: 'importWarningsPanel',
  type: 'ui',
  admin: { components: { Field: '/importWarnings/components/ImportWarningsPanel#ImportWarningsPanel' } },
}

function withImportWarnings(articles: CollectionConfig): CollectionConfig {
  const columns = articles.admin?.defaultColumns ?? []
  return {
    ...articles,
    admin: { ...articles.admin, defaultColumns: [...columns.slice(0, 1), OPEN_IMPORT_WARNINGS_FIELD, ...columns.slice(1)] },
    fields: [importWarningsPanelField, ...articles.fields, openImportWarningsField],
    endpoints: [...(Array.isArray(articles.endpoints) ? articles.endpoints : []), resolveWarningEndpoint],
    hooks: {
      ...articles.hooks,
      // After the publishing guard, which marks warnings when the chief editor overrides them.
      beforeChange: [...(articles.hooks?.beforeChange ?? []), countOpenImportWarnings],
      afterChange: [...(articles.hooks?.afterChange ?? []), recordWarningOverride],
    },
  }
}

/**
 * Importer warnings the newsroom acts on (src/importWarnings/): on articles, the warnings panel at
 * the top of the edit view, the count of open warnings (list column, dashboard card), the resolve
 * action and the audit entry of the chief editor's override; the dashboard card 导入有问题的稿件; the
 * admin's translations for all of it. The rule itself (no story goes live over unresolved serious
 * warnings) is enforced by the publishing guard, which every save passes.
 */
export const importWarningsPlugin: Plugin = (config) => ({
  ...config,
  admin: {
    ...config.admin,
    components: {
      ...config.admin?.components,
      beforeDashboard: [...(config.admin?.components?.beforeDashboard ?? []), '/importWarnings/components/ImportProblemsCard#ImportProblemsCard'],
    },
  },
  i18n: {
    ...config.i18n,
    translations: {
      ...config.i18n?.translations,
      zh: { ...config.i18n?.translations?.zh, ...importWarningsTranslations.zh },
      en: { ...config.i18n?.translations?.en, ...importWarningsTranslations.en },
    },
  },
  collections: config.collections?.map((collection) => (collection.slug === ARTICLES_SLUG ? withImportWarnings(collection) : collection)),
})
