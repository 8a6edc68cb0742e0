import type { SyndicatedStory } from './syndicatedStory'

import { escapeXml } from './xml'

/** HTML-escaping is XML-escaping for text and attribute values. */
const escapeHtml = escapeXml

/** The public notes (更正/更新) as HTML paragraphs, oldest first: "更正（2026-12-04T03:00:00.000Z）：…". */
export function buildNotesHtml(story: Pick<SyndicatedStory, 'notes'>): string {
  return story.notes
    .map((note) => `<p class="note note--${note.kind}"><strong>${escapeHtml(note.label)}</strong>（<time datetime="${note.at}">${escapeHtml(formatNoteTime(note.at))}</time>）：${escapeHtml(note.note)}</p>`)
    .join('')
}

const beijing = new Intl.DateTimeFormat('zh-Hans-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** A note's time as the newsroom writes it, in Beijing time ("2026年12月4日 11:00"). */
export function formatNoteTime(iso: string): string {
  return beijing.format(new Date(iso))
}

/**
 * The full story for a feed reader: the notes first (a reader of a corrected story sees the
 * correction before the text it corrects), the deck, the hero photo with its credit, the body,
 * then the captioned photos.
 */
export function buildStoryHtml(story: SyndicatedStory): string {
  const parts = [buildNotesHtml(story)]
  if (story.subtitle) parts.push(`<p class="deck"><strong>${escapeHtml(story.subtitle)}</strong></p>`)
  if (story.hero) parts.push(figureHtml(story.hero, 'hero'))
  parts.push(story.bodyHtml)
  for (const photo of story.photos) parts.push(figureHtml(photo, 'card'))
  return parts.join('')
}

function figureHtml(photo: NonNullable<SyndicatedStory['hero']>, preferred: string): string {
  const file = photo.renditions.find((rendition) => rendition.name === preferred) ?? photo.renditions[0]
  if (!file) return ''
  const size = file.width && file.height ? ` width="${file.width}" height="${file.height}"` : ''
  const caption = [photo.caption, photo.credit].filter(Boolean).map((text) => escapeHtml(text!)).join(' ')
  return `<figure><img src="${escapeHtml(file.href)}" alt="${escapeHtml(photo.alt ?? photo.caption ?? '')}"${size}/>${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`
}
