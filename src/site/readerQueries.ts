import type { Payload, TypedUser } from 'payload'

import type { Article, District } from '../payload-types'
import type { SiteLocale } from './siteLocales'

import { ARTICLES_SLUG, CAPTIONS_SLUG, DISTRICTS_SLUG } from '../../collections/slugs'
import { sortLatestFirst } from './storyTime'

/**
 * What the reader site reads, through Payload's Local API with `overrideAccess: false`, so the
 * collections' own access rules decide exactly as they do for REST: with no user, published
 * stories only (collections/Articles: publishedOrSignedIn), captions of published stories,
 * photos used by them, and no newsroom-only fields.
 */

export type StoryCard = Pick<Article, 'id' | 'title' | 'subtitle' | 'slug' | 'originalPublishedAt' | 'updatedAt'>

export interface DistrictSection {
  district: District
  stories: StoryCard[]
}

/**
 * The latest published stories of each district (city first, then by GB/T 2260 code), for an
 * anonymous reader, newest first by the time shown on them (src/site/storyTime.ts). A story
 * tagged with two districts is listed under both; districts with no published story are left out.
 */
export async function findLatestStoriesByDistrict(payload: Payload, locale: SiteLocale, perDistrict = 6): Promise<DistrictSection[]> {
  const districts = await payload.find({
    collection: DISTRICTS_SLUG,
    sort: 'code',
    pagination: false,
    depth: 0,
    overrideAccess: false,
  })
  const sections = await Promise.all(
    districts.docs.map(async (district) => ({ district, stories: await findLatestStories(payload, district.id, locale, perDistrict) })),
  )
  return sections.filter((section) => section.stories.length > 0)
}

/**
 * A story's time is its original publication time, else its last published save; Payload sorts
 * by stored fields only (no "this, else that"), so the dated and the undated stories are read
 * separately, each newest first by the database, and the two short lists merged here.
 */
async function findLatestStories(payload: Payload, districtId: string, locale: SiteLocale, limit: number): Promise<StoryCard[]> {
  const read = (dated: boolean) =>
    payload.find({
      collection: ARTICLES_SLUG,
      where: { and: [{ districts: { in: [districtId] } }, { originalPublishedAt: { exists: dated } }] },
      sort: dated ? '-originalPublishedAt' : '-updatedAt',
      limit,
      depth: 0,
      locale,
      overrideAccess: false,
      select: { title: true, subtitle: true, slug: true, originalPublishedAt: true, updatedAt: true },
    })
  const [dated, undated] = await Promise.all([read(true), read(false)])
  return sortLatestFirst([...dated.docs, ...undated.docs] as StoryCard[], limit)
}

/** One published story by its slug, with districts, hero photo and captions populated; null when an anonymous reader may not see it. */
export async function findPublishedStory(payload: Payload, slug: string, locale: SiteLocale): Promise<Article | null> {
  const result = await payload.find({
    collection: ARTICLES_SLUG,
    where: { slug: { equals: slug } },
    limit: 1,
    pagination: false,
    depth: 1,
    locale,
    overrideAccess: false,
  })
  return result.docs[0] ?? null
}

/**
 * The newest draft of a story, for a signed-in newsroom user's preview: read as that user
 * (`overrideAccess: false`), so the preview shows exactly what their access allows. Null when
 * there is no such story or the user may not read it. The id is passed through as given:
 * UUID strings on SQLite, ObjectID strings on MongoDB.
 */
export async function findDraftForPreview(
  payload: Payload,
  { id, user, locale }: { id: string; user: TypedUser; locale: SiteLocale },
): Promise<Article | null> {
  const draft = await payload.findByID({
    collection: ARTICLES_SLUG,
    id,
    draft: true,
    depth: 1,
    locale,
    user,
    overrideAccess: false,
    disableErrors: true,
  })
  if (!draft || draft.captions) return draft
  // A draft read leaves join fields out (payloadcms/payload#11355, open): read the captions as
  // the `captions` join would (by article, in position order), as the same user.
  const captions = await payload.find({
    collection: CAPTIONS_SLUG,
    where: { article: { equals: draft.id } },
    sort: 'position',
    limit: 100,
    depth: 0,
    locale,
    user,
    overrideAccess: false,
  })
  return { ...draft, captions: { docs: captions.docs, hasNextPage: captions.hasNextPage, totalDocs: captions.totalDocs } }
}
