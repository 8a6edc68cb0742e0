import type { Payload, PayloadRequest } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { Script } from '../validate/schema'
import type { ArticleDocument, CaptionDocument, LocalizedArticleFields } from './buildArticleDocument'
import type { ExistingArticle, ImportPlan, ImportedSnapshot } from './planImport'

import { ARTICLES_SLUG, CAPTIONS_SLUG } from '../../../collections/slugs'
import { carryOverResolutions } from '../../importWarnings/carryOverResolutions'
import { linkCaptionBlocks } from '../../photos/captionBlocks'
import { storedWarningsOf } from '../../importWarnings/storedWarnings'
import { LOCALES } from './buildArticleDocument'
import { buildSnapshot } from './planImport'

const DEFAULT_LOCALE: Script = 'zh-Hans'
const OTHER_LOCALE: Script = 'zh-Hant'

/** Marks the writes as the importer's, so hooks can skip side effects meant for editors (webhooks, audit prompts). */
export const IMPORT_CONTEXT = { importing: true } as const

type LocalizedValue = Record<string, unknown> | null | undefined

function pickLocale(value: unknown, locale: Script): unknown {
  return value && typeof value === 'object' && !Array.isArray(value) && locale in (value as object)
    ? (value as LocalizedValue)![locale]
    : undefined
}

export interface StoredHash {
  id: string
  /** Null while the article's import is incomplete: the hash is the last thing a store writes. */
  contentHash: string | null
}

/**
 * The stored content hash per source file: enough to tell an unchanged file, and one whose
 * import never finished (where the database has no transactions, as on FerretDB, a run cut
 * short can leave an article without its captions, a document without any version yet, which
 * the draft lookup cannot see, or an older version still marked latest). Two small queries.
 */
export async function findStoredHashes(payload: Payload, sourceFiles: readonly string[]): Promise<Map<string, StoredHash>> {
  const found = new Map<string, StoredHash>()
  if (sourceFiles.length === 0) return found
  const { docs } = await payload.find({
    collection: ARTICLES_SLUG,
    where: { 'provenance.sourceFile': { in: [...sourceFiles] } },
    draft: true,
    depth: 0,
    limit: sourceFiles.length * 2,
    pagination: false,
    overrideAccess: true,
    select: { provenance: { sourceFile: true, contentHash: true } },
  })
  for (const doc of docs as unknown as { id: string | number; provenance?: { sourceFile?: string; contentHash?: string } }[]) {
    const file = doc.provenance?.sourceFile
    if (!file) continue
    const contentHash = doc.provenance?.contentHash ?? null
    const known = found.get(file)
    if (!known) found.set(file, { id: String(doc.id), contentHash })
    // Two latest versions of one article: Payload's MongoDB adapter writes a new version, then
    // unmarks the previous one; cut short in between, the one without a hash makes it incomplete.
    else if (contentHash === null && known.id === String(doc.id)) known.contentHash = null
  }
  const { docs: documents } = await payload.find({
    collection: ARTICLES_SLUG,
    where: { 'provenance.sourceFile': { in: [...sourceFiles] } },
    depth: 0,
    limit: sourceFiles.length * 2,
    pagination: false,
    overrideAccess: true,
    select: { provenance: { sourceFile: true } },
  })
  for (const doc of documents as unknown as { id: string | number; provenance?: { sourceFile?: string } }[]) {
    const file = doc.provenance?.sourceFile
    if (file && !found.has(file)) found.set(file, { id: String(doc.id), contentHash: null }) // no version: incomplete
  }
  return found
}

/**
 * Finds the articles already imported from these source files, in one query,
 * with their latest draft values in both locales (what planImport compares).
 */
export async function findExistingArticles(
  payload: Payload,
  sourceFiles: readonly string[],
): Promise<Map<string, ExistingArticle>> {
  const found = new Map<string, ExistingArticle>()
  if (sourceFiles.length === 0) return found
  const { docs } = await payload.find({
    collection: ARTICLES_SLUG,
    where: { 'provenance.sourceFile': { in: [...sourceFiles] } },
    draft: true,
    locale: 'all',
    depth: 0,
    limit: sourceFiles.length * 2,
    pagination: false,
    overrideAccess: true,
  })
  for (const doc of docs as unknown as Record<string, any>[]) {
    const file = doc.provenance?.sourceFile as string | undefined
    if (!file || found.has(file)) continue
    found.set(file, {
      id: String(doc.id),
      contentHash: doc.provenance?.contentHash ?? null,
      snapshot: (doc.provenance?.importedSnapshot as ImportedSnapshot | undefined) ?? null,
      shared: {
        districts: doc.districts,
        authors: doc.authors,
        source: doc.source,
        sourceUrl: doc.sourceUrl,
        originalPublishedAt: doc.originalPublishedAt,
        originalPublishedAt_tz: doc.originalPublishedAt_tz,
        tags: doc.tags,
        defaultCredit: doc.defaultCredit,
      },
      localized: Object.fromEntries(
        LOCALES.map((locale) => [
          locale,
          {
            title: pickLocale(doc.title, locale),
            subtitle: pickLocale(doc.subtitle, locale),
            summary: pickLocale(doc.summary, locale),
            body: pickLocale(doc.body, locale),
          },
        ]),
      ) as ExistingArticle['localized'],
    })
  }
  return found
}

