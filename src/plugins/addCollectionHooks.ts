import type { CollectionConfig, Config, Plugin } from 'payload'

type CollectionHooks = NonNullable<CollectionConfig['hooks']>

/**
 * A plugin that appends hooks to one collection, so that a feature (the visibility rule, delivery)
 * keeps its hooks on other collections in its own folder. The collection's own hooks run first.
 */
export function addCollectionHooks(slug: string, hooks: CollectionHooks): Plugin {
  return (config: Config) => ({
    ...config,
    collections: config.collections?.map((collection) => {
      if (collection.slug !== slug) return collection
      const merged: Record<string, unknown[]> = { ...(collection.hooks as Record<string, unknown[]>) }
      for (const [name, added] of Object.entries(hooks) as [string, unknown[]][]) merged[name] = [...(merged[name] ?? []), ...added]
      return { ...collection, hooks: merged as CollectionHooks }
    }),
  })
}
