import { addArticleHooks } from '../Articles/addArticleHooks'
import { syncCaptionsOfArticle } from './publication/articleHooks'

/**
 * Keeps captions' `articlePublished` flag in step with their article's status (publish, unpublish,
 * restore). A plugin, like the photo desk's trackPhotoUsage, so that the captions' rule lives with
 * the captions. A deleted article's captions are deleted with it (deleteWithCaptionsUnlessAudited).
 */
export const trackCaptionPublication = addArticleHooks({ afterChange: [syncCaptionsOfArticle] })