function buildProvenance(document: ArticleDocument) {
  return {
    ...document.provenance,
    importedAt: new Date().toISOString(),
    importedSnapshot: buildSnapshot(document),
  }
}

async function createCaption(payload: Payload, req: PayloadRequest, articleId: string, caption: CaptionDocument): Promise<string> {
  const created = await payload.create({
    collection: CAPTIONS_SLUG,
    locale: DEFAULT_LOCALE,
    data: { text: caption.text[DEFAULT_LOCALE], credit: caption.credit, position: caption.position, article: articleId },
    overrideAccess: true,
    req,
  })
  await payload.update({
    collection: CAPTIONS_SLUG,
    id: created.id,
    locale: OTHER_LOCALE,
    data: { text: caption.text[OTHER_LOCALE] },
    overrideAccess: true,
    req,
  })
  return String(created.id)
}

/** The localized fields with the body's caption blocks pointing at the stored captions (an absent body stays absent). */
function withLinkedBody<Fields extends Partial<LocalizedArticleFields>>(fields: Fields, captionIds: readonly string[]): Fields {
  return fields.body ? { ...fields, body: linkCaptionBlocks(fields.body, captionIds) } : fields
}

/**
 * Creates the article as a zh-Hans draft (its body without photo blocks: the captions need the
 * article's id first), then its captions, then the zh-Hans body with the photo blocks pointing at
 * them, then its zh-Hant fields together with the content hash. The hash goes last: where a
 * transaction makes the writes one (SQLite, MongoDB replica sets) the order does not matter, and
 * where none does (FerretDB) a run cut short leaves an article without a hash, which the next run
 * stores again (action 'replace').
 */
async function createArticle(payload: Payload, req: PayloadRequest, document: ArticleDocument): Promise<string> {
  const provenance = buildProvenance(document)
  const created = await payload.create({
    collection: ARTICLES_SLUG,
    locale: DEFAULT_LOCALE,
    draft: true,
    data: {
      ...document.shared,
      ...withLinkedBody(document.localized[DEFAULT_LOCALE], []),
      provenance: { ...provenance, contentHash: null },
      _status: 'draft',
      // Imported stories wait in the editors' review queue (待审).
      workflowStage: 'in-review',
    } as never,
    overrideAccess: true,
    req,
  })
  const id = String(created.id)
  const captionIds: string[] = []
  for (const caption of document.captions) captionIds.push(await createCaption(payload, req, id, caption))
  if (captionIds.length > 0) {
    await payload.update({
      collection: ARTICLES_SLUG,
      id,
      locale: DEFAULT_LOCALE,
      draft: true,
      data: { body: withLinkedBody(document.localized[DEFAULT_LOCALE], captionIds).body } as never,
      overrideAccess: true,
      req,
    })
  }
  await payload.update({
    collection: ARTICLES_SLUG,
    id,
    locale: OTHER_LOCALE,
    draft: true,
    data: { ...withLinkedBody(document.localized[OTHER_LOCALE], captionIds), provenance } as never,
    overrideAccess: true,
    req,
  })
  return id
}

/**
 * Removes an article whose import never finished, with its captions (the article's delete hook)
 * and its versions, so that it can be stored again as a clean import would store it. Each step
 * tolerates what an earlier cut-short attempt already removed.
 */
async function removeIncompleteArticle(payload: Payload, req: PayloadRequest, id: string): Promise<void> {
  await payload.delete({ collection: CAPTIONS_SLUG, where: { article: { equals: id } }, overrideAccess: true, req })
  const { errors } = await payload.delete({ collection: ARTICLES_SLUG, where: { id: { equals: id } }, overrideAccess: true, req })
  if (errors.length > 0) throw new Error(`could not remove the incompletely imported article ${id}: ${errors.map((error) => error.message).join('; ')}`)
  await payload.db.deleteVersions({ collection: ARTICLES_SLUG, where: { parent: { equals: id } }, req })
}

