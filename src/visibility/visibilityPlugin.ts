import type { Plugin } from 'payload'

import { ARTICLES_SLUG, CAPTIONS_SLUG } from '../../collections/slugs'
import { addCollectionHooks } from '../plugins/addCollectionHooks'
import { setArticlePublished } from './hooks/setArticlePublished'
import { syncCaptionsOfArticle } from './hooks/syncCaptionsOfArticle'
import { syncPhotosOfArticle, syncPhotosOfDeletedArticle } from './hooks/syncPhotosOfArticle'
import { syncPhotoUsageOfCaption, syncPhotoUsageOfDeletedCaption } from './hooks/syncPhotoUsageOfCaption'

/**
 * The visibility rule: anonymous readers see a caption or a photo only while a published story
 * uses it (a caption: its photo block stands in the published body; a photo: as hero photo or in
 * such a caption). The collections' read access asks one flag of their own (captions' `articlePublished`,
 * photos' `usedByPublished`, see their access.ts); these hooks keep the flags true to the articles
 * on every publish, unpublish, restore, hero photo change, caption change and delete.
 * syncCaptionPublicationOnStart repairs the captions' flag at start-up.
 */
export function visibilityPlugin(): Plugin {
  const onArticles = addCollectionHooks(ARTICLES_SLUG, {
    // Captions first: a photo's use is read from its captions' flags (syncPhotoUsage.ts).
    afterChange: [syncCaptionsOfArticle, syncPhotosOfArticle],
    afterDelete: [syncPhotosOfDeletedArticle],
  })
  const onCaptions = addCollectionHooks(CAPTIONS_SLUG, {
    beforeChange: [setArticlePublished],
    afterChange: [syncPhotoUsageOfCaption],
    afterDelete: [syncPhotoUsageOfDeletedCaption],
  })
  return async (config) => onCaptions(await onArticles(config))
}
