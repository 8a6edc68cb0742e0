import type { Plugin } from 'payload'

import { ARTICLES_SLUG } from '../../collections/slugs'
import { recordWarningOverride } from './recordWarningOverride'
import { resolveWarningEndpoint } from './resolveWarningEndpoint'

/**
 * Importer warnings the newsroom acts on (src/importWarnings/): the resolve action on articles and
 * the audit entry of the chief editor's override. The rule itself (no story goes live over
 * unresolved serious warnings) is enforced by the publishing guard, which every save passes.
 */
export const importWarningsPlugin: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) =>
    collection.slug === ARTICLES_SLUG
      ? {
          ...collection,
          endpoints: [...(Array.isArray(collection.endpoints) ? collection.endpoints : []), resolveWarningEndpoint],
          hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), recordWarningOverride] },
        }
      : collection,
  ),
})
