import type { Express } from 'express'
import type { Payload } from 'payload'

import { formatCredit } from '../../src/photos/formatCredit'
import { toPhotoImage } from '../../src/photos/photoImage'
import { PHOTO_DERIVATIVES } from '../../src/photos/photoSizes'

type Row = Record<string, unknown>

/**
 * The ceiling for bench/api.ts: the same two reads (articles of a district, limit 10; one article
 * by slug) straight from the database driver, answered with the same JSON as Payload's anonymous
 * depth-1 answer (bench/api.ts checks that the two are equal before it measures): zh-Hans values,
 * published stories only, districts and the hero photo populated, captions with their credit line
 * and image, photos only when a published story uses them, and the pagination envelope.
 * No access functions, hooks or validation: what the database and JSON alone cost.
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

function sqliteReader(payload: Payload): Reader {
  const client = (payload.db as unknown as { client: { execute(q: { sql: string; args: unknown[] }): Promise<{ rows: Row[] }> } }).client
  const q = async (sql: string, args: unknown[] = []) => (await client.execute({ sql, args })).rows
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(',')
  const serverUrl = payload.config.serverURL
  const absolute = (url: unknown) => (typeof url === 'string' ? `${serverUrl}${url}` : null)
  const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

  function toPhoto(row: Row): Photo {
    const sizes = Object.fromEntries(
      SIZE_NAMES.map((name) => {
        const column = (field: string) => row[`sizes_${snake(name)}_${field}`] as never
        return [name, { url: absolute(column('url')), width: column('width'), height: column('height'), mimeType: column('mime_type'), filesize: column('filesize'), filename: column('filename') }]
      }),
    )
    // The photo's defaultPopulate (src/photos/photoDefaultPopulate.ts), in Payload's field order.
    return {
      id: row.id,
      alt: row.alt as string | null,
      photographer: row.photographer as string | null,
      defaultCaption: row.default_caption,
      placeholder: row.placeholder as string | null,
      dominantColor: row.dominant_color as string | null,
      url: absolute(row.url),
      thumbnailURL: sizes[ADMIN_THUMBNAIL]?.url ?? null,
      filename: row.filename,
      mimeType: row.mime_type as string | null,
      filesize: row.filesize,
      width: row.width as number | null,
      height: row.height as number | null,
      focalX: row.focal_x as number | null,
      focalY: row.focal_y as number | null,
      sizes,
    }
  }

  async function hydrate(ids: string[]) {
    if (ids.length === 0) return []
    const [articles, locales, rels, texts, captions, notes] = await Promise.all([
      q(`select id, slug, source, source_url, original_published_at, originalpublishedat_tz, default_credit, hero_photo_id, updated_at, created_at, _status from articles where id in (${marks(ids.length)})`, ids),
      q(`select _parent_id, title, subtitle, summary, body from articles_locales where _locale = 'zh-Hans' and _parent_id in (${marks(ids.length)})`, ids),
      q(`select r.parent_id, d.id, d.name, d.slug, d.pinyin, d.level, d.code, d.description from articles_rels r join districts d on d.id = r.districts_id where r.path = 'districts' and r.parent_id in (${marks(ids.length)}) order by r."order"`, ids),
      q(`select parent_id, path, text from articles_texts where parent_id in (${marks(ids.length)}) order by "order"`, ids),
      q(`select c.id, l.text, c.credit, c.article_id, c.photo_id, c.position, c.updated_at, c.created_at from captions c left join captions_locales l on l._parent_id = c.id and l._locale = 'zh-Hans' where c.article_id in (${marks(ids.length)}) order by c.position, c.created_at desc`, ids),
      q(`select _parent_id, id, kind, note, at from articles_corrections where _parent_id in (${marks(ids.length)}) order by _order`, ids),
    ])
    const photoIds = [...new Set([...articles.map((a) => a.hero_photo_id), ...captions.map((c) => c.photo_id)].filter((id) => id !== null))]
    // Anonymous readers get a photo only when a published story uses it (collections/Photos/access.ts).
    const photos = photoIds.length === 0 ? [] : await q(`select * from photos where used_by_published = 1 and id in (${marks(photoIds.length)})`, photoIds)
    const photoById = new Map(photos.map((row) => [row.id, toPhoto(row)]))
    const articleById = new Map(articles.map((row) => [row.id, row]))
    const localeById = new Map(locales.map((row) => [row._parent_id, row]))
    return ids.map((id) => {
      const row = articleById.get(id)!
      const locale = localeById.get(id) ?? {}
      return {
        id,
        title: locale.title ?? null,
        subtitle: locale.subtitle ?? null,
        slug: row.slug,
        summary: locale.summary ?? null,
        body: typeof locale.body === 'string' ? JSON.parse(locale.body) : (locale.body ?? null),
        districts: rels.filter((r) => r.parent_id === id).map(({ parent_id: _p, ...district }) => district),
        authors: texts.filter((t) => t.parent_id === id && t.path === 'authors').map((t) => t.text),
        source: row.source,
        sourceUrl: row.source_url,
        originalPublishedAt: row.original_published_at,
        originalPublishedAt_tz: row.originalpublishedat_tz,
        tags: texts.filter((t) => t.parent_id === id && t.path === 'tags').map((t) => t.text),
        defaultCredit: row.default_credit,
        corrections: notes.filter((n) => n._parent_id === id).map(({ _parent_id: _p, ...note }) => note),
        heroPhoto: row.hero_photo_id === null ? null : (photoById.get(row.hero_photo_id) ?? row.hero_photo_id),
        captions: {
          docs: captions
            .filter((c) => c.article_id === id)
            .map((c) => ({
              id: c.id,
              text: c.text,
              credit: c.credit,
              article: c.article_id,
              photo: c.photo_id,
              position: c.position,
              updatedAt: c.updated_at,
              createdAt: c.created_at,
              ...captionExtras(c.credit as string | null, c.photo_id === null ? null : (photoById.get(c.photo_id) ?? null)),
            })),
          hasNextPage: false,
        },
        updatedAt: row.updated_at,
        createdAt: row.created_at,
        _status: row._status,
      }
    })
  }

  // From the district to its stories (a join, which SQLite plans from the district's rows) rather than a
  // correlated EXISTS per published story, which it plans as a scan of every published story.
  const byDistrict = `from articles a join articles_rels r on r.parent_id = a.id and r.path = 'districts' join districts d on d.id = r.districts_id and d.slug = ? where a._status = 'published'`
  return {
    async byDistrict(slug, limit, page) {
      const [ids, total] = await Promise.all([
        q(`select distinct a.id, a.updated_at, a.created_at ${byDistrict} order by a.updated_at desc, a.created_at desc limit ? offset ?`, [slug, limit, (page - 1) * limit]),
        q(`select count(distinct a.id) as n ${byDistrict}`, [slug]),
      ])
      return paginate(await hydrate(ids.map((r) => String(r.id))), Number(total[0]!.n), limit, page)
    },
    async latest(limit, page) {
      const [ids, total] = await Promise.all([
        q(`select id from articles where _status = 'published' order by updated_at desc, created_at desc limit ? offset ?`, [limit, (page - 1) * limit]),
        q(`select count(*) as n from articles where _status = 'published'`),
      ])
      return paginate(await hydrate(ids.map((r) => String(r.id))), Number(total[0]!.n), limit, page)
    },
    async bySlug(slug) {
      // Slugs are unique: the count is the number of rows found.
      const ids = await q(`select id from articles where slug = ? and _status = 'published' limit 1`, [slug])
      return paginate(await hydrate(ids.map((r) => String(r.id))), ids.length, 1)
    },
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

  async function hydrate(articles: Row[]) {
    if (articles.length === 0) return []
    const districtIds = [...new Set(articles.flatMap((a) => (a.districts as unknown[]) ?? []))]
    const [districts, captions] = await Promise.all([
      db.collection('districts').find({ _id: { $in: districtIds } }).toArray(),
      db.collection('captions').find({ article: { $in: articles.map((a) => a._id) } }).sort({ position: 1, createdAt: -1 }).toArray(),
    ])
    const photoIds = [...articles.map((a) => a.heroPhoto), ...captions.map((c: Row) => c.photo)].filter(Boolean)
    // Anonymous readers get a photo only when a published story uses it (collections/Photos/access.ts).
    const photos: Row[] = photoIds.length === 0 ? [] : await db.collection('photos').find({ _id: { $in: photoIds }, usedByPublished: true }).toArray()
    const photoById = new Map(photos.map((doc) => [String(doc._id), toPhoto(doc)]))
    const districtById = new Map(districts.map(({ _id, name, slug, pinyin, level, code, description }: Row) => [String(_id), plain({ _id, name, slug, pinyin, level, code, description })]))
    // The workflow's fields and the provenance are the newsroom's (field access: signed-in readers only).
    return articles.map(({ provenance: _p, createdBy: _c, workflowStage: _ws, scheduledPublishAt: _sp, scheduledUnpublishAt: _su, ...stored }) => {
      const a = plain(stored) as Row
      const hero = a.heroPhoto as string | null | undefined
      return {
        ...a,
        title: pick(a.title),
        subtitle: pick(a.subtitle),
        summary: pick(a.summary),
        body: pick(a.body),
        districts: ((a.districts as string[]) ?? []).map((id) => districtById.get(id) ?? id),
        // A field never set is absent from the stored document, and from Payload's answer.
        heroPhoto: hero ? (photoById.get(hero) ?? hero) : hero,
        captions: {
          docs: captions
            .filter((c: Row) => String(c.article) === a.id)
            .map(({ articlePublished: _newsroomOnly, ...stored }: Row) => {
              const c = plain(stored) as Row
              const photo = c.photo ? (photoById.get(c.photo as string) ?? null) : null
              return { ...c, text: pick(c.text), ...captionExtras((c.credit as string) ?? null, photo) }
            }),
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
