/* The reader site's root layout, beside the admin's own in (payload) (as Payload's templates put a (frontend) group). */
import type { Metadata } from 'next'
import type React from 'react'

import { DEFAULT_SITE_LOCALE, isSiteLocale } from '../../../site/siteLocales'
import { siteText } from '../../../site/siteText'
import '../site.css'

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params
  const { siteName } = siteText[isSiteLocale(locale) ? locale : DEFAULT_SITE_LOCALE]
  return { title: { default: siteName, template: `%s · ${siteName}` }, icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/favicon.svg' }] }
}

export default async function SiteLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params
  // Any other first segment is a 404 from the page; the layout still needs a language for it.
  return (
    <html lang={isSiteLocale(locale) ? locale : DEFAULT_SITE_LOCALE}>
      <body>{children}</body>
    </html>
  )
}
