import { addArticleHooks } from '../Articles/addArticleHooks'
import { syncPhotosOfArticle, syncPhotosOfDeletedArticle } from './usage/articleHooks'

/**
 * Keeps photos' `usedByPublished` flag in step with the articles that use them (publish, unpublish,
 * hero photo change, delete). A plugin rather than lines in the Articles config so that the photo
 * desk owns its rule in one place; the captions side of the same rule lives in the Captions collection.
 */
export const trackPhotoUsage = addArticleHooks({ afterChange: [syncPhotosOfArticle], afterDelete: [syncPhotosOfDeletedArticle] })
