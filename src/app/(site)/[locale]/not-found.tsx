import { SiteHeader } from '../../../components/site/SiteHeader'
import { readPageLocale } from '../../../site/pageLocale'
import { buildLocalePath } from '../../../site/siteLocales'
import { siteText } from '../../../site/siteText'

/** An unknown, unpublished or withdrawn story, in the script of the page that was asked for (src/site/pageLocale.ts). */
export default function NotFound() {
  const locale = readPageLocale()
  const text = siteText[locale]
  return (
    <>
      <SiteHeader locale={locale} path="/" />
      <main className="page page--narrow not-found" lang={locale}>
        <h1>{text.notFoundTitle}</h1>
        <p>{text.notFoundText}</p>
        <p>
          <a href={buildLocalePath('/', locale)}>{text.home}</a>
        </p>
      </main>
    </>
  )
}