/**
 * Brings the article's captions in line with a changed source: new captions are
 * added, moved ones get their new position, and captions the source dropped are
 * removed unless a photo was already attached (a photographer's work is never lost)
 * or a body an editor changed places them (`keep`: that body is kept as it is).
 * Returns the captions' ids in the document's order, for the body's photo blocks.
 */
async function reconcileCaptions(payload: Payload, req: PayloadRequest, articleId: string, document: ArticleDocument, keep: readonly string[]): Promise<string[]> {
  const { docs } = await payload.find({
    collection: CAPTIONS_SLUG,
    where: { article: { equals: articleId } },
    locale: document.sourceLocale,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const existingByText = new Map(docs.map((doc) => [String(doc.text), doc]))
  const wanted = new Set(document.captions.map((caption) => caption.text[document.sourceLocale]))
  const captionIds: string[] = []
  for (const caption of document.captions) {
    const existing = existingByText.get(caption.text[document.sourceLocale])
    if (!existing) {
      captionIds.push(await createCaption(payload, req, articleId, caption))
      continue
    }
    captionIds.push(String(existing.id))
    if (existing.position !== caption.position) {
      await payload.update({ collection: CAPTIONS_SLUG, id: existing.id, data: { position: caption.position }, overrideAccess: true, req })
    }
  }
  for (const doc of docs) {
    if (!wanted.has(String(doc.text)) && !doc.photo && !keep.includes(String(doc.id))) {
      await payload.delete({ collection: CAPTIONS_SLUG, id: doc.id, overrideAccess: true, req })
    }
  }
  return captionIds
}

/**
 * A changed source: the captions (so the body's photo blocks can point at them), then the zh-Hans
 * fields, then the zh-Hant fields with the new provenance (content hash, snapshot, warnings) last. Cut short without a transaction (FerretDB),
 * the old hash and snapshot stay, so the next run sees the file as changed and finishes the update:
 * the fields already written now equal the new import and are left alone.
 */
async function updateArticle(payload: Payload, req: PayloadRequest, plan: Extract<ImportPlan, { action: 'update' }>) {
  const { document } = plan
  const kept = plan.keptEditorFields.length
    ? [
        {
          kind: 'editor-edits-kept',
          severity: 'info',
          message: `源文件已更新；编辑修改过的字段保持不变: ${plan.keptEditorFields.join(', ')}`,
          snippet: '',
        },
      ]
    : []
  const provenance = buildProvenance(document)
  // Warnings the newsroom already resolved or overrode stay so when the same warning comes again.
  const current = await payload.findByID({ collection: ARTICLES_SLUG, id: plan.id, draft: true, depth: 0, overrideAccess: true, req })
  const warnings = carryOverResolutions([...provenance.warnings, ...kept], storedWarningsOf(current))
  const captionIds = await reconcileCaptions(payload, req, plan.id, document, plan.captionsInKeptBodies)
  await payload.update({
    collection: ARTICLES_SLUG,
    id: plan.id,
    locale: DEFAULT_LOCALE,
    draft: true,
    data: {
      ...plan.shared,
      ...withLinkedBody(plan.localized[DEFAULT_LOCALE], captionIds),
      _status: 'draft',
    } as never,
    overrideAccess: true,
    req,
  })
  await payload.update({
    collection: ARTICLES_SLUG,
    id: plan.id,
    locale: OTHER_LOCALE,
    draft: true,
    data: { ...withLinkedBody(plan.localized[OTHER_LOCALE], captionIds), provenance: { ...provenance, warnings } } as never,
    overrideAccess: true,
    req,
  })
}

/**
 * The only step that writes: carries out one plan (one file) in one transaction where the
 * database has them (SQLite, a MongoDB replica set), so the article, its version, captions and
 * provenance are stored together or not at all, even when the process is killed half-way.
 * Where there are none (FerretDB) the content hash, written last, tells the next run what to repair.
 */
export async function storeImportPlan(payload: Payload, plan: ImportPlan): Promise<string> {
  if (plan.action === 'unchanged') return plan.id
  const req = await createLocalReq({ context: { ...IMPORT_CONTEXT } }, payload)
  const ownsTransaction = await initTransaction(req)
  try {
    let id = plan.action === 'update' ? plan.id : ''
    if (plan.action === 'replace') await removeIncompleteArticle(payload, req, plan.id)
    if (plan.action === 'update') await updateArticle(payload, req, plan)
    else id = await createArticle(payload, req, plan.document)
    if (ownsTransaction) await commitTransaction(req)
    return id
  } catch (error) {
    if (ownsTransaction) await killTransaction(req)
    throw error
  }
}
