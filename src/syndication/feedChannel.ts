import type { District } from '../payload-types'
import type { SiteLocale } from '../site/siteLocales'
import type { PhotoRendition, SyndicatedPhoto, SyndicatedStory } from './syndicatedStory'

import { buildLocalePath } from '../site/siteLocales'
import { showInScript, siteText } from '../site/siteText'

/** What a feed is about: the whole site or one district, in one script. */
export interface FeedChannel {
  title: string
  /** The newsroom's name in the feed's script. */
  publisher: string
  description: string
  /** The reader site's page for it. */
  siteUrl: string
  /** This feed's own URL (with its script). */
  selfUrl: string
  /** BCP 47 language of the feed's text. */
  language: 'zh-Hans' | 'zh-Hant'
  /** The newest "updated" time of its stories; for an empty feed its district's last change, else the epoch (a fixed time, so the ETag stays stable). */
  updatedAt: string
  stories: SyndicatedStory[]
}

export function buildFeedChannel({ serverUrl, locale, district, format, stories }: { serverUrl: string; locale: SiteLocale; district: District | null; format: 'rss' | 'atom'; stories: SyndicatedStory[] }): FeedChannel {
  const text = siteText[locale]
  const districtName = district ? showInScript(district.name, locale) : null
  const path = district ? `/feeds/${district.slug}/${format}.xml` : `/feeds/${format}.xml`
  return {
    title: districtName ? `${text.siteName} · ${districtName}` : text.siteName,
    publisher: text.siteName,
    description: districtName ? `${districtName}${text.latest}` : text.tagline,
    siteUrl: `${serverUrl}${buildLocalePath(district ? `/#${district.slug}` : '/', locale)}`,
    selfUrl: `${serverUrl}${buildLocalePath(path, locale)}`,
    language: locale,
    updatedAt: stories.reduce((newest, story) => (story.updatedAt > newest ? story.updatedAt : newest), new Date(district?.updatedAt ?? 0).toISOString()),
    stories,
  }
}

/** The file a feed encloses for a photo: the hero-size derivative in the upload's own format, else the original. */
export function pickEnclosure(photo: SyndicatedPhoto): PhotoRendition | null {
  return photo.renditions.find((rendition) => rendition.name === 'hero') ?? photo.renditions.find((rendition) => rendition.name === 'original') ?? null
}
