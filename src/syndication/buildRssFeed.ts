import type { FeedChannel } from './feedChannel'
import type { SyndicatedStory } from './syndicatedStory'

import { pickEnclosure } from './feedChannel'
import { buildStoryHtml } from './storyHtml'
import { formatByline } from './syndicatedStory'
import { element, textElement, XML_DECLARATION } from './xml'

/** RSS dates are RFC 822 (RFC 1123 in practice): "Fri, 04 Dec 2026 03:00:00 GMT". */
const rfc822 = (iso: string) => new Date(iso).toUTCString()

/** GB/T 2260, the scheme of the district codes given as a category's domain. */
export const DISTRICT_CODE_DOMAIN = 'urn:gbt2260'

function itemXml(story: SyndicatedStory): string {
  const byline = formatByline(story)
  const enclosure = story.hero ? pickEnclosure(story.hero) : null
  return element('item', {}, [
    textElement('title', story.title),
    textElement('link', story.url),
    textElement('guid', story.url, { isPermaLink: 'true' }),
    textElement('pubDate', rfc822(story.publishedAt)),
    // RSS 2.0 has no "updated" of its own: Dublin Core's, as feed readers know it.
    textElement('dcterms:modified', story.updatedAt),
    textElement('dc:creator', byline),
    ...story.districts.map((district) => textElement('category', district.name, { domain: `${DISTRICT_CODE_DOMAIN}:${district.code}` })),
    textElement('description', story.summary ?? story.bodyText.slice(0, 200)),
    // content:encoded holds HTML as text (escaped here, which XML parsers undo).
    textElement('content:encoded', buildStoryHtml(story)),
    enclosure ? element('enclosure', { url: enclosure.href, length: enclosure.bytes ?? 0, type: enclosure.mimeType ?? 'image/jpeg' }) : '',
    story.hero && enclosure
      ? element('media:content', { url: enclosure.href, medium: 'image', type: enclosure.mimeType, width: enclosure.width, height: enclosure.height, fileSize: enclosure.bytes }, [
          textElement('media:credit', story.hero.credit, { role: 'photographer', scheme: 'urn:ebu' }),
          textElement('media:description', story.hero.caption ?? story.hero.alt, { type: 'plain' }),
        ])
      : '',
  ])
}

/** RSS 2.0 with the content, Dublin Core, Atom (self link) and Media RSS extensions. */
export function buildRssFeed(channel: FeedChannel): string {
  return (
    XML_DECLARATION +
    element(
      'rss',
      {
        version: '2.0',
        'xmlns:atom': 'http://www.w3.org/2005/Atom',
        'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        'xmlns:dcterms': 'http://purl.org/dc/terms/',
        'xmlns:media': 'http://search.yahoo.com/mrss/',
      },
      [
        element('channel', {}, [
          textElement('title', channel.title),
          textElement('link', channel.siteUrl),
          textElement('description', channel.description),
          textElement('language', channel.language),
          textElement('lastBuildDate', rfc822(channel.updatedAt)),
          element('atom:link', { href: channel.selfUrl, rel: 'self', type: 'application/rss+xml' }),
          ...channel.stories.map(itemXml),
        ]),
      ],
    ) +
    '\n'
  )
}
