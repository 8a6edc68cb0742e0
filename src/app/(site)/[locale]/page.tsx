import type { Metadata } from 'next'

import config from '@payload-config'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'

import { SiteHeader } from '../../../components/site/SiteHeader'
import { StoryPicture } from '../../../components/site/StoryPicture'
import { formatBeijingTime } from '../../../site/formatBeijingTime'
import { findLatestStoriesByDistrict } from '../../../site/readerQueries'
import { buildLocalePath, isSiteLocale } from '../../../site/siteLocales'
import { notePageLocale } from '../../../site/pageLocale'
import { showInScript, siteText } from '../../../site/siteText'
import { getStoryTimes } from '../../../site/storyTime'

// Read from the database on every request (and never at `next build`, which runs without one).
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ locale: string }> }

/** A card's picture is a small thumbnail beside its headline. */
const CARD_PICTURE_SIZES = '160px'

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params
  if (!isSiteLocale(locale)) return {}
  return { title: { absolute: `${siteText[locale].siteName} · ${siteText[locale].latest}` } }
}

/** `/`: the latest published stories, district by district. */
export default async function HomePage({ params }: Props) {
  const { locale } = await params
  if (!isSiteLocale(locale)) notFound()
  notePageLocale(locale)
  const text = siteText[locale]
  const payload = await getPayload({ config })
  const sections = await findLatestStoriesByDistrict(payload, locale)
  return (
    <>
      <SiteHeader locale={locale} path="/" />
      <main className="page">
        <h1 className="visually-hidden">{text.latest}</h1>
        {sections.length === 0 && <p className="empty">{text.noStories}</p>}
        {sections.map(({ district, stories }) => (
          <section key={district.id} id={district.slug} className="district" aria-labelledby={`district-${district.slug}`}>
            <h2 id={`district-${district.slug}`} className="district__name">
              {showInScript(district.name, locale)}
            </h2>
            <ul className="story-list">
              {stories.map((story) => {
                const time = getStoryTimes(story, story.publications)
                return (
                  <li key={story.id} className={story.picture ? 'story-card story-card--pictured' : 'story-card'}>
                    {story.picture && (
                      <a className="story-card__picture" href={buildLocalePath(`/news/${story.slug}`, locale)} tabIndex={-1} aria-hidden="true">
                        <StoryPicture image={story.picture.image} alt={story.picture.alt} sizes={CARD_PICTURE_SIZES} crop />
                      </a>
                    )}
                    <div className="story-card__text">
                      <a className="story-card__title" href={buildLocalePath(`/news/${story.slug}`, locale)}>
                        {story.title}
                      </a>
                      {story.subtitle && <p className="story-card__deck">{story.subtitle}</p>}
                      <time className="story-card__time" dateTime={time.published}>
                        {formatBeijingTime(time.published, locale)}
                      </time>
                    </div>
                  </li>
                )
              })}
            </ul>
          </section>
        ))}
      </main>
    </>
  )
}
