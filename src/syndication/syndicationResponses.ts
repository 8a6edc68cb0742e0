import type { Payload } from 'payload'

import type { SiteLocale } from '../site/siteLocales'

import { DEFAULT_SITE_LOCALE, isSiteLocale, LOCALE_QUERY_PARAM } from '../site/siteLocales'
import { siteText } from '../site/siteText'
import { sortLatestFirst } from '../site/storyTime'
import { buildAtomFeed } from './buildAtomFeed'
import { buildRssFeed } from './buildRssFeed'
import { buildNewsSitemap, buildRobotsTxt, buildSitemap, NEWS_SITEMAP_RULES, selectNewsSitemapStories } from './buildSitemaps'
import { buildFeedChannel } from './feedChannel'
import { FEED_SIZE, findAllPublishedStories, findDistrictBySlug, findLatestPublishedStories, readFirstPublishedTimes } from './readPublishedStories'
import { datePublication, toSyndicatedStory } from './syndicatedStory'

export type FeedFormat = 'rss' | 'atom'

const CONTENT_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
} as const

const answer = (body: string, type: keyof typeof CONTENT_TYPES) => new Response(body, { status: 200, headers: { 'content-type': CONTENT_TYPES[type] } })
const notFound = (message: string) => Response.json({ errors: [{ message }] }, { status: 404 })

/** The script asked for with `?locale=`, as on the reader site: zh-Hant, else simplified. */
export function readLocale(url: URL): SiteLocale {
  const asked = url.searchParams.get(LOCALE_QUERY_PARAM)
  return isSiteLocale(asked) ? asked : DEFAULT_SITE_LOCALE
}

/** The ids of stories without an original publication time: only they need their first publish from the audit trail. */
const undatedIds = (stories: readonly { id: string; originalPublishedAt?: string | null }[]) =>
  stories.filter((story) => !story.originalPublishedAt).map((story) => String(story.id))

/** An RSS or Atom feed of the latest published stories, of the whole site or of one district (404 for an unknown district). */
export async function answerFeed(payload: Payload, serverUrl: string, url: URL, format: FeedFormat, districtSlug?: string): Promise<Response> {
  const locale = readLocale(url)
  const district = districtSlug ? await findDistrictBySlug(payload, districtSlug) : null
  if (districtSlug && !district) return notFound(`没有“${districtSlug}”这个行政区的订阅源`)
  const articles = await findLatestPublishedStories(payload, { locale, districtId: district?.id })
  const firstPublishedAt = await readFirstPublishedTimes(payload, undatedIds(articles))
  const stories = articles.map((article) => toSyndicatedStory(article, { serverUrl, locale, firstPublishedAt }))
  const latest = sortLatestFirst(
    stories.map((story) => ({ story, originalPublishedAt: story.publishedAt, updatedAt: story.savedAt })),
    FEED_SIZE,
  ).map(({ story }) => story)
  const channel = buildFeedChannel({ serverUrl, locale, district, format, stories: latest })
  return answer(format === 'rss' ? buildRssFeed(channel) : buildAtomFeed(channel), format)
}

export async function answerSitemap(payload: Payload, serverUrl: string): Promise<Response> {
  return answer(buildSitemap(serverUrl, await findAllPublishedStories(payload)), 'xml')
}

/**
 * The Google News sitemap: stories first published in the last two days. Candidates are read by
 * their stored times (an original publication time in the window, or, without one, a live save in
 * it: a first publish is never later than the live save), then dated exactly.
 */
export async function answerNewsSitemap(payload: Payload, serverUrl: string, now = new Date()): Promise<Response> {
  const since = new Date(now.getTime() - NEWS_SITEMAP_RULES.maxAgeMs).toISOString()
  const candidates = await findAllPublishedStories(payload, {
    or: [{ originalPublishedAt: { greater_than_equal: since } }, { and: [{ originalPublishedAt: { exists: false } }, { updatedAt: { greater_than_equal: since } }] }],
  })
  const firstPublishedAt = await readFirstPublishedTimes(payload, undatedIds(candidates))
  const dated = candidates
    .filter((story) => story.slug)
    .map((story) => ({
      slug: story.slug!,
      title: story.title,
      publishedAt: datePublication(story, firstPublishedAt.get(String(story.id))),
    }))
  return answer(buildNewsSitemap(serverUrl, siteText['zh-Hans'].siteName, selectNewsSitemapStories(dated, now)), 'xml')
}

export function answerRobotsTxt(serverUrl: string): Response {
  return answer(buildRobotsTxt(serverUrl), 'text')
}
