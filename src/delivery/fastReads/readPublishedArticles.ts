import type { Payload } from 'payload'

import { formatAdminURL } from 'payload/shared'

import { ARTICLES_SLUG, CAPTIONS_SLUG, DISTRICTS_SLUG, PHOTOS_SLUG } from '../../../collections/slugs'
import { formatCredit } from '../../photos/formatCredit'
import { toPhotoImage } from '../../photos/photoImage'
import { PHOTO_DERIVATIVES } from '../../photos/photoSizes'
import { documentTag } from '../changeLog/dependencyTags'

type Row = Record<string, unknown>

/** Which published stories a page lists: all (newest first), one by slug, or a district's by its slug. */
export type ArticleFilter = { by: 'latest' } | { by: 'slug'; slug: string } | { by: 'district'; slug: string }

export interface ArticlePageRequest {
  filter: ArticleFilter
  limit: number
  page: number
}

/** Payload's list envelope, keys in Payload's order. */
export interface ArticlePage {
  docs: unknown[]
  hasNextPage: boolean
  hasPrevPage: boolean
  limit: number
  nextPage: number | null
  page: number
  pagingCounter: number
  prevPage: number | null
  totalDocs: number
  totalPages: number
}

/** A page as anonymous readers get it from Payload, with the dependency tags Payload's reads would record. */
export interface ReadArticlePage {
  page: ArticlePage
  tags: string[]
}

export interface PublishedArticleReader {
  /** The page, or undefined when a story on it holds something only Payload renders (see isRenderedAsStored). */
  readPage(request: ArticlePageRequest): Promise<ReadArticlePage | undefined>
}

/** The captions join's page (collections/Articles: `defaultLimit: 100`). */
const CAPTIONS_JOIN_LIMIT = 100
const ADMIN_THUMBNAIL = 'thumbnailWebp'
const SIZE_NAMES = PHOTO_DERIVATIVES.map(({ name }) => name)
const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
const SIZE_COLUMNS = SIZE_NAMES.map((name) => ({ name, prefix: `sizes_${snakeCase(name)}_` }))

/** Lexical nodes Payload returns as stored at depth 1: nothing in them is populated. */
const NODES_AS_STORED = new Set(['root', 'paragraph', 'text', 'heading', 'quote', 'list', 'listitem', 'linebreak', 'tab', 'horizontalrule'])
const CAPTIONED_PHOTO = 'captionedPhoto'

interface LexicalNode {
  type?: unknown
  children?: unknown
  fields?: { blockType?: unknown; caption?: unknown; linkType?: unknown }
}

/**
 * Whether Payload returns the node as stored, and the caption blocks (collected into `captionBlocks`)
 * whose caption it populates. Anything else (upload and relationship nodes, internal links, other
 * blocks) is left to Payload.
 */
function isRenderedAsStored(node: LexicalNode, captionBlocks: NonNullable<LexicalNode['fields']>[]): boolean {
  const type = node.type
  if (type === 'block' && node.fields?.blockType === CAPTIONED_PHOTO) {
    captionBlocks.push(node.fields)
    return true
  }
  const isExternalLink = (type === 'link' || type === 'autolink') && node.fields?.linkType !== 'internal'
  if (!isExternalLink && !NODES_AS_STORED.has(type as string)) return false
  if (node.children === undefined) return true
  if (!Array.isArray(node.children)) return false
  for (const child of node.children as LexicalNode[]) if (!child || typeof child !== 'object' || !isRenderedAsStored(child, captionBlocks)) return false
  return true
}

/** Payload's list envelope for a page with documents (drizzle's findMany). */
function envelope(docs: unknown[], totalDocs: number, limit: number, page: number): ArticlePage {
  const totalPages = Math.ceil(totalDocs / limit)
  return {
    docs,
    hasNextPage: totalPages > page,
    hasPrevPage: page > 1,
    limit,
    nextPage: totalPages > page ? page + 1 : null,
    page,
    pagingCounter: (page - 1) * limit + 1,
    prevPage: page > 1 ? page - 1 : null,
    totalDocs,
    totalPages,
  }
}

/**
 * drizzle's answer when nothing matched: a query through a join (districts.slug) answers page 1 of
 * 0 pages; a query on the articles table alone counts what it read (page as asked, 1 page).
 */
