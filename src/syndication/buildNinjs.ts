import type { PhotoRendition, SyndicatedPhoto, SyndicatedStory } from './syndicatedStory'

import { formatNoteTime } from './storyHtml'
import { formatByline } from './syndicatedStory'

/** The ninjs versions partners can ask for; 3.1 unless they ask for 2.2. */
export const NINJS_VERSIONS = ['3.1', '2.2'] as const
export type NinjsVersion = (typeof NINJS_VERSIONS)[number]
export const DEFAULT_NINJS_VERSION: NinjsVersion = '3.1'

export function isNinjsVersion(value: unknown): value is NinjsVersion {
  return typeof value === 'string' && (NINJS_VERSIONS as readonly string[]).includes(value)
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined }
type NinjsObject = { [key: string]: Json | undefined }

const CITY_PREFIX = '江西省萍乡市'

/** Where a story is from: the main (first) district under its city ("江西省萍乡市安源区"), or the city itself. */
export function buildLocated(story: Pick<SyndicatedStory, 'districts' | 'locale'>): string | undefined {
  const main = story.districts[0]
  if (!main) return undefined
  const prefix = story.locale === 'zh-Hant' ? '江西省萍鄉市' : CITY_PREFIX
  return main.level === 'city' ? prefix : `${prefix}${main.name}`
}

function renditionObject(rendition: PhotoRendition): NinjsObject {
  return {
    name: rendition.name,
    href: rendition.href,
    contentType: rendition.mimeType ?? undefined,
    width: rendition.width ?? undefined,
    height: rendition.height ?? undefined,
    sizeInBytes: rendition.bytes ?? undefined,
  }
}

function photoAssociation(photo: SyndicatedPhoto, rel: string): NinjsObject {
  return {
    name: photo.name,
    rel,
    uri: photo.uri,
    type: 'picture',
    representationType: 'full',
    headlines: photo.alt ? [{ role: 'alt', contentType: 'text/plain', value: photo.alt }] : undefined,
    descriptions: photo.caption ? [{ role: 'caption', contentType: 'text/plain', value: photo.caption }] : undefined,
    by: photo.credit ?? undefined,
    renditions: photo.renditions.map(renditionObject),
  }
}

/**
 * A published story as an IPTC ninjs 3.1 news item (https://iptc.org/std/ninjs/): identifiers,
 * headline and deck, summary and public notes (更正/更新) as descriptions, the body as HTML and
 * as plain text, byline, districts as subjects with their GB/T 2260 codes, where it is from, the
 * hero photo and captioned photos as picture associations with a rendition per file (size,
 * credit in `by`, caption in `descriptions`), first publication and last published change.
 */
function buildNinjs31(story: SyndicatedStory, serverUrl: string, publisher: string): NinjsObject {
  const newestNote = story.notes.at(-1)
  const associations = [...(story.hero ? [photoAssociation(story.hero, 'hero')] : []), ...story.photos.map((photo) => photoAssociation(photo, 'photo'))]
  const descriptions: NinjsObject[] = []
  if (story.summary) descriptions.push({ role: 'summary', contentType: 'text/plain', value: story.summary })
  for (const note of story.notes) {
    descriptions.push({ role: note.kind, contentType: 'text/plain', value: `${note.label}（${formatNoteTime(note.at)}）：${note.note}` })
  }
  return {
    standard: { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json' },
    uri: `${serverUrl}/api/articles/${encodeURIComponent(story.id)}`,
    type: 'text',
    representationType: 'full',
    pubStatus: 'usable',
    firstCreated: story.publishedAt,
    versionCreated: story.savedAt,
    language: story.locale,
    copyrightHolder: publisher,
    edNote: newestNote ? `${newestNote.label}（${formatNoteTime(newestNote.at)}）：${newestNote.note}` : undefined,
    altIds: [
      { role: 'id', value: story.id },
      { role: 'slug', value: story.slug },
    ],
    headlines: [
      { role: 'main', contentType: 'text/plain', value: story.title },
      ...(story.subtitle ? [{ role: 'sub', contentType: 'text/plain', value: story.subtitle }] : []),
    ],
    descriptions: descriptions.length > 0 ? (descriptions as Json[]) : undefined,
    bodies: [
      { role: 'main', contentType: 'text/html', charCount: [...story.bodyHtml].length, value: story.bodyHtml },
      { role: 'main', contentType: 'text/plain', charCount: [...story.bodyText].length, value: story.bodyText },
    ],
    by: formatByline(story) ?? undefined,
    located: buildLocated(story),
    subjects: story.districts.map((district) => ({ name: district.name, rel: 'about', uri: `urn:gbt2260:${district.code}`, literal: district.code })),
    infoSources: story.source ? [{ name: story.source, role: 'source', uri: story.sourceUrl ?? undefined }] : undefined,
    renditions: [{ name: 'web', href: story.url, contentType: 'text/html' }],
    associations: associations.length > 0 ? associations : undefined,
  }
}

/** ninjs 2.x names every property in lower case, and its associations have no `rel`. */
function toNinjs22(value: Json | undefined, inAssociation = false): Json | undefined {
  if (Array.isArray(value)) return value.map((item) => toNinjs22(item, inAssociation) as Json)
  if (value === null || typeof value !== 'object') return value
  const out: NinjsObject = {}
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue
    if (inAssociation && key === 'rel') continue
    out[key.toLowerCase()] = toNinjs22(item, key === 'associations')
  }
  return out
}

/** Drops absent properties, so the document holds only what there is. */
function withoutUndefined(value: Json | undefined): Json | undefined {
  if (Array.isArray(value)) return value.map((item) => withoutUndefined(item) as Json)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined).map(([key, item]) => [key, withoutUndefined(item)]))
}

export function buildNinjs(story: SyndicatedStory, { serverUrl, publisher, version }: { serverUrl: string; publisher: string; version: NinjsVersion }): NinjsObject {
  const document = buildNinjs31(story, serverUrl, publisher)
  if (version === '3.1') return withoutUndefined(document) as NinjsObject
  const lowered = toNinjs22(document) as NinjsObject
  lowered.standard = { name: 'ninjs', version: '2.2', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json' }
  return withoutUndefined(lowered) as NinjsObject
}
