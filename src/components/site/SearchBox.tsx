import type { SiteLocale } from '../../site/siteLocales'

import { DEFAULT_SITE_LOCALE, LOCALE_QUERY_PARAM } from '../../site/siteLocales'
import { siteText } from '../../site/siteText'

/** The masthead's search box: a plain GET form to /search (works without JavaScript), in the page's script. */
export function SearchBox({ locale, query }: { locale: SiteLocale; query?: string }) {
  const text = siteText[locale]
  return (
    <form className="search-box" role="search" action="/search" method="get">
      <input className="search-box__input" type="search" name="q" defaultValue={query} placeholder={text.searchPlaceholder} aria-label={text.search} maxLength={200} required />
      {locale !== DEFAULT_SITE_LOCALE && <input type="hidden" name={LOCALE_QUERY_PARAM} value={locale} />}
      <button className="search-box__button" type="submit">
        {text.search}
      </button>
    </form>
  )
}
