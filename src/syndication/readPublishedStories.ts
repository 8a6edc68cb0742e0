import type { Payload, Where } from 'payload'

import type { Article, District } from '../payload-types'
import type { SiteLocale } from '../site/siteLocales'

import { ARTICLES_SLUG, DISTRICTS_SLUG } from '../../collections/slugs'
import { readPublications } from '../site/readerQueries'

/**
 * What the feeds, sitemaps and ninjs read. Every read of content is anonymous — Payload's Local
 * API with `overrideAccess: false` and no user — so the collections' own access rules decide, as
 * for anonymous REST: published stories only, never a draft or a newsroom-only field, whatever
 * the caller of a route is signed in as.
 */
const ANONYMOUS = { overrideAccess: false } as const

/** How many stories a feed lists. */
export const FEED_SIZE = 50

/**
 * The latest published stories (of one district, if given), newest first by publication time.
 * Payload sorts by stored fields only, so stories with an original publication time and those
 * without (dated by their live save, as on the reader site) are read apart and merged by the caller.
 */
export async function findLatestPublishedStories(payload: Payload, { locale, districtId, limit = FEED_SIZE }: { locale: SiteLocale; districtId?: string; limit?: number }): Promise<Article[]> {
  const read = (dated: boolean) => {
    const where: Where[] = [{ originalPublishedAt: { exists: dated } }]
    if (districtId) where.push({ districts: { in: [districtId] } })
    return payload.find({ collection: ARTICLES_SLUG, where: { and: where }, sort: dated ? '-originalPublishedAt' : '-updatedAt', limit, depth: 1, locale, ...ANONYMOUS })
  }
  const [dated, undated] = await Promise.all([read(true), read(false)])
  return [...dated.docs, ...undated.docs]
}

/** A district by its slug (districts are public reference data), or null. */
export async function findDistrictBySlug(payload: Payload, slug: string): Promise<District | null> {
  const result = await payload.find({ collection: DISTRICTS_SLUG, where: { slug: { equals: slug } }, limit: 1, depth: 0, pagination: false, ...ANONYMOUS })
  return result.docs[0] ?? null
}

export type SitemapStory = Pick<Article, 'id' | 'slug' | 'title' | 'originalPublishedAt' | 'updatedAt'>

/** Every published story, just what a sitemap needs. */
export async function findAllPublishedStories(payload: Payload, where?: Where): Promise<SitemapStory[]> {
  const result = await payload.find({
    collection: ARTICLES_SLUG,
    where,
    sort: '-updatedAt',
    pagination: false,
    depth: 0,
    select: { slug: true, title: true, originalPublishedAt: true, updatedAt: true },
    ...ANONYMOUS,
  })
  return result.docs as SitemapStory[]
}

/** One published story by id or slug, populated for syndication; null when anonymous readers may not see it. */
export async function findPublishedStory(payload: Payload, by: { id: string } | { slug: string }, locale: SiteLocale): Promise<Article | null> {
  if ('id' in by) {
    const doc = await payload.findByID({ collection: ARTICLES_SLUG, id: by.id, depth: 1, locale, disableErrors: true, ...ANONYMOUS }).catch(() => null)
    return doc ?? null
  }
  const result = await payload.find({ collection: ARTICLES_SLUG, where: { slug: { equals: by.slug } }, limit: 1, depth: 1, locale, pagination: false, ...ANONYMOUS })
  return result.docs[0] ?? null
}

/**
 * When each story was first published in this CMS, from the audit trail (a story without an
 * original publication time is dated by it; its live save moves with every correction). The trail
 * is newsroom-only, so this one read is the server's own (overrideAccess), for stories that the
 * anonymous reads above already returned, and only the time of their first publish leaves it.
 */
export async function readFirstPublishedTimes(payload: Payload, articleIds: readonly string[]): Promise<Map<string, string>> {
  // The reader site's read of the same publish entries; only the first time is wanted here.
  const publications = await readPublications(payload, articleIds)
  return new Map([...publications].map(([articleId, { first }]) => [articleId, first]))
}
