import type { Plugin } from 'payload'

import { ARTICLES_SLUG } from '../slugs'
import { syncPhotosOfArticle, syncPhotosOfDeletedArticle } from './usage/articleHooks'

/**
 * Keeps photos' `usedByPublished` flag in step with the articles that use them, by adding two
 * hooks to the articles collection (publish, unpublish, hero photo change, delete). A plugin
 * rather than lines in the Articles config so that the photo desk owns its rule in one place;
 * the captions side of the same rule lives in the Captions collection.
 */
export const trackPhotoUsage: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) =>
    collection.slug !== ARTICLES_SLUG
      ? collection
      : {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [...(collection.hooks?.afterChange ?? []), syncPhotosOfArticle],
            afterDelete: [...(collection.hooks?.afterDelete ?? []), syncPhotosOfDeletedArticle],
          },
        },
  ),
})