function emptyEnvelope(throughJoin: boolean, limit: number, page: number): ArticlePage {
  return throughJoin
    ? { docs: [], hasNextPage: false, hasPrevPage: false, limit, nextPage: null, page: 1, pagingCounter: 0, prevPage: null, totalDocs: 0, totalPages: 0 }
    : { docs: [], hasNextPage: false, hasPrevPage: false, limit, nextPage: null, page, pagingCounter: 1, prevPage: null, totalDocs: 0, totalPages: 1 }
}

type Query = (sql: string, args?: unknown[]) => Promise<Row[]>

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',')

/**
 * Published stories at depth 1, exactly as Payload's REST API answers an anonymous
 * `GET /api/articles?where[…][equals]=…&limit=…&depth=1`, read from SQLite with a few plain
 * queries. Payload's find spends 3–5× the SQL's cost in JavaScript on this path (building the
 * queries, access, hooks and population field by field); this does what those steps do for the
 * anonymous depth-1 case only:
 * - the story's public fields in the default locale (field access leaves the newsroom's out);
 * - districts and the hero photo populated with their defaultPopulate fields, a photo only when a
 *   published story uses it (collections/Photos/access.ts), else its id;
 * - captions (the join, and the caption blocks in the body) only when their article shows them
 *   (collections/Captions/access.ts), with their `creditLine` and `image` (collections/Captions);
 * - drizzle's sort (-updatedAt, then -createdAt) and its list envelope.
 * The dependency tags are those trackReadDependencies collects from Payload's reads of the same page.
 * The fields are listed here: a field added to articles, captions, photos or districts must be added
 * here too (test/delivery/fastReads.int.test.ts compares the answers and fails until it is).
 * The delivery API answers with it (fastArticleReads.ts); bench/api.ts's bare handler measures it.
 */
