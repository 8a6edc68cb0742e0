import type { SiteLocale } from '../../site/siteLocales'

import { buildLocalePath, SITE_LOCALES } from '../../site/siteLocales'
import { siteText } from '../../site/siteText'

const LABELS: Record<SiteLocale, { short: string; long: string }> = {
  'zh-Hans': { short: '简', long: '简体中文' },
  'zh-Hant': { short: '繁', long: '繁體中文' },
}

/** The 简/繁 switch: the same page in the other script (plain links, so each is a full page with its own `<html lang>`). */
export function ScriptToggle({ locale, path }: { locale: SiteLocale; path: string }) {
  return (
    <nav className="script-toggle" aria-label={siteText[locale].scriptSwitch}>
      {SITE_LOCALES.map((code) =>
        code === locale ? (
          <span key={code} lang={code} title={LABELS[code].long} aria-current="true" className="script-toggle__current">
            {LABELS[code].short}
          </span>
        ) : (
          <a key={code} lang={code} title={LABELS[code].long} href={buildLocalePath(path, code)} hrefLang={code}>
            {LABELS[code].short}
          </a>
        ),
      )}
    </nav>
  )
}
