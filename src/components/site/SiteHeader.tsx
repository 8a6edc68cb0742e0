import type { SiteLocale } from '../../site/siteLocales'

import { buildLocalePath } from '../../site/siteLocales'
import { siteText } from '../../site/siteText'
import { ScriptToggle } from './ScriptToggle'
import { SearchBox } from './SearchBox'

/** The masthead on every reader page; `path` is the current page's public path, for the script switch. */
export function SiteHeader({ locale, path, query }: { locale: SiteLocale; path: string; query?: string }) {
  const text = siteText[locale]
  return (
    <header className="masthead">
      <div className="masthead__inner">
        <a className="masthead__name" href={buildLocalePath('/', locale)}>
          {text.siteName}
        </a>
        <span className="masthead__tagline">{text.tagline}</span>
        <SearchBox locale={locale} query={query} />
        <ScriptToggle locale={locale} path={path} />
      </div>
    </header>
  )
}