export function createSqlitePublishedArticleReader(payload: Payload): PublishedArticleReader {
  const client = (payload.db as unknown as { client: { execute(q: { sql: string; args: unknown[] }): Promise<{ rows: Row[] }> } }).client
  const query: Query = async (sql, args = []) => (await client.execute({ sql, args: args as never })).rows
  const serverURL = payload.config.serverURL
  const apiRoute = payload.config.routes?.api ?? '/api'
  // Anonymous reads are answered in the default locale (parseArticlePageQuery takes no other).
  const locale = payload.config.localization ? payload.config.localization.defaultLocale : ''
  if (!/^[\w-]+$/.test(locale)) throw new Error(`fast reads need a default locale, got ${JSON.stringify(locale)}`)

  /** A photo file's URL as Payload's upload fields compute it (generateFilePathOrURL). */
  const fileUrl = (stored: unknown, filename: unknown): string | null => {
    if (typeof stored === 'string' && stored && !stored.startsWith('/') && !stored.startsWith(serverURL || '')) return stored
    if (typeof filename !== 'string' || !filename) return null
    return formatAdminURL({ apiRoute, path: `/${PHOTOS_SLUG}/file/${encodeURIComponent(filename)}`, relative: false, serverURL })
  }

  /** A photo as a story embeds it: its defaultPopulate (src/photos/photoDefaultPopulate.ts), in Payload's field order. */
  function toPhoto(row: Row) {
    const sizes: Record<string, Row> = {}
    for (const { name, prefix } of SIZE_COLUMNS) {
      const filename = row[`${prefix}filename`]
      sizes[name] = {
        url: fileUrl(row[`${prefix}url`], filename),
        width: row[`${prefix}width`],
        height: row[`${prefix}height`],
        mimeType: row[`${prefix}mime_type`],
        filesize: row[`${prefix}filesize`],
        filename,
      }
    }
    const thumbnail = ADMIN_THUMBNAIL
    return {
      id: row.id,
      alt: row.alt,
      photographer: row.photographer,
      defaultCaption: row.default_caption,
      placeholder: row.placeholder,
      dominantColor: row.dominant_color,
      url: fileUrl(row.url, row.filename),
      thumbnailURL: fileUrl(row[`sizes_${snakeCase(thumbnail)}_url`], row[`sizes_${snakeCase(thumbnail)}_filename`]),
      filename: row.filename,
      mimeType: row.mime_type,
      filesize: row.filesize,
      width: row.width,
      height: row.height,
      focalX: row.focal_x,
      focalY: row.focal_y,
      sizes,
    }
  }
  type Photo = ReturnType<typeof toPhoto>

  /** A caption as anonymous readers get it at depth 1 (its photo as an id; `creditLine` and `image` computed). */
  function toCaption(row: Row, photos: Map<unknown, Photo>) {
    const photo = row.photo_id === null ? undefined : photos.get(row.photo_id)
    const credit = row.credit as string | null
    return {
      id: row.id,
      text: row.text,
      credit,
      article: row.article_id,
      photo: row.photo_id,
      position: row.position,
      updatedAt: row.updated_at,
      createdAt: row.created_at,
      creditLine: formatCredit({ captionCredit: credit, photographer: credit ? null : (photo?.photographer as string | null | undefined), locale }),
      image: photo ? toPhotoImage(photo as never) : null,
    }
  }

  const captionColumns = `c.id, l.text, c.credit, c.article_id, c.photo_id, c.position, c.updated_at, c.created_at`
  const captionsJoin = `from ${CAPTIONS_SLUG} c left join ${CAPTIONS_SLUG}_locales l on l._parent_id = c.id and l._locale = '${locale}'`

  /** The stories with these ids, in this order, at depth 1; undefined when one holds what only Payload renders. */
  async function hydrate(ids: unknown[], tags: Set<string>) {
    if (ids.length === 0) return []
    const idMarks = marks(ids.length)
    const [articles, locales, districts, texts, corrections, joinedCaptions] = await Promise.all([
      query(`select id, slug, source, source_url, original_published_at, originalpublishedat_tz, default_credit, hero_photo_id, updated_at, created_at, _status from ${ARTICLES_SLUG} where id in (${idMarks})`, ids),
      query(`select _parent_id, title, subtitle, summary, body from ${ARTICLES_SLUG}_locales where _locale = '${locale}' and _parent_id in (${idMarks})`, ids),
      query(`select r.parent_id, r.districts_id, d.name, d.slug, d.pinyin, d.level, d.code, d.description from ${ARTICLES_SLUG}_rels r left join ${DISTRICTS_SLUG} d on d.id = r.districts_id where r.path = 'districts' and r.parent_id in (${idMarks}) order by r."order"`, ids),
      query(`select parent_id, path, text from ${ARTICLES_SLUG}_texts where parent_id in (${idMarks}) order by "order"`, ids),
      query(`select _parent_id, id, kind, note, at from ${ARTICLES_SLUG}_corrections where _parent_id in (${idMarks}) order by _order`, ids),
      // Anonymous readers see a caption only when its article shows it (collections/Captions/access.ts).
      query(`select ${captionColumns} ${captionsJoin} where c.article_published = 1 and c.article_id in (${idMarks}) order by c.position, c.created_at desc`, ids),
    ])
    const localeById = new Map(locales.map((row) => [row._parent_id, row]))
    // Bodies, and the caption blocks in them whose caption Payload populates.
    const bodies = new Map<unknown, unknown>()
    const captionBlocks: NonNullable<LexicalNode['fields']>[] = []
    for (const id of ids) {
      const stored = localeById.get(id)?.body
      const body = typeof stored === 'string' ? JSON.parse(stored) : (stored ?? null)
      if (body !== null && (typeof body !== 'object' || !isRenderedAsStored((body as { root?: LexicalNode }).root ?? {}, captionBlocks))) return undefined
      bodies.set(id, body)
    }
    const blockCaptionIds = [...new Set(captionBlocks.map((fields) => fields.caption).filter((id) => typeof id === 'string' && id !== ''))] as string[]
    if (captionBlocks.some((fields) => fields.caption !== null && fields.caption !== undefined && fields.caption !== '' && typeof fields.caption !== 'string')) return undefined
    const joinedIds = new Set(joinedCaptions.map((row) => row.id))
    const missing = blockCaptionIds.filter((id) => !joinedIds.has(id))
    const blockCaptions = missing.length === 0 ? [] : await query(`select ${captionColumns} ${captionsJoin} where c.article_published = 1 and c.id in (${marks(missing.length)})`, missing)
    const captionRows = [...joinedCaptions, ...blockCaptions]
    const photoIds = [...new Set([...articles.map((row) => row.hero_photo_id), ...captionRows.map((row) => row.photo_id)].filter((id) => id !== null))]
    // Anonymous readers get a photo only when a published story uses it (collections/Photos/access.ts).
    const photoRows = photoIds.length === 0 ? [] : await query(`select * from ${PHOTOS_SLUG} where used_by_published = 1 and id in (${marks(photoIds.length)})`, photoIds)
    const photos = new Map(photoRows.map((row) => [row.id, toPhoto(row)]))
    const captionById = new Map(captionRows.map((row) => [row.id, toCaption(row, photos)]))
    for (const fields of captionBlocks) {
      const caption = captionById.get(fields.caption)
      if (caption) fields.caption = caption
    }

    // The tags of Payload's reads: each story, its captions join, and every document it asked for by id.
    for (const id of photoIds) tags.add(documentTag(PHOTOS_SLUG, id))
    for (const id of blockCaptionIds) tags.add(documentTag(CAPTIONS_SLUG, id))
    for (const row of districts) tags.add(documentTag(DISTRICTS_SLUG, row.districts_id))

    const articleById = new Map(articles.map((row) => [row.id, row]))
    return ids.map((id) => {
      tags.add(documentTag(ARTICLES_SLUG, id))
      tags.add(`${CAPTIONS_SLUG}?article=${String(id)}`)
      const row = articleById.get(id)!
      const locale = localeById.get(id) ?? {}
      const captions = joinedCaptions.filter((caption) => caption.article_id === id)
      return {
        id,
        title: locale.title ?? null,
        subtitle: locale.subtitle ?? null,
        slug: row.slug,
        summary: locale.summary ?? null,
        body: bodies.get(id),
        districts: districts
          .filter((district) => district.parent_id === id)
          .map((district) =>
            district.slug === null
              ? district.districts_id
              : { id: district.districts_id, name: district.name, slug: district.slug, pinyin: district.pinyin, level: district.level, code: district.code, description: district.description },
          ),
        authors: texts.filter((text) => text.parent_id === id && text.path === 'authors').map((text) => text.text),
        source: row.source,
        sourceUrl: row.source_url,
        originalPublishedAt: row.original_published_at,
        originalPublishedAt_tz: row.originalpublishedat_tz,
        tags: texts.filter((text) => text.parent_id === id && text.path === 'tags').map((text) => text.text),
        defaultCredit: row.default_credit,
        corrections: corrections.filter((note) => note._parent_id === id).map((note) => ({ id: note.id, kind: note.kind, note: note.note, at: note.at })),
        heroPhoto: row.hero_photo_id === null ? null : (photos.get(row.hero_photo_id) ?? row.hero_photo_id),
        captions: {
          docs: captions.slice(0, CAPTIONS_JOIN_LIMIT).map((caption) => captionById.get(caption.id)),
          hasNextPage: captions.length > CAPTIONS_JOIN_LIMIT,
        },
        updatedAt: row.updated_at,
        createdAt: row.created_at,
        _status: row._status,
      }
    })
  }

  // A district's stories: from the district to its stories (a join SQLite plans from the district's rows)
  // rather than a correlated EXISTS per published story, which it plans as a scan of every published story.
  const byDistrict = `from ${ARTICLES_SLUG} a join ${ARTICLES_SLUG}_rels r on r.parent_id = a.id and r.path = 'districts' join ${DISTRICTS_SLUG} d on d.id = r.districts_id and d.slug = ? where a._status = 'published'`
  const newestFirst = 'order by a.updated_at desc, a.created_at desc limit ? offset ?'

  return {
    async readPage({ filter, limit, page }) {
      const offset = (page - 1) * limit
      const tags = new Set<string>()
      let ids: Row[]
      let total: Row[]
      if (filter.by === 'district') {
        tags.add(`${ARTICLES_SLUG}?districts.slug=${filter.slug}`)
        ;[ids, total] = await Promise.all([
          query(`select distinct a.id, a.updated_at, a.created_at ${byDistrict} ${newestFirst}`, [filter.slug, limit, offset]),
          query(`select count(distinct a.id) as n ${byDistrict}`, [filter.slug]),
        ])
      } else {
        const bySlug = filter.by === 'slug'
        tags.add(bySlug ? `${ARTICLES_SLUG}?slug=${filter.slug}` : ARTICLES_SLUG)
        const where = `from ${ARTICLES_SLUG} a where a._status = 'published'${bySlug ? ' and a.slug = ?' : ''}`
        const args = bySlug ? [filter.slug] : []
        ;[ids, total] = await Promise.all([query(`select a.id ${where} ${newestFirst}`, [...args, limit, offset]), query(`select count(*) as n ${where}`, args)])
      }
      const totalDocs = Number(total[0]!.n)
      const docs = await hydrate(
        ids.map((row) => row.id),
        tags,
      )
      if (!docs) return undefined
      const answer = docs.length === 0 && (filter.by === 'district' || totalDocs === 0) ? emptyEnvelope(filter.by === 'district', limit, page) : envelope(docs, totalDocs, limit, page)
      return { page: answer, tags: [...tags] }
    },
  }
}
