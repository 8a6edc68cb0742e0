import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { convertLexicalToHTML, type HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

import type { Article, Caption, District, Photo } from '../payload-types'
import type { SiteLocale } from '../site/siteLocales'

import { formatCredit } from '../photos/formatCredit'
import { PHOTO_DERIVATIVES } from '../photos/photoSizes'
import { orderCaptions } from '../site/orderCaptions'
import { buildLocalePath } from '../site/siteLocales'
import { showInScript } from '../site/siteText'
import { correctionKindLabels, type CorrectionKind } from './correctionsField'

/** One file of a photo: the original or a derivative, with an absolute URL. */
export interface PhotoRendition {
  /** `original`, or the derivative's name (thumbnail, cardWebp, …). */
  name: string
  href: string
  mimeType: string | null
  width: number | null
  height: number | null
  bytes: number | null
}

export interface SyndicatedPhoto {
  /** `hero`, or `photo-<n>` for the n-th captioned photo of the story. */
  name: string
  /** A stable address of the photo: its original file. */
  uri: string
  caption: string | null
  /** The credit line as the newsroom prints it ("郁佳敏 摄"). */
  credit: string | null
  alt: string | null
  renditions: PhotoRendition[]
}

export interface SyndicatedNote {
  kind: CorrectionKind
  /** 更正 or 更新. */
  label: string
  note: string
  at: string
}

export interface SyndicatedDistrict {
  name: string
  slug: string
  /** GB/T 2260 administrative code. */
  code: string
  level: District['level']
}

/**
 * A published story as every outside format needs it (RSS, Atom, ninjs): absolute URLs, text in
 * the requested script, the body as HTML and as plain text, photos with credits, public notes.
 * Built from what an anonymous Local API read returned, so it never holds more than readers see.
 */
export interface SyndicatedStory {
  id: string
  slug: string
  /** The story's page on the reader site, in the story's script. */
  url: string
  locale: SiteLocale
  title: string
  subtitle: string | null
  summary: string | null
  bodyHtml: string
  bodyText: string
  authors: string[]
  source: string | null
  sourceUrl: string | null
  districts: SyndicatedDistrict[]
  /** When the story was first published: its original publication time, else its first publish in this CMS, else its live save. */
  publishedAt: string
  /** When its live version was last saved (any published edit). */
  savedAt: string
  /** The time of its newest public note, else its publication: what feeds give as "updated". */
  updatedAt: string
  createdAt: string
  notes: SyndicatedNote[]
  hero: SyndicatedPhoto | null
  /** The captioned photos in caption order (the hero too, when a caption uses it). */
  photos: SyndicatedPhoto[]
}

const populated = <T extends { id: string }>(values: (string | T | null | undefined)[] | null | undefined): T[] =>
  (values ?? []).filter((value): value is T => typeof value === 'object' && value !== null)

/** Payload's URLs are absolute when serverURL is set; make sure, so feeds never carry a relative link. */
function absolute(url: string | null | undefined, serverUrl: string): string | null {
  if (!url) return null
  return new URL(url, serverUrl).href
}

type FileLike = { url?: string | null; mimeType?: string | null; width?: number | null; height?: number | null; filesize?: number | null }

function toRenditions(photo: FileLike & { sizes?: Record<string, FileLike | undefined> | null }, serverUrl: string): PhotoRendition[] {
  const files: [string, FileLike | undefined][] = [['original', photo], ...PHOTO_DERIVATIVES.map(({ name }) => [name, photo.sizes?.[name]] as [string, FileLike | undefined])]
  const renditions: PhotoRendition[] = []
  for (const [name, file] of files) {
    const href = absolute(file?.url, serverUrl)
    if (!href) continue
    renditions.push({ name, href, mimeType: file?.mimeType ?? null, width: file?.width ?? null, height: file?.height ?? null, bytes: file?.filesize ?? null })
  }
  return renditions
}

function toNotes(article: Article): SyndicatedNote[] {
  return (article.corrections ?? [])
    .filter((row): row is { kind: CorrectionKind; note: string; at: string } => Boolean(row.note && row.at && (row.kind === 'correction' || row.kind === 'update')))
    .map((row) => ({ kind: row.kind, label: correctionKindLabels[row.kind].zh, note: row.note, at: new Date(row.at).toISOString() }))
    .sort((a, b) => a.at.localeCompare(b.at))
}

/**
 * When a story was first published: its original publication time, else its first publish here
 * (the audit entry is written just after the save it records, so never later than the live save).
 */
export function datePublication(story: { originalPublishedAt?: string | null; updatedAt: string }, firstPublishedAt: string | undefined): string {
  if (story.originalPublishedAt) return new Date(story.originalPublishedAt).toISOString()
  const saved = Date.parse(story.updatedAt)
  const first = firstPublishedAt ? Date.parse(firstPublishedAt) : saved
  return new Date(Math.min(first, saved)).toISOString()
}

export interface SyndicationContext {
  serverUrl: string
  locale: SiteLocale
  /** First publish times from the audit trail, by article id (readFirstPublishedTimes). */
  firstPublishedAt?: ReadonlyMap<string, string>
}

/** A published story, read anonymously at depth 1 (districts, hero photo and captions populated), in the shape outside formats need. */
export function toSyndicatedStory(article: Article, { serverUrl, locale, firstPublishedAt }: SyndicationContext): SyndicatedStory {
  const districts = populated<District>(article.districts).map((district) => ({
    name: showInScript(district.name, locale),
    slug: district.slug,
    code: district.code,
    level: district.level,
  }))
  const heroDoc = typeof article.heroPhoto === 'object' && article.heroPhoto !== null ? (article.heroPhoto as Photo) : null
  const captions = orderCaptions(populated<Caption>(article.captions?.docs)).filter((caption) => caption.image)
  const heroCaption = heroDoc ? captions.find((caption) => (typeof caption.photo === 'object' ? caption.photo?.id : caption.photo) === heroDoc.id) : undefined
  const defaultCredit = article.defaultCredit ? showInScript(article.defaultCredit, locale) : null
  const hero: SyndicatedPhoto | null = heroDoc
    ? {
        name: 'hero',
        uri: absolute(heroDoc.url, serverUrl) ?? `${serverUrl}/api/photos/${heroDoc.id}`,
        caption: heroCaption?.text ?? heroDoc.defaultCaption ?? null,
        credit: heroCaption?.creditLine ?? formatCredit({ photographer: heroDoc.photographer, articleDefaultCredit: defaultCredit, locale }),
        alt: heroDoc.alt ?? null,
        renditions: toRenditions(heroDoc as never, serverUrl),
      }
    : null
  const photos = captions.map((caption, index) => ({
    name: `photo-${index + 1}`,
    uri: absolute(caption.image!.url, serverUrl) ?? `${serverUrl}/api/captions/${caption.id}`,
    caption: caption.text,
    credit: caption.creditLine ?? defaultCredit,
    alt: caption.image!.alt ?? null,
    renditions: toRenditions(caption.image as never, serverUrl),
  }))
  const body = article.body as SerializedEditorState | null | undefined
  const notes = toNotes(article)
  const publishedAt = datePublication(article, firstPublishedAt?.get(String(article.id)))
  const newestNote = notes.at(-1)?.at
  return {
    id: String(article.id),
    slug: article.slug ?? String(article.id),
    url: `${serverUrl}${buildLocalePath(`/news/${encodeURIComponent(article.slug ?? String(article.id))}`, locale)}`,
    locale,
    title: article.title,
    subtitle: article.subtitle ?? null,
    summary: article.summary ?? null,
    bodyHtml: body?.root ? convertLexicalToHTML({ converters: buildBodyHtmlConverters(serverUrl), data: body, disableContainer: true }) : '',
    bodyText: body?.root ? convertLexicalToPlaintext({ data: body }).trim() : '',
    authors: article.authors ?? [],
    source: article.source ? showInScript(article.source, locale) : null,
    sourceUrl: article.sourceUrl ?? null,
    districts,
    publishedAt,
    savedAt: new Date(article.updatedAt).toISOString(),
    updatedAt: newestNote && newestNote > publishedAt ? newestNote : publishedAt,
    createdAt: new Date(article.createdAt).toISOString(),
    notes: notes.map((note) => ({ ...note, note: showInScript(note.note, locale) })),
    hero,
    photos,
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)

/**
 * The body's photo blocks as figures in place (Payload's HTML converter has none for a custom block and
 * would print "unknown node"); a block whose caption the reader may not read, or that waits for its
 * photo, is left out, as on the reader site.
 */
const buildBodyHtmlConverters = (serverUrl: string): HTMLConvertersFunction => ({ defaultConverters }) => ({
  ...defaultConverters,
  blocks: {
    captionedPhoto: ({ node }: { node: { fields: { caption?: unknown } } }) => {
      const caption = node.fields.caption as Pick<Caption, 'text' | 'creditLine' | 'image'> | string | null | undefined
      if (typeof caption !== 'object' || caption === null || !caption.image?.url) return ''
      const credit = caption.creditLine ? ` <span class="credit">${escapeHtml(caption.creditLine)}</span>` : ''
      return `<figure><img src="${escapeHtml(absolute(caption.image.url, serverUrl)!)}" alt="${escapeHtml(caption.image.alt ?? caption.text)}"><figcaption>${escapeHtml(caption.text)}${credit}</figcaption></figure>`
    },
  },
})

/** The byline as printed: names joined with 、 (people's names are never converted between scripts). */
export function formatByline(story: Pick<SyndicatedStory, 'authors'>): string | null {
  return story.authors.length > 0 ? story.authors.join('、') : null
}
