import type { Payload, TypedUser } from 'payload'

import type { Article, Caption, District, Photo } from '../payload-types'
import type { ReaderImage } from './readerImage'
import type { SiteLocale } from './siteLocales'

import { ARTICLES_SLUG, CAPTIONS_SLUG, DISTRICTS_SLUG, WORKFLOW_EVENTS_SLUG } from '../../collections/slugs'
import { toPhotoImage } from '../photos/photoImage'
import { sortLatestFirst, type Publications } from './storyTime'

/**
 * What the reader site reads, through Payload's Local API with `overrideAccess: false`, so the
 * collections' own access rules decide exactly as they do for REST: with no user, published
 * stories only (collections/Articles: publishedOrSignedIn), captions of published stories,
 * photos used by them, and no newsroom-only fields.
 */

export type StoryCard = Pick<Article, 'id' | 'title' | 'subtitle' | 'slug' | 'originalPublishedAt' | 'updatedAt'> & {
  publications?: Publications
  /** The story's picture on the front page: its hero photo, else its first captioned photo. */
  picture: { image: ReaderImage; alt: string } | null
}

type CardRead = Pick<Article, 'id' | 'title' | 'subtitle' | 'slug' | 'originalPublishedAt' | 'updatedAt' | 'heroPhoto' | 'captions'>

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
 * A story's time is its original publication time, else its first publish here (the audit trail);
 * Payload sorts by stored fields only, so the dated stories are read newest first by their
 * original time, the undated ones by their last live save (never earlier than their first
 * publish, so the newest first publishes are among them), and the two short lists merged here.
 */
async function findLatestStories(payload: Payload, districtId: string, locale: SiteLocale, limit: number): Promise<StoryCard[]> {
  const read = (dated: boolean) =>
    payload.find({
      collection: ARTICLES_SLUG,
      where: { and: [{ districts: { in: [districtId] } }, { originalPublishedAt: { exists: dated } }] },
      sort: dated ? '-originalPublishedAt' : '-updatedAt',
      limit: dated ? limit : limit * 2,
      depth: 1,
      locale,
      overrideAccess: false,
      select: { title: true, subtitle: true, slug: true, originalPublishedAt: true, updatedAt: true, heroPhoto: true, captions: true },
      // The first caption that has a photo, for a story without a hero photo.
      joins: { captions: { limit: 1, sort: 'position', where: { photo: { exists: true } } } },
    })
  const [dated, undated] = await Promise.all([read(true), read(false)])
  const stories = [...dated.docs, ...undated.docs] as CardRead[]
  const publications = await readPublications(payload, stories.map((story) => String(story.id)))
  const cards = stories.map((story): StoryCard => ({
    id: story.id,
    title: story.title,
    subtitle: story.subtitle,
    slug: story.slug,
    originalPublishedAt: story.originalPublishedAt,
    updatedAt: story.updatedAt,
    publications: publications.get(String(story.id)),
    picture: pickCardPicture(story),
  }))
  return sortLatestFirst(cards, limit, (card) => card.publications)
}

function pickCardPicture(story: CardRead): StoryCard['picture'] {
  const hero = typeof story.heroPhoto === 'object' && story.heroPhoto !== null ? (story.heroPhoto as Photo) : null
  if (hero) return { image: toPhotoImage(hero), alt: hero.alt }
  const caption = story.captions?.docs?.find((doc): doc is Caption => typeof doc === 'object' && doc !== null && Boolean(doc.image))
  return caption?.image ? { image: caption.image, alt: caption.image.alt ?? caption.text } : null
}

/**
 * When each story went live here, from the audit trail (its `publish` entries: the first publish,
 * a scheduled one, a republish, a live edit). Read by the server for published stories only; the
 * entries themselves stay newsroom-only.
 */
export async function readPublications(payload: Payload, articleIds: readonly string[]): Promise<Map<string, Publications>> {
  const publications = new Map<string, Publications>()
  if (articleIds.length === 0) return publications
  const events = await payload.find({
    collection: WORKFLOW_EVENTS_SLUG,
    where: { and: [{ article: { in: [...articleIds] } }, { action: { equals: 'publish' } }] },
    sort: 'at',
    pagination: false,
    depth: 0,
    select: { article: true, at: true },
    overrideAccess: true,
  })
  for (const event of events.docs) {
    const articleId = String(typeof event.article === 'object' ? event.article.id : event.article)
    const at = new Date(event.at).toISOString()
    const known = publications.get(articleId)
    publications.set(articleId, { first: known?.first ?? at, last: at })
  }
  return publications
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
