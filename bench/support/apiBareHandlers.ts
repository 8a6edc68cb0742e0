import type { Express } from 'express'
import type { Payload } from 'payload'

type Row = Record<string, unknown>

/**
 * The ceiling for bench/api.ts: the same two reads (articles of a district, limit 10, with their
 * districts and captions; one article by slug) straight from the database driver, as JSON of the
 * same shape as Payload's depth-1 answer (zh-Hans values, published only). No access control,
 * no hooks, no validation: what the database and JSON alone cost.
 */
export function mountBareHandlers(app: Express, payload: Payload, lane: 'sqlite' | 'mongodb'): void {
  const read = lane === 'sqlite' ? sqliteReader(payload) : mongoReader(payload)
  app.get('/bare/articles/by-district/:slug', async (req, res) => {
    res.json(await read.byDistrict(String(req.params.slug), 10))
  })
  app.get('/bare/articles/by-slug/:slug', async (req, res) => {
    res.json(await read.bySlug(String(req.params.slug)))
  })
}

interface Reader {
  byDistrict(slug: string, limit: number): Promise<unknown>
  bySlug(slug: string): Promise<unknown>
}

function sqliteReader(payload: Payload): Reader {
  const client = (payload.db as unknown as { client: { execute(q: { sql: string; args: unknown[] }): Promise<{ rows: Row[] }> } }).client
  const q = async (sql: string, args: unknown[] = []) => (await client.execute({ sql, args })).rows
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(',')

  async function hydrate(ids: string[]) {
    if (ids.length === 0) return []
    const [articles, locales, rels, texts, captions] = await Promise.all([
      q(`select id, workflow_stage, slug, source, source_url, original_published_at, originalpublishedat_tz, default_credit, hero_photo_id, updated_at, created_at, _status from articles where id in (${marks(ids.length)})`, ids),
      q(`select _parent_id, title, subtitle, summary, body from articles_locales where _locale = 'zh-Hans' and _parent_id in (${marks(ids.length)})`, ids),
      q(`select r.parent_id, r."order", d.id, d.name, d.slug, d.pinyin, d.level, d.code, d.parent_id, d.description, d.updated_at, d.created_at from articles_rels r join districts d on d.id = r.districts_id where r.path = 'districts' and r.parent_id in (${marks(ids.length)}) order by r."order"`, ids),
      q(`select parent_id, path, text from articles_texts where parent_id in (${marks(ids.length)}) order by "order"`, ids),
      q(`select c.id, c.credit, c.article_id, c.photo_id, c.position, c.updated_at, c.created_at, l.text from captions c left join captions_locales l on l._parent_id = c.id and l._locale = 'zh-Hans' where c.article_id in (${marks(ids.length)}) order by c.position`, ids),
    ])
    const byId = new Map(articles.map((row) => [row.id, row]))
    return ids.map((id) => {
      const row = byId.get(id)!
      const locale = locales.find((l) => l._parent_id === id) ?? {}
      return {
        id,
        workflowStage: row.workflow_stage,
        title: locale.title,
        subtitle: locale.subtitle,
        slug: row.slug,
        summary: locale.summary,
        body: typeof locale.body === 'string' ? JSON.parse(locale.body) : locale.body,
        districts: rels.filter((r) => r.parent_id === id).map(({ parent_id: _p, order: _o, ...d }) => d),
        authors: texts.filter((t) => t.parent_id === id && t.path === 'authors').map((t) => t.text),
        tags: texts.filter((t) => t.parent_id === id && t.path === 'tags').map((t) => t.text),
        source: row.source,
        sourceUrl: row.source_url,
        originalPublishedAt: row.original_published_at,
        originalPublishedAt_tz: row.originalpublishedat_tz,
        defaultCredit: row.default_credit,
        heroPhoto: row.hero_photo_id,
        captions: { docs: captions.filter((c) => c.article_id === id), hasNextPage: false },
        updatedAt: row.updated_at,
        createdAt: row.created_at,
        _status: row._status,
      }
    })
  }

  return {
    async byDistrict(slug, limit) {
      const ids = await q(
        `select a.id from articles a where a._status = 'published' and exists (select 1 from articles_rels r join districts d on d.id = r.districts_id where r.parent_id = a.id and r.path = 'districts' and d.slug = ?) order by a.updated_at desc limit ?`,
        [slug, limit],
      )
      const total = await q(
        `select count(*) as n from articles a where a._status = 'published' and exists (select 1 from articles_rels r join districts d on d.id = r.districts_id where r.parent_id = a.id and r.path = 'districts' and d.slug = ?)`,
        [slug],
      )
      const docs = await hydrate(ids.map((r) => String(r.id)))
      return { docs, totalDocs: Number(total[0]!.n), limit, page: 1 }
    },
    async bySlug(slug) {
      const ids = await q(`select id from articles where slug = ? and _status = 'published' limit 1`, [slug])
      return { docs: await hydrate(ids.map((r) => String(r.id))) }
    },
  }
}

function mongoReader(payload: Payload): Reader {
  const db = (payload.db as unknown as { connection: { db: { collection(name: string): any } } }).connection.db
  const pick = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Row)['zh-Hans'] : value)
  async function hydrate(articles: Row[]) {
    const districtIds = [...new Set(articles.flatMap((a) => (a.districts as unknown[]) ?? []))]
    const [districts, captions] = await Promise.all([
      db.collection('districts').find({ _id: { $in: districtIds } }).toArray(),
      db.collection('captions').find({ article: { $in: articles.map((a) => a._id) } }).sort({ position: 1 }).toArray(),
    ])
    const districtById = new Map(districts.map((d: Row) => [String(d._id), { ...d, id: String(d._id) }]))
    return articles.map(({ _id, provenance: _p, createdBy: _c, ...a }) => ({
      ...a,
      id: String(_id),
      title: pick(a.title),
      subtitle: pick(a.subtitle),
      summary: pick(a.summary),
      body: pick(a.body),
      districts: ((a.districts as unknown[]) ?? []).map((id) => districtById.get(String(id)) ?? id),
      captions: { docs: captions.filter((c: Row) => String(c.article) === String(_id)).map((c: Row) => ({ ...c, id: String(c._id), text: pick(c.text) })), hasNextPage: false },
    }))
  }
  return {
    async byDistrict(slug, limit) {
      const district = await db.collection('districts').findOne({ slug })
      const query = { _status: 'published', districts: district?._id }
      const [articles, totalDocs] = await Promise.all([
        db.collection('articles').find(query).sort({ updatedAt: -1 }).limit(limit).toArray(),
        db.collection('articles').countDocuments(query),
      ])
      return { docs: await hydrate(articles), totalDocs, limit, page: 1 }
    },
    async bySlug(slug) {
      const articles = await db.collection('articles').find({ slug, _status: 'published' }).limit(1).toArray()
      return { docs: await hydrate(articles) }
    },
  }
}
