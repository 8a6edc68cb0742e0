import type { FeedChannel } from './feedChannel'
import type { SyndicatedStory } from './syndicatedStory'

import { pickEnclosure } from './feedChannel'
import { DISTRICT_CODE_DOMAIN } from './buildRssFeed'
import { buildStoryHtml } from './storyHtml'
import { element, textElement, XML_DECLARATION } from './xml'

function entryXml(story: SyndicatedStory): string {
  const enclosure = story.hero ? pickEnclosure(story.hero) : null
  return element('entry', {}, [
    textElement('id', story.url),
    textElement('title', story.title),
    element('link', { rel: 'alternate', type: 'text/html', href: story.url }),
    textElement('published', story.publishedAt),
    textElement('updated', story.updatedAt),
    ...story.authors.map((name) => element('author', {}, [textElement('name', name)])),
    ...story.districts.map((district) => element('category', { term: district.code, scheme: DISTRICT_CODE_DOMAIN, label: district.name })),
    story.summary ? textElement('summary', story.summary, { type: 'text' }) : '',
    textElement('content', buildStoryHtml(story), { type: 'html' }),
    enclosure ? element('link', { rel: 'enclosure', href: enclosure.href, type: enclosure.mimeType, length: enclosure.bytes, title: story.hero!.credit }) : '',
    story.hero && enclosure
      ? element('media:content', { url: enclosure.href, medium: 'image', type: enclosure.mimeType, width: enclosure.width, height: enclosure.height, fileSize: enclosure.bytes }, [
          textElement('media:credit', story.hero.credit, { role: 'photographer', scheme: 'urn:ebu' }),
          textElement('media:description', story.hero.caption ?? story.hero.alt, { type: 'plain' }),
        ])
      : '',
  ])
}

/** Atom 1.0 (RFC 4287), with Media RSS for the hero photo's credit. */
export function buildAtomFeed(channel: FeedChannel): string {
  return (
    XML_DECLARATION +
    element('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xmlns:media': 'http://search.yahoo.com/mrss/', 'xml:lang': channel.language }, [
      textElement('id', channel.selfUrl),
      textElement('title', channel.title),
      textElement('subtitle', channel.description),
      textElement('updated', channel.updatedAt),
      element('link', { rel: 'self', type: 'application/atom+xml', href: channel.selfUrl }),
      element('link', { rel: 'alternate', type: 'text/html', href: channel.siteUrl }),
      // Entries without a byline take the feed's author (RFC 4287 requires one or the other).
      element('author', {}, [textElement('name', channel.publisher)]),
      textElement('generator', 'Pingxiang Newsroom CMS'),
      ...channel.stories.map(entryXml),
    ]) +
    '\n'
  )
}
