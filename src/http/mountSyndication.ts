import type { Express } from 'express'
import type { Payload } from 'payload'

import type { Env } from '../env'

import type { DeliveryEdge } from './mountDeliveryApi'

import { answerFeed, answerNewsSitemap, answerRobotsTxt, answerSitemap } from '../syndication/syndicationResponses'
import { withHttpCaching } from './withHttpCaching'

/** Feed and sitemap paths; a district's feeds sit under its slug. */
const FEED_PATH = /^\/feeds\/(?:([a-z0-9-]+)\/)?(rss|atom)\.xml$/
const SITEMAP_PATHS = ['/sitemap.xml', '/news-sitemap.xml', '/robots.txt'] as const

export function isSyndicationPath(pathname: string): boolean {
  return FEED_PATH.test(pathname) || (SITEMAP_PATHS as readonly string[]).includes(pathname)
}

/**
 * Feeds (RSS 2.0, Atom), sitemaps (Sitemaps protocol, Google News) and robots.txt on the Express
 * edge, served like the delivery API's anonymous reads: through withHttpCaching with the same
 * never-stale response cache (answers kept until any process commits a write to public content,
 * so a publish or takedown shows on the very next request), a strong ETag and 304.
 */
export function mountSyndication(app: Express, payload: Payload, env: Pick<Env, 'SERVER_URL'>, { caching, isAnonymous }: DeliveryEdge) {
  const serverUrl = env.SERVER_URL.replace(/\/$/, '')
  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url)
    const feed = FEED_PATH.exec(url.pathname)
    if (feed) return answerFeed(payload, serverUrl, url, feed[2] as 'rss' | 'atom', feed[1])
    if (url.pathname === '/sitemap.xml') return answerSitemap(payload, serverUrl)
    if (url.pathname === '/news-sitemap.xml') return answerNewsSitemap(payload, serverUrl)
    return answerRobotsTxt(serverUrl)
  }
  // The news sitemap depends on the clock (a story leaves it two days after publication, with no
  // change to log), so it is never kept in memory: ETag and 304 only.
  app.get('/news-sitemap.xml', withHttpCaching(handle, isAnonymous, undefined, isSyndicationPath))
  app.get(['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/:district/rss.xml', '/feeds/:district/atom.xml', '/sitemap.xml', '/robots.txt'], withHttpCaching(handle, isAnonymous, caching, isSyndicationPath))
}
