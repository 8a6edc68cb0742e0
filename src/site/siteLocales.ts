/**
 * The reader site's two scripts: the same codes as Payload's `localization` (src/payload.config.ts),
 * so a page asks the Local API for exactly the locale in its URL.
 *
 * Public URLs carry the script as a query parameter: `/news/<slug>` is simplified and
 * `/news/<slug>?locale=zh-Hant` traditional. next.config.ts rewrites both onto the internal
 * `[locale]` segment of src/app/(site), whose root layout sets `<html lang>` from it (a root
 * layout cannot read the query string itself).
 */
export const SITE_LOCALES = ['zh-Hans', 'zh-Hant'] as const
export type SiteLocale = (typeof SITE_LOCALES)[number]

export const DEFAULT_SITE_LOCALE: SiteLocale = 'zh-Hans'
/** The query parameter that picks the script (the same name Payload's REST API uses). */
export const LOCALE_QUERY_PARAM = 'locale'

export function isSiteLocale(value: unknown): value is SiteLocale {
  return typeof value === 'string' && (SITE_LOCALES as readonly string[]).includes(value)
}

/** A public path in the given script: the default script has no query parameter ("/#anyuan" → "/?locale=zh-Hant#anyuan"). */
export function buildLocalePath(path: string, locale: SiteLocale): string {
  if (locale === DEFAULT_SITE_LOCALE) return path
  const hashAt = path.indexOf('#')
  const [beforeHash, hash] = hashAt === -1 ? [path, ''] : [path.slice(0, hashAt), path.slice(hashAt)]
  return `${beforeHash}${beforeHash.includes('?') ? '&' : '?'}${LOCALE_QUERY_PARAM}=${locale}${hash}`
}
