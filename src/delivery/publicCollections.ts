import { ARTICLES_SLUG, CAPTIONS_SLUG, DISTRICTS_SLUG, PHOTOS_SLUG } from '../../collections/slugs'

/**
 * The collections anonymous readers can get documents of (published ones): the delivery API's
 * content. Their anonymous reads are cacheable, and their public changes are logged in the change log
 * (changeLog/dependencyTags.ts says which documents anonymous readers see and what pins their lists).
 */
export const PUBLIC_COLLECTION_SLUGS: readonly string[] = [ARTICLES_SLUG, CAPTIONS_SLUG, PHOTOS_SLUG, DISTRICTS_SLUG]
