import type { Where } from 'payload'

import { ARTICLES_SLUG, CAPTIONS_SLUG, DISTRICTS_SLUG, PHOTOS_SLUG } from '../../../collections/slugs'

/**
 * Dependency tags: what a cached anonymous answer depends on, and what a write to public content
 * changes. A cached answer is dropped when a change touches one of its tags.
 * - `articles:<id>`: one document, as stored (any public change to it);
 * - `articles`: a list over the collection that no key pins (any public change in the collection);
 * - `articles?districts=<id>`, `articles?districts.slug=anyuan`, `articles?slug=<slug>`,
 *   `captions?article=<id>`: a list pinned by a key below (public changes of documents that have,
 *   or had, that value);
 * - `search`: the word search index (src/search);
 * - `*`: everything (an answer whose reads could not be followed; a change that could not be read).
 */
export const EVERYTHING_TAG = '*'
export const SEARCH_TAG = 'search'

type Doc = Record<string, unknown>

interface PublicCollection {
  /** Whether anonymous readers get the stored document (a write where neither side is visible changes no answer). */
  isVisible: (doc: Doc) => boolean
  /** Fields whose `equals`/`in` (and, for relationships, `contains`/`all`) pin a list to the documents with those values. */
  keys: readonly string[]
  /** Relationship fields whose target's `slug` pins a list too (`where[districts.slug][equals]=anyuan`). */
  keysBySlug?: Readonly<Record<string, string>>
  /** Only the fields the tags need, for the read before a write (`select`). */
  select: Readonly<Record<string, true>>
}

/**
 * The public collections and what pins their lists, tuned here in one place. The visibility
 * conditions are those of the read access rules (src/access/publishedOrSignedIn.ts and
 * collections/{Captions,Photos}/access.ts); districts are public whole.
 */
export const PUBLIC_COLLECTIONS: Readonly<Record<string, PublicCollection>> = {
  [ARTICLES_SLUG]: {
    isVisible: (doc) => doc._status === 'published',
    keys: ['slug', 'districts'],
    keysBySlug: { districts: DISTRICTS_SLUG },
    select: { _status: true, slug: true, districts: true },
  },
  [CAPTIONS_SLUG]: {
    isVisible: (doc) => doc.articlePublished === true,
    keys: ['article', 'photo'],
    select: { articlePublished: true, article: true, photo: true },
  },
  [PHOTOS_SLUG]: {
    isVisible: (doc) => doc.usedByPublished === true,
    keys: [],
    select: { usedByPublished: true },
  },
  [DISTRICTS_SLUG]: {
    isVisible: () => true,
    keys: ['slug'],
    select: { slug: true },
  },
}

/** Collections whose documents the word search index holds: their public changes touch `search` too. */
const SEARCHED = new Set([ARTICLES_SLUG, CAPTIONS_SLUG])

const RELATIONSHIP_OPERATORS = ['equals', 'in', 'contains', 'all'] as const
const VALUE_OPERATORS = ['equals', 'in'] as const

/** An id, relationship value or populated document as a string ('' when there is none). */
export function idString(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') {
    const object = value as { id?: unknown; value?: unknown; toHexString?: () => string }
    if (typeof object.toHexString === 'function') return object.toHexString()
    if ('id' in object) return idString(object.id)
    if ('value' in object) return idString(object.value)
  }
  return String(value)
}

const valuesOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).map(idString).filter((text) => text !== '')

const listTag = (slug: string, path: string, value: string) => `${slug}?${path}=${value}`
export const documentTag = (slug: string, id: unknown) => `${slug}:${idString(id)}`

/** The tags of one condition on `path` (`{ equals: x }`), or undefined when it does not pin the list. */
function pinOfCondition(slug: string, path: string, condition: unknown): string[] | undefined {
  if (!condition || typeof condition !== 'object') return undefined
  const collection = PUBLIC_COLLECTIONS[slug]!
  const field = path.endsWith('.slug') ? path.slice(0, -'.slug'.length) : path
  const isId = path === 'id' || path === '_id'
  const isRelationship = path === field && collection.keys.includes(path) && path !== 'slug'
  const isKey = isId || collection.keys.includes(path) || (path !== field && collection.keysBySlug?.[field] !== undefined)
  if (!isKey) return undefined
  const operators = isId || !isRelationship ? VALUE_OPERATORS : RELATIONSHIP_OPERATORS
  for (const operator of operators) {
    if (!(operator in condition)) continue
    const raw = (condition as Record<string, unknown>)[operator]
    const values = typeof raw === 'string' && operator !== 'equals' ? raw.split(',').filter(Boolean) : valuesOf(raw)
    // `equals: null` (no districts) and `in: []` select by absence: no value pins them.
    if (values.length === 0) return undefined
    return values.map((value) => (isId ? documentTag(slug, value) : listTag(slug, path, value)))
  }
  return undefined
}

