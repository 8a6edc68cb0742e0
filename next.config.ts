import type { NextConfig } from 'next'
import type { Rewrite } from 'next/dist/lib/load-custom-routes'

import { withPayload } from '@payloadcms/next/withPayload'

import { DEFAULT_SITE_LOCALE, LOCALE_QUERY_PARAM, SITE_LOCALES } from './src/site/siteLocales'

/**
 * The Express server (src/server.ts) initialises Payload before Next starts and
 * Next's route handlers reuse that instance through Payload's global cache.
 * That only works when both load the *same* module instances, so the server-side
 * Payload packages stay external in production too (withPayload externalises them
 * in development only).
 */
const sharedServerPackages = [
  'payload',
  '@payloadcms/db-sqlite',
  '@payloadcms/db-mongodb',
  '@payloadcms/drizzle',
  '@payloadcms/graphql',
  'sharp',
  // A native addon (the search's word segmenter): loaded by Node, never bundled.
  '@node-rs/jieba',
]

/**
 * The reader site's public URLs (`/`, `/news/<slug>`, `/search?q=…`, `/preview/…`) onto its internal `[locale]`
 * segment (src/app/(site)/[locale]): `?locale=zh-Hant` picks traditional script, anything else
 * simplified. A path segment, not the query, is what lets the root layout set `<html lang>`.
 */
const siteRewrites: Rewrite[] = [
  ...SITE_LOCALES.filter((locale) => locale !== DEFAULT_SITE_LOCALE).flatMap((locale): Rewrite[] => {
    const has: Rewrite['has'] = [{ type: 'query', key: LOCALE_QUERY_PARAM, value: locale }]
    return [
      { source: '/', has, destination: `/${locale}` },
      { source: '/:section(news|preview|search)/:rest*', has, destination: `/${locale}/:section/:rest*` },
    ]
  }),
  { source: '/', destination: `/${DEFAULT_SITE_LOCALE}` },
  { source: '/:section(news|preview|search)/:rest*', destination: `/${DEFAULT_SITE_LOCALE}/:section/:rest*` },
]

const nextConfig: NextConfig = {
  serverExternalPackages: sharedServerPackages,
  poweredByHeader: false,
  // Type checking runs in `npm run typecheck`; the production build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Before the file system: `/` must reach the site's home page, not a missing root page.
  rewrites: async () => ({ beforeFiles: siteRewrites, afterFiles: [], fallback: [] }),
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
