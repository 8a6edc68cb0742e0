import type { Metadata } from 'next'

import config from '@payload-config'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'
import { cache } from 'react'

import type { SiteLocale } from '../../../../../site/siteLocales'

import { SiteHeader } from '../../../../../components/site/SiteHeader'
import { StoryView } from '../../../../../components/site/StoryView'
import { findPublishedStory, readPublications } from '../../../../../site/readerQueries'
import { isSiteLocale } from '../../../../../site/siteLocales'
import { notePageLocale } from '../../../../../site/pageLocale'
import { siteText } from '../../../../../site/siteText'

// Read from the database on every request (and never at `next build`, which runs without one).
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ locale: string; slug: string }> }

/** One lookup per request, shared by the metadata and the page. No user: what an anonymous reader may see. */
const loadStory = cache(async (slug: string, locale: SiteLocale) => findPublishedStory(await getPayload({ config }), slug, locale))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params
  if (!isSiteLocale(locale)) return {}
  const story = await loadStory(slug, locale)
  if (!story) return { title: { absolute: `${siteText[locale].notFoundTitle} · ${siteText[locale].siteName}` } }
  return {
    title: { absolute: `${story.title} · ${siteText[locale].siteName}` },
    description: story.subtitle ?? story.summary ?? undefined,
  }
}

/** `/news/<slug>`: one published story; 404 for an unknown slug or a story not (or no longer) published. */
export default async function StoryPage({ params }: Props) {
  const { locale, slug } = await params
  if (!isSiteLocale(locale)) notFound()
  notePageLocale(locale)
  const story = await loadStory(slug, locale)
  if (!story) notFound()
  const publications = await readPublications(await getPayload({ config }), [String(story.id)])
  return (
    <>
      <SiteHeader locale={locale} path={`/news/${slug}`} />
      <main className="page page--narrow">
        <StoryView article={story} locale={locale} publications={publications.get(String(story.id))} />
      </main>
    </>
  )
}
