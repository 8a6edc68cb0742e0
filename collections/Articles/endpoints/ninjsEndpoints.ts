import type { Endpoint, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import { siteText } from '../../../src/site/siteText'
import { buildNinjs, DEFAULT_NINJS_VERSION, isNinjsVersion, NINJS_VERSIONS } from '../../../src/syndication/buildNinjs'
import { findPublishedStory, readFirstPublishedTimes } from '../../../src/syndication/readPublishedStories'
import { readLocale } from '../../../src/syndication/syndicationResponses'
import { toSyndicatedStory } from '../../../src/syndication/syndicatedStory'

/**
 * A published story as IPTC ninjs for syndication partners (src/syndication/buildNinjs.ts):
 * 3.1 by default, `?version=2.2` for partners on 2.x, `?locale=zh-Hant` for traditional script.
 * Read anonymously whoever asks (a signed-in editor gets the published story too, never a draft).
 */
/** The endpoint's refusals in the request's language (Accept-Language or the admin's cookie, as Payload reads it). */
const NINJS_ERRORS = {
  version: {
    zh: (version: string) => `不支持 ninjs ${version}，可选 ${NINJS_VERSIONS.join('、')}`,
    en: (version: string) => `ninjs ${version} is not supported; choose ${NINJS_VERSIONS.join(' or ')}`,
  },
  notFound: { zh: () => '找不到这篇已发布的稿件', en: () => 'No published story here' },
}
const inLanguage = (req: PayloadRequest) => (req.i18n?.language === 'en' ? 'en' : 'zh')

async function answerNinjs(req: PayloadRequest, by: { id: string } | { slug: string }): Promise<Response> {
  const url = new URL(req.url ?? 'http://localhost/')
  const version = url.searchParams.get('version') ?? DEFAULT_NINJS_VERSION
  if (!isNinjsVersion(version)) throw new APIError(NINJS_ERRORS.version[inLanguage(req)](version), 400, { field: 'version' }, true)
  const locale = readLocale(url)
  const article = await findPublishedStory(req.payload, by, locale)
  if (!article) throw new APIError(NINJS_ERRORS.notFound[inLanguage(req)](), 404, null, true)
  const serverUrl = req.payload.config.serverURL.replace(/\/$/, '')
  const firstPublishedAt = article.originalPublishedAt ? undefined : await readFirstPublishedTimes(req.payload, [String(article.id)])
  const story = toSyndicatedStory(article, { serverUrl, locale, firstPublishedAt })
  const document = buildNinjs(story, { serverUrl, publisher: siteText[locale].siteName, version })
  return Response.json(document, { headers: { 'content-type': 'application/json; charset=utf-8' } })
}

/** GET /api/articles/:id/ninjs and GET /api/articles/by-slug/:slug/ninjs */
export const ninjsEndpoints: Endpoint[] = [
  {
    path: '/by-slug/:slug/ninjs',
    method: 'get',
    handler: (req) => answerNinjs(req, { slug: String(req.routeParams?.slug ?? '') }),
  },
  {
    path: '/:id/ninjs',
    method: 'get',
    handler: (req) => answerNinjs(req, { id: String(req.routeParams?.id ?? '') }),
  },
]
