/** Collection slugs, in one place so collections can refer to each other without import cycles. */
export const USERS_SLUG = 'users'
export const DISTRICTS_SLUG = 'districts'
export const ARTICLES_SLUG = 'articles'
export const PHOTOS_SLUG = 'photos'
export const CAPTIONS_SLUG = 'captions'
