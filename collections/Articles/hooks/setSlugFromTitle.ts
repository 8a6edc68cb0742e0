import type { CollectionBeforeValidateHook } from 'payload'

import { buildShortIdSlug, buildSlugCandidate, buildSlugFromTitle } from '../../../src/text/buildSlug'
import { ARTICLES_SLUG } from '../../slugs'

const MAX_ATTEMPTS = 50

/**
 * Gives a new article a unique, readable slug (pinyin of its title) unless one was
 * entered. An existing slug is never regenerated: published URLs stay stable.
 */
export const setSlugFromTitle: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data || data.slug || originalDoc?.slug) return data
  const title = typeof data.title === 'string' ? data.title : undefined
  const base = (title && buildSlugFromTitle(title)) || buildShortIdSlug()
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const candidate = buildSlugCandidate(base, attempt)
    const { totalDocs } = await req.payload.count({
      collection: ARTICLES_SLUG,
      where: { slug: { equals: candidate } },
      overrideAccess: true,
      req,
    })
    if (totalDocs === 0) return { ...data, slug: candidate }
  }
  return { ...data, slug: `${base}-${buildShortIdSlug()}` }
}
