import type { Express } from 'express'
import type { Payload } from 'payload'

import { createSqlitePublishedArticleReader, type ArticlePageRequest } from '../../src/delivery/fastReads/readPublishedArticles'
import { listNewsroomOnlyFields } from '../../src/delivery/omitNewsroomOnlyFields'
import { formatCredit } from '../../src/photos/formatCredit'
import { toPhotoImage } from '../../src/photos/photoImage'
import { PHOTO_DERIVATIVES } from '../../src/photos/photoSizes'

type Row = Record<string, unknown>

/**
 * The ceiling for bench/api.ts: the same reads (articles of a district, limit 10; the latest
 * articles; one article by slug) straight from the database driver in a bare Express handler,
 * answered with the same JSON as Payload's anonymous depth-1 answer (bench/api.ts checks that the
 * two are equal before it measures): zh-Hans values, published stories only, districts and the
 * hero photo populated, captions (the join and the body's photo blocks) only when their story
 * shows them, with their credit line and image, photos only when a published story uses them,
 * and the pagination envelope.
 * On SQLite the reader is the delivery API's own (src/delivery/fastReads/readPublishedArticles.ts,
 * which its fast path answers with); on MongoDB, one written here. Either way the handler has none
 * of the API's edge: no CORS, rate limit or parameter checks, no credential check, no response
 * cache or change log, no dependency tags; Express's res.json (JSON text and a weak ETag) only.
 * What the database and JSON alone cost.
 */
export function mountBareHandlers(app: Express, payload: Payload, lane: 'sqlite' | 'mongodb'): void {
  const read = lane === 'sqlite' ? sqliteReader(payload) : mongoReader(payload)
  const page = (query: unknown) => Math.max(1, Number((query as { page?: string }).page ?? 1) || 1)
  app.get('/bare/articles/by-district/:slug', async (req, res) => {
    res.json(await read.byDistrict(String(req.params.slug), 10, page(req.query)))
  })
  app.get('/bare/articles/latest', async (req, res) => {
    res.json(await read.latest(10, page(req.query)))
  })
  app.get('/bare/articles/by-slug/:slug', async (req, res) => {
    res.json(await read.bySlug(String(req.params.slug)))
  })
}

interface Reader {
  byDistrict(slug: string, limit: number, page: number): Promise<unknown>
  /** Every published story, newest first (Payload's default sort). */
  latest(limit: number, page: number): Promise<unknown>
  bySlug(slug: string): Promise<unknown>
}

/** Payload's list envelope. */
function paginate(docs: unknown[], totalDocs: number, limit: number, page = 1) {
  const totalPages = Math.ceil(totalDocs / limit)
  return {
    docs,
    hasNextPage: page < totalPages,
    hasPrevPage: page > 1,
    limit,
    nextPage: page < totalPages ? page + 1 : null,
    page,
    pagingCounter: (page - 1) * limit + 1,
    prevPage: page > 1 ? page - 1 : null,
    totalDocs,
    totalPages,
  }
}

const SIZE_NAMES = PHOTO_DERIVATIVES.map(({ name }) => name)
const ADMIN_THUMBNAIL = 'thumbnailWebp'

interface PhotoFile {
  url: string | null
  width: number | null
  height: number | null
  mimeType: string | null
  filesize: number | null
  filename: string | null
}
interface Photo extends Row {
  url: string | null
  width: number | null
  height: number | null
  mimeType: string | null
  alt: string | null
  photographer: string | null
  placeholder: string | null
  dominantColor: string | null
  focalX: number | null
  focalY: number | null
  sizes: Record<string, PhotoFile>
}

/** A caption's `image` and `creditLine`, as collections/Captions computes them. */
function captionExtras(credit: string | null, photo: Photo | null) {
  const image = photo && toPhotoImage(photo)
  return { creditLine: formatCredit({ captionCredit: credit, photographer: credit ? null : photo?.photographer, locale: 'zh-Hans' }), image: image ?? null }
}

