import type { Payload, PayloadRequest } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { relatedId, type Related } from '../../collections/relatedId'
import { ARTICLES_SLUG, CAPTIONS_SLUG } from '../../collections/slugs'
import { isCaptionBlockNode } from '../photos/captionBlocks'
import { placeCaptionsInBody, type PositionedCaption } from '../photos/placeCaptionsInBody'

/** The upgrade's record in Payload's own table of applied migrations, so a later start skips it. */
export const CAPTIONS_IN_BODY_UPGRADE = 'captions-in-body'
const MIGRATIONS_SLUG = 'payload-migrations'
/** The document alone, without its captions join (written back whole). Payload types this slug-less JoinQuery as never. */
const NO_JOINS = false as never

export interface PlacedCaptions {
  /** Stories given photo blocks. */
  articles: number
  /** Stored documents written: live documents and versions. */
  documents: number
}

type LocalizedBody = Record<string, unknown> | null | undefined
type StoredArticle = { id: string | number; body?: LocalizedBody; _status?: string }
type StoredVersion = { id: string | number; version: { body?: LocalizedBody; _status?: string } }

/** Each script's body with the captions placed, or null when no script's body changed. */
function placeInLocalizedBody(body: LocalizedBody, captions: PositionedCaption[]): LocalizedBody | null {
  if (!body || typeof body !== 'object') return null
  let changed = false
  const placed = Object.fromEntries(
    Object.entries(body).map(([locale, localeBody]) => {
      const next = placeCaptionsInBody(localeBody as { root: { children: unknown[] } } | null, captions)
      if (next) changed = true
      return [locale, next ?? localeBody]
    }),
  )
  return changed ? placed : null
}

/** The article's captions in the order their blocks go in (by position; captions sharing one, oldest first). */
async function findPositionedCaptions(req: PayloadRequest, articleId: string): Promise<PositionedCaption[]> {
  const { docs } = await req.payload.db.find<{ id: string | number; position?: number | null; createdAt?: string }>({
    collection: CAPTIONS_SLUG,
    where: { article: { equals: articleId } },
    pagination: false,
    req,
  })
  return docs.sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || String(a.createdAt).localeCompare(String(b.createdAt)) || String(a.id).localeCompare(String(b.id)))
}

/**
 * Writes the blocks into the live document, the newest version and the published one (a pending
 * draft and the live version alike), as stored: the adapter's own writes,
 * whole documents (the SQLite adapter rewrites a document's localized rows from what it is given),
 * so no save runs the workflow's hooks, no version is made, nothing is published, the stage stays.
 */
async function placeCaptionsOfArticle(req: PayloadRequest, articleId: string): Promise<number> {
  const { db } = req.payload
  const captions = await findPositionedCaptions(req, articleId)
  if (captions.length === 0) return 0
  let written = 0
  const live = (await db.findOne({ collection: ARTICLES_SLUG, where: { id: { equals: articleId } }, locale: 'all', joins: NO_JOINS, req })) as StoredArticle | null
  const liveBody = placeInLocalizedBody(live?.body, captions)
  if (live && liveBody) {
    const { id: _id, ...data } = live
    await db.updateOne({ collection: ARTICLES_SLUG, id: articleId, data: { ...data, body: liveBody }, locale: 'all', joins: NO_JOINS, req, returning: false })
    written++
  }
  const { docs: versions } = await db.findVersions<StoredVersion['version']>({
    collection: ARTICLES_SLUG,
    where: { parent: { equals: articleId } },
    sort: '-updatedAt',
    locale: 'all',
    pagination: false,
    req,
  })
  // The newest version (a pending draft, or the live one) and the published one behind it; older history stays as it was.
  const newest = versions[0] as unknown as StoredVersion | undefined
  const published = (versions as unknown as StoredVersion[]).find((stored) => stored.version._status === 'published')
  let newestBody: LocalizedBody = newest ? null : liveBody
  for (const stored of new Set([newest, published])) {
    const body = stored && placeInLocalizedBody(stored.version.body, captions)
    if (!stored || !body) continue
    const { id: versionId, ...versionData } = stored
    await db.updateVersion({ collection: ARTICLES_SLUG, id: String(versionId), versionData: { ...versionData, version: { ...stored.version, body } } as never, locale: 'all', req, returning: false })
    if (stored === newest) newestBody = body
    written++
  }
  if (newestBody) await renumberCaptions(req, newestBody, captions)
  return written
}

/**
 * Each caption's position becomes its block's index in the body editors work on (the newest, in the
 * default script), as the importer numbers them: no two captions share a place any more.
 */
async function renumberCaptions(req: PayloadRequest, body: NonNullable<LocalizedBody>, captions: PositionedCaption[]): Promise<void> {
  const defaultLocale = req.payload.config.localization ? req.payload.config.localization.defaultLocale : undefined
  const children = (body[defaultLocale ?? ''] as { root?: { children?: unknown[] } } | undefined)?.root?.children ?? []
  for (const caption of captions) {
    const index = children.findIndex((node) => isCaptionBlockNode(node) && String(node.fields.caption) === String(caption.id))
    if (index < 0 || index === caption.position) continue
    // The one field, raw: a caption's save hooks (the live-content guard, visibility) have nothing to say about its number.
    await req.payload.db.updateOne({ collection: CAPTIONS_SLUG, id: String(caption.id), data: { position: index }, req, returning: false })
  }
}

/**
 * Stories stored before photo blocks existed keep their captions after the body. This puts a
 * photo block for each caption into the body, before the paragraph its position names, in every
 * stored copy a reader or an editor opens. A body that already places photos is left as it is,
 * so running it again changes nothing.
 */
export async function placeCaptionsInStoredBodies(payload: Payload): Promise<PlacedCaptions> {
  const { docs } = await payload.db.find<{ article?: Related }>({ collection: CAPTIONS_SLUG, select: { article: true }, pagination: false })
  const articleIds = [...new Set(docs.map((caption) => relatedId(caption.article)).filter((id): id is string => id !== null))]
  const placed: PlacedCaptions = { articles: 0, documents: 0 }
  for (const articleId of articleIds) {
    // One transaction per story: its live document and its versions change together.
    const req = await createLocalReq({}, payload)
    const ownsTransaction = await initTransaction(req)
    try {
      const written = await placeCaptionsOfArticle(req, articleId)
      if (ownsTransaction) await commitTransaction(req)
      if (written > 0) {
        placed.articles++
        placed.documents += written
      }
    } catch (error) {
      if (ownsTransaction) await killTransaction(req)
      throw error
    }
  }
  return placed
}

/** At start-up, once per database: the upgrade is recorded in payload-migrations when it has run. */
export async function placeCaptionsInStoredBodiesOnStart(payload: Payload): Promise<PlacedCaptions | null> {
  const { totalDocs } = await payload.db.count({ collection: MIGRATIONS_SLUG, where: { name: { equals: CAPTIONS_IN_BODY_UPGRADE } } })
  if (totalDocs > 0) return null
  const placed = await placeCaptionsInStoredBodies(payload)
  await payload.db.create({ collection: MIGRATIONS_SLUG, data: { name: CAPTIONS_IN_BODY_UPGRADE, batch: 0 } })
  if (placed.articles > 0) payload.logger.info(`Photos placed in the bodies of ${placed.articles} stories stored before photo blocks (${placed.documents} documents and versions)`)
  return placed
}
