import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Plugin } from 'payload'

import { ARTICLES_SLUG } from '../slugs'

/**
 * A plugin that appends hooks to the articles collection, so that another collection (the photo
 * desk, captions) can keep its own rule about articles in its own folder.
 */
export function addArticleHooks(hooks: { afterChange?: CollectionAfterChangeHook[]; afterDelete?: CollectionAfterDeleteHook[] }): Plugin {
  return (config) => ({
    ...config,
    collections: config.collections?.map((collection) =>
      collection.slug !== ARTICLES_SLUG
        ? collection
        : {
            ...collection,
            hooks: {
              ...collection.hooks,
              afterChange: [...(collection.hooks?.afterChange ?? []), ...(hooks.afterChange ?? [])],
              afterDelete: [...(collection.hooks?.afterDelete ?? []), ...(hooks.afterDelete ?? [])],
            },
          },
    ),
  })
}