/**
 * The tags a `where` pins a read of `slug` to, or undefined when nothing pins it (the read then
 * depends on the whole collection). One pinned condition of an `and` is enough; an `or` is pinned
 * only when every branch is.
 */
export function pinnedTags(slug: string, where: Where | undefined): string[] | undefined {
  if (!where || typeof where !== 'object') return undefined
  for (const [path, condition] of Object.entries(where)) {
    if (path === 'and' && Array.isArray(condition)) {
      for (const part of condition) {
        const pinned = pinnedTags(slug, part as Where)
        if (pinned) return pinned
      }
    } else if (path === 'or' && Array.isArray(condition)) {
      const branches = condition.map((part) => pinnedTags(slug, part as Where))
      if (branches.length > 0 && branches.every(Boolean)) return branches.flat() as string[]
    } else {
      const pinned = pinOfCondition(slug, path, condition)
      if (pinned) return pinned
    }
  }
  return undefined
}

/** Tags of a read of public `slug`: its pins (or the whole collection), and every document it returned. */
export function tagsOfRead(slug: string, where: Where | undefined, docs: readonly Doc[], joins: readonly { collection: string; on: string }[]): string[] {
  const tags = pinnedTags(slug, where) ?? [slug]
  for (const doc of docs) {
    if (!doc || typeof doc !== 'object') continue
    tags.push(documentTag(slug, doc.id))
    // A join (an article's captions) lists the target documents pointing here.
    for (const join of joins) tags.push(listTag(join.collection, join.on, idString(doc.id)))
  }
  return tags
}

/**
 * What a write of one document of public `slug` changes, from the document before and after
 * (null when created or deleted): nothing when anonymous readers see neither; otherwise the
 * document, the collection's unpinned lists, the pinned lists of its old and new key values,
 * and the search index for searched collections. `slugsOf` gives the slugs of related
 * documents (a story's districts) for lists pinned by a related slug.
 */
export function tagsOfChange(slug: string, before: Doc | null, after: Doc | null, slugsOf: (collection: string, ids: string[]) => string[] = () => []): string[] {
  if (!isPublicChange(slug, before, after)) return []
  const collection = PUBLIC_COLLECTIONS[slug]!
  const sides = [before, after].filter((doc): doc is Doc => doc !== null)
  const tags = new Set<string>([slug, documentTag(slug, sides[0]!.id)])
  if (SEARCHED.has(slug)) tags.add(SEARCH_TAG)
  for (const key of collection.keys) {
    const values = new Set(sides.flatMap((doc) => valuesOf(doc[key])))
    for (const value of values) tags.add(listTag(slug, key, value))
    const target = collection.keysBySlug?.[key]
    if (target) for (const relatedSlug of slugsOf(target, [...values])) tags.add(listTag(slug, `${key}.slug`, relatedSlug))
  }
  // Lists of other collections pinned by this collection's slug (`articles?districts.slug=anyuan`):
  // a district whose slug changes moves stories in or out of them.
  for (const [otherSlug, other] of Object.entries(PUBLIC_COLLECTIONS)) {
    for (const [key, target] of Object.entries(other.keysBySlug ?? {})) {
      if (target !== slug) continue
      for (const value of new Set(sides.flatMap((doc) => valuesOf(doc.slug)))) tags.add(listTag(otherSlug, `${key}.slug`, value))
    }
  }
  return [...tags]
}

/** Whether anonymous readers see the document before or after the write (a public collection's). */
export function isPublicChange(slug: string, before: Doc | null, after: Doc | null): boolean {
  const collection = PUBLIC_COLLECTIONS[slug]
  return Boolean(collection) && [before, after].some((doc) => doc !== null && collection!.isVisible(doc))
}

/** The related collections whose slugs a change of `slug` needs, with the ids to look up. */
export function relatedSlugLookups(slug: string, docs: readonly (Doc | null)[]): { collection: string; ids: string[] }[] {
  const collection = PUBLIC_COLLECTIONS[slug]
  if (!collection?.keysBySlug) return []
  return Object.entries(collection.keysBySlug).map(([key, target]) => ({
    collection: target,
    ids: [...new Set(docs.flatMap((doc) => (doc ? valuesOf(doc[key]) : [])))],
  }))
}
