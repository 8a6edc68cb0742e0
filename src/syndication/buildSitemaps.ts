import type { SitemapStory } from './readPublishedStories'

import { element, textElement, XML_DECLARATION } from './xml'

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'

/**
 * Google News sitemap rules (developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap):
 * only articles published in the last two days, at most 1,000 URLs; news:publication with the
 * publication's name and its language as an ISO 639 code (zh-cn for simplified Chinese), the
 * article's publication date in W3C format, and its title.
 */
export const NEWS_SITEMAP_RULES = {
  maxAgeMs: 2 * 24 * 60 * 60 * 1000,
  maxUrls: 1000,
  language: 'zh-cn',
} as const

export const storyUrl = (serverUrl: string, slug: string) => `${serverUrl}/news/${encodeURIComponent(slug)}`

/** The Sitemaps protocol's urlset: the home page and every published story, with its last published change. */
export function buildSitemap(serverUrl: string, stories: readonly SitemapStory[]): string {
  const newest = stories.reduce((latest, story) => (story.updatedAt > latest ? story.updatedAt : latest), '')
  return (
    XML_DECLARATION +
    element('urlset', { xmlns: SITEMAP_NS }, [
      element('url', {}, [textElement('loc', `${serverUrl}/`), newest ? textElement('lastmod', new Date(newest).toISOString()) : '']),
      ...stories
        .filter((story) => story.slug)
        .map((story) => element('url', {}, [textElement('loc', storyUrl(serverUrl, story.slug!)), textElement('lastmod', new Date(story.updatedAt).toISOString())])),
    ]) +
    '\n'
  )
}

export interface NewsSitemapStory {
  slug: string
  title: string
  /** When the story was first published (original publication time, else its first publish here). */
  publishedAt: string
}

/** The stories a news sitemap may list at `now`: published in the last two days, newest first, at most 1,000. */
export function selectNewsSitemapStories(stories: readonly NewsSitemapStory[], now: Date): NewsSitemapStory[] {
  const since = now.getTime() - NEWS_SITEMAP_RULES.maxAgeMs
  return stories
    .filter((story) => {
      const time = Date.parse(story.publishedAt)
      return time >= since && time <= now.getTime()
    })
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .slice(0, NEWS_SITEMAP_RULES.maxUrls)
}

/** A Google News sitemap of the given (already selected) stories, in simplified script. */
export function buildNewsSitemap(serverUrl: string, publicationName: string, stories: readonly NewsSitemapStory[]): string {
  return (
    XML_DECLARATION +
    element('urlset', { xmlns: SITEMAP_NS, 'xmlns:news': NEWS_NS }, [
      ...stories.map((story) =>
        element('url', {}, [
          textElement('loc', storyUrl(serverUrl, story.slug)),
          element('news:news', {}, [
            element('news:publication', {}, [textElement('news:name', publicationName), textElement('news:language', NEWS_SITEMAP_RULES.language)]),
            textElement('news:publication_date', new Date(story.publishedAt).toISOString()),
            textElement('news:title', story.title),
          ]),
        ]),
      ),
    ]) +
    '\n'
  )
}

/** robots.txt: everything may be crawled but the admin and draft previews (photo files are under /api); where the sitemaps are. */
export function buildRobotsTxt(serverUrl: string): string {
  return ['User-agent: *', 'Disallow: /admin', 'Disallow: /preview/', '', `Sitemap: ${serverUrl}/sitemap.xml`, `Sitemap: ${serverUrl}/news-sitemap.xml`, ''].join('\n')
}
