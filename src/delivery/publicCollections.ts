import { ARTICLES_SLUG, CAPTIONS_SLUG, DISTRICTS_SLUG, PHOTOS_SLUG } from '../../collections/slugs'

/**
 * The collections anonymous readers can get documents of (published ones): the delivery API's
 * content. Their anonymous reads are cacheable, and any write to them moves the content generation.
 */
export const PUBLIC_COLLECTION_SLUGS: readonly string[] = [ARTICLES_SLUG, CAPTIONS_SLUG, PHOTOS_SLUG, DISTRICTS_SLUG]
