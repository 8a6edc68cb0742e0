import type { CollectionConfig, Plugin } from 'payload'

import { ARTICLES_SLUG, CAPTIONS_SLUG } from '../../collections/slugs'
import { getSearchStore } from './getSearchStore'
import {
  buildListSearchHook,
  indexArticleAfterChange,
  indexCaptionArticleAfterChange,
  indexCaptionArticleAfterDelete,
  removeArticleAfterDelete,
} from './hooks'
import { searchEndpoint } from './searchEndpoint'

function withHooks(collection: CollectionConfig, hooks: NonNullable<CollectionConfig['hooks']>): CollectionConfig {
  const merged = { ...collection.hooks }
  for (const [name, added] of Object.entries(hooks) as [keyof typeof hooks, unknown[]][]) {
    merged[name] = [...((collection.hooks?.[name] as unknown[] | undefined) ?? []), ...added] as never
  }
  return { ...collection, hooks: merged }
}

/**
 * Word search over articles, for readers and the newsroom (src/search/): the index (FTS5 on
 * SQLite, a tokens collection on MongoDB) kept in step by hooks on articles and captions,
 * which every write path runs (REST, GraphQL, the admin, the importer, scheduled publishes and
 * takedowns, restores, deletes); GET /api/search; and the admin's article list search.
 * Payload's own search plugin copies fields into a collection searched with `like`, which
 * has no notion of Chinese words, hence this.
 */
export const searchPlugin: Plugin = (config) => ({
  ...config,
  endpoints: [...(config.endpoints ?? []), searchEndpoint],
  collections: config.collections?.map((collection) => {
    if (collection.slug === ARTICLES_SLUG) {
      const searchable = collection.admin?.listSearchableFields ?? [collection.admin?.useAsTitle ?? 'id']
      return withHooks(collection, {
        beforeOperation: [buildListSearchHook(searchable)],
        afterChange: [indexArticleAfterChange],
        afterDelete: [removeArticleAfterDelete],
      })
    }
    if (collection.slug === CAPTIONS_SLUG) {
      return withHooks(collection, { afterChange: [indexCaptionArticleAfterChange], afterDelete: [indexCaptionArticleAfterDelete] })
    }
    return collection
  }),
  onInit: async (payload) => {
    await config.onInit?.(payload)
    await getSearchStore(payload).prepare()
  },
})
