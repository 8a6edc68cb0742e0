import { cache } from 'react'

import { DEFAULT_SITE_LOCALE, type SiteLocale } from './siteLocales'

/** The script of the page being rendered, for this request only (React's per-request cache). */
const requestLocale = cache((): { locale: SiteLocale } => ({ locale: DEFAULT_SITE_LOCALE }))

/**
 * A page notes its script before anything can call notFound(): Next gives a not-found page no
 * params, and it should speak the script of the page that was asked for, not both.
 */
export function notePageLocale(locale: SiteLocale): void {
  requestLocale().locale = locale
}

/** The script noted by the page of this request; simplified when none was (an unknown path). */
export function readPageLocale(): SiteLocale {
  return requestLocale().locale
}