/** The delivery API's own SQLite reader (src/delivery/fastReads/), called straight from the handler. */
function sqliteReader(payload: Payload): Reader {
  const reader = createSqlitePublishedArticleReader(payload)
  const read = async (request: ArticlePageRequest) => {
    const read = await reader.readPage(request)
    if (!read) throw new Error(`the bare handler cannot answer ${JSON.stringify(request)}: a story holds what only Payload renders`)
    return read.page
  }
  return {
    byDistrict: (slug, limit, page) => read({ filter: { by: 'district', slug }, limit, page }),
    latest: (limit, page) => read({ filter: { by: 'latest' }, limit, page }),
    bySlug: (slug) => read({ filter: { by: 'slug', slug }, limit: 1, page: 1 }),
  }
}

function mongoReader(payload: Payload): Reader {
  const db = (payload.db as unknown as { connection: { db: { collection(name: string): any } } }).connection.db
  const serverUrl = payload.config.serverURL
  const pick = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? ((value as Row)['zh-Hans'] ?? null) : (value ?? null))
  /** What Payload's Mongo transform does to a stored document: `_id` → `id`, ObjectIDs → strings, Dates → ISO strings. */
  const plain = (value: unknown): unknown => {
    if (value === null || value === undefined) return value
    if (value instanceof Date) return value.toISOString()
    if (typeof value === 'object' && (value as { _bsontype?: string })._bsontype === 'ObjectId') return String(value)
    if (Array.isArray(value)) return value.map(plain)
    if (typeof value === 'object') {
      const out: Row = {}
      for (const [key, item] of Object.entries(value)) {
        if (key === '__v') continue
        out[key === '_id' ? 'id' : key] = plain(item)
      }
      return out
    }
    return value
  }
  const absolute = (url: unknown) => (typeof url === 'string' ? `${serverUrl}${url}` : null)

  function toPhoto(doc: Row): Photo {
    // The photo's defaultPopulate (src/photos/photoDefaultPopulate.ts): the desk's own records left out.
    const { district: _d, takenAt: _t, cameraMake: _cm, cameraModel: _cmo, usedByPublished: _u, updatedAt: _ua, createdAt: _ca, ...populated } = doc
    const photo = plain(populated) as Row
    const stored = (photo.sizes ?? {}) as Record<string, Row>
    const sizes = Object.fromEntries(
      SIZE_NAMES.map((name) => {
        const size = stored[name] ?? {}
        return [name, { url: absolute(size.url), width: (size.width as number) ?? null, height: (size.height as number) ?? null, mimeType: (size.mimeType as string) ?? null, filesize: (size.filesize as number) ?? null, filename: (size.filename as string) ?? null }]
      }),
    )
    return {
      ...photo,
      alt: (photo.alt as string) ?? null,
      photographer: (photo.photographer as string) ?? null,
      placeholder: (photo.placeholder as string) ?? null,
      dominantColor: (photo.dominantColor as string) ?? null,
      url: absolute(photo.url),
      thumbnailURL: sizes[ADMIN_THUMBNAIL]?.url ?? null,
      mimeType: (photo.mimeType as string) ?? null,
      width: (photo.width as number) ?? null,
      height: (photo.height as number) ?? null,
      focalX: (photo.focalX as number) ?? null,
      focalY: (photo.focalY as number) ?? null,
      sizes,
    }
  }

  /** The caption ids a body's photo blocks point at, and the blocks, to populate. */
  const captionBlocksOf = (body: unknown): { caption?: unknown }[] => {
    const blocks: { caption?: unknown }[] = []
    const walk = (node: { type?: unknown; fields?: { blockType?: unknown; caption?: unknown }; children?: unknown } | null) => {
      if (!node || typeof node !== 'object') return
      if (node.type === 'block' && node.fields?.blockType === 'captionedPhoto') blocks.push(node.fields)
      if (Array.isArray(node.children)) node.children.forEach(walk)
    }
    walk((body as { root?: never } | null)?.root ?? null)
    return blocks
  }
  // Mongoose's ObjectId (the connection's Mongoose instance): a body holds its captions' ids as strings.
  const { ObjectId } = (payload.db as unknown as { connection: { base: { Types: { ObjectId: new (id: string) => unknown } } } }).connection.base.Types

  const newsroomOnly = new Set(listNewsroomOnlyFields(payload.collections.articles.config))

  async function hydrate(articles: Row[]) {
    if (articles.length === 0) return []
    const bodies = articles.map((a) => pick(plain(a.body)))
    const blocks = bodies.flatMap(captionBlocksOf)
    const blockCaptionIds = [...new Set(blocks.map((block) => block.caption).filter((id): id is string => typeof id === 'string' && /^[0-9a-f]{24}$/.test(id)))]
    const districtIds = [...new Set(articles.flatMap((a) => (a.districts as unknown[]) ?? []))]
    // Anonymous readers see a caption only when its story shows it (collections/Captions/access.ts): in the join and in the body.
    const [districts, captions, blockCaptions] = await Promise.all([
      db.collection('districts').find({ _id: { $in: districtIds } }).toArray(),
      db.collection('captions').find({ article: { $in: articles.map((a) => a._id) }, articlePublished: true }).sort({ position: 1, createdAt: -1 }).toArray(),
      blockCaptionIds.length === 0 ? [] : db.collection('captions').find({ _id: { $in: blockCaptionIds.map((id) => new ObjectId(id)) }, articlePublished: true }).toArray(),
    ])
    const photoIds = [...articles.map((a) => a.heroPhoto), ...[...captions, ...blockCaptions].map((c: Row) => c.photo)].filter(Boolean)
    // Anonymous readers get a photo only when a published story uses it (collections/Photos/access.ts).
    const photos: Row[] = photoIds.length === 0 ? [] : await db.collection('photos').find({ _id: { $in: photoIds }, usedByPublished: true }).toArray()
    const photoById = new Map(photos.map((doc) => [String(doc._id), toPhoto(doc)]))
    const districtById = new Map(districts.map(({ _id, name, slug, pinyin, level, code, description }: Row) => [String(_id), plain({ _id, name, slug, pinyin, level, code, description })]))
    const toCaption = ({ articlePublished: _newsroomOnly, ...stored }: Row) => {
      const c = plain(stored) as Row
      const photo = c.photo ? (photoById.get(c.photo as string) ?? null) : null
      return { ...c, text: pick(c.text), ...captionExtras((c.credit as string) ?? null, photo) }
    }
    const captionById = new Map([...captions, ...blockCaptions].map((c: Row) => [String(c._id), toCaption(c)]))
    for (const block of blocks) block.caption = captionById.get(block.caption as string) ?? block.caption
    // The workflow's fields, the provenance and the importer's count are the newsroom's (field access: signed-in readers only).
    return articles.map((stored, index) => {
      const a = plain(Object.fromEntries(Object.entries(stored).filter(([name]) => !newsroomOnly.has(name)))) as Row
      const hero = a.heroPhoto as string | null | undefined
      return {
        ...a,
        title: pick(a.title),
        subtitle: pick(a.subtitle),
        summary: pick(a.summary),
        body: bodies[index],
        districts: ((a.districts as string[]) ?? []).map((id) => districtById.get(id) ?? id),
        // A field never set is absent from the stored document, and from Payload's answer.
        heroPhoto: hero ? (photoById.get(hero) ?? hero) : hero,
        captions: {
          docs: captions.filter((c: Row) => String(c.article) === a.id).map((c: Row) => captionById.get(String(c._id))),
          hasNextPage: false,
        },
      }
    })
  }
  const articles = () => db.collection('articles')
  const list = async (query: Row, limit: number, page: number) => {
    const [found, totalDocs] = await Promise.all([
      articles().find(query).sort({ updatedAt: -1, createdAt: -1 }).skip((page - 1) * limit).limit(limit).toArray(),
      articles().countDocuments(query),
    ])
    return paginate(await hydrate(found), totalDocs, limit, page)
  }
  return {
    async byDistrict(slug, limit, page) {
      const district = await db.collection('districts').findOne({ slug }, { projection: { _id: 1 } })
      return list({ _status: 'published', districts: district?._id }, limit, page)
    },
    latest: (limit, page) => list({ _status: 'published' }, limit, page),
    async bySlug(slug) {
      // Slugs are unique: the count is the number of documents found.
      const found = await articles().find({ slug, _status: 'published' }).limit(1).toArray()
      return paginate(await hydrate(found), found.length, 1)
    },
  }
}
