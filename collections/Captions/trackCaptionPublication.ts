import type { Plugin } from 'payload'

import { ARTICLES_SLUG } from '../slugs'
import { hideCaptionsOfDeletedArticle, syncCaptionsOfArticle } from './publication/articleHooks'

/**
 * Keeps captions' `articlePublished` flag in step with their article's status, by adding two
 * hooks to the articles collection (publish, unpublish, restore, delete). A plugin, like the photo
 * desk's trackPhotoUsage, so that the captions' rule lives with the captions.
 */
export const trackCaptionPublication: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) =>
    collection.slug !== ARTICLES_SLUG
      ? collection
      : {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [...(collection.hooks?.afterChange ?? []), syncCaptionsOfArticle],
            afterDelete: [...(collection.hooks?.afterDelete ?? []), hideCaptionsOfDeletedArticle],
          },
        },
  ),
})
