import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'

import { ARTICLES_SLUG, CAPTIONS_SLUG, WORKFLOW_EVENTS_SLUG } from '../../../collections/slugs'
import { relatedId } from '../../../collections/relatedId'
import { explainRefusal } from '../transitions'
import { WorkflowError, type WorkflowErrorCode } from '../workflowError'

type Related = Parameters<typeof relatedId>[0]

/** The ones among these articles whose live document is published (not a pending draft). */
async function liveArticles(req: PayloadRequest, ids: Related[]): Promise<string[]> {
  const unique = [...new Set(ids.map(relatedId).filter((id): id is string => id !== null))]
  if (unique.length === 0) return []
  const { docs } = await req.payload.db.find({
    collection: ARTICLES_SLUG,
    where: { and: [{ id: { in: unique } }, { _status: { equals: 'published' } }] },
    pagination: false,
    req,
  })
  return docs.map((doc) => String(doc.id))
}

/** Live articles that show this photo: as hero, or through a caption. */
async function liveArticlesUsingPhoto(req: PayloadRequest, photoId: string): Promise<string[]> {
  const captions = await req.payload.db.find({ collection: CAPTIONS_SLUG, where: { photo: { equals: photoId } }, pagination: false, req })
  const heroes = await req.payload.db.find({ collection: ARTICLES_SLUG, where: { heroPhoto: { equals: photoId } }, pagination: false, req })
  return liveArticles(req, [...captions.docs.map((caption) => (caption as { article?: Related }).article), ...heroes.docs.map((article) => article.id as Related)])
}

/**
 * A caption or photo that a live story shows is live content: changing it is an edit of the live
 * story, so it needs the right to publish (chief editor, admin) and is audited on each such story.
 * (The other choice, holding the change in the story's pending draft, would need captions versioned
 * with their article; a caption fix on a live story is a live edit in most newsrooms anyway.)
 */
function assertMayEditLiveContent(req: PayloadRequest, code: WorkflowErrorCode): void {
  const user = req.user
  if (!user) throw new WorkflowError(code, { reason: '须以有发布权限的用户身份操作', reasonEn: 'it needs a signed-in user who may publish' })
  const refusal = explainRefusal(user as never, 'publish', { workflowStage: 'published' })
  if (refusal) throw new WorkflowError(code, { reason: refusal, reasonEn: explainRefusal(user as never, 'publish', { workflowStage: 'published' }, 'en') ?? undefined })
}

async function auditLiveEdit(req: PayloadRequest, articleIds: string[], comment: string): Promise<void> {
  for (const article of articleIds) {
    await req.payload.create({
      collection: WORKFLOW_EVENTS_SLUG,
      data: {
        article,
        action: 'live-edit',
        fromStage: 'published',
        toStage: 'published',
        by: req.user?.id !== undefined ? String(req.user.id) : undefined,
        at: new Date().toISOString(),
        comment,
      },
      overrideAccess: true,
      req,
    })
  }
}

function describeCaption(doc: { text?: unknown } | undefined): string {
  const text = typeof doc?.text === 'string' ? doc.text : ''
  return text.length > 24 ? `${text.slice(0, 24)}…` : text
}

/** Before a caption is created, edited or moved: the articles it leaves and joins. */
export const guardCaptionSave: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const live = await liveArticles(req, [originalDoc?.article, data.article])
  if (live.length > 0) assertMayEditLiveContent(req, 'live-caption-refused')
  return data
}

export const auditCaptionSave: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const live = await liveArticles(req, [previousDoc?.article, doc.article])
  if (live.length > 0) await auditLiveEdit(req, live, `${operation === 'create' ? '新增' : '修改'}图片说明“${describeCaption(doc)}”`)
  return doc
}

export const guardCaptionDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const caption = await req.payload.db.findOne({ collection: CAPTIONS_SLUG, where: { id: { equals: id } }, req })
  const live = await liveArticles(req, [(caption as { article?: Related } | null)?.article])
  if (live.length > 0) assertMayEditLiveContent(req, 'live-caption-refused')
}

export const auditCaptionDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const live = await liveArticles(req, [doc?.article])
  if (live.length > 0) await auditLiveEdit(req, live, `删除图片说明“${describeCaption(doc)}”`)
  return doc
}

/** Before a photo a live story shows is edited or deleted. */
export const guardPhotoSave: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'update' && originalDoc?.id !== undefined && (await liveArticlesUsingPhoto(req, String(originalDoc.id))).length > 0) {
    assertMayEditLiveContent(req, 'live-photo-refused')
  }
  return data
}

export const auditPhotoSave: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'update') return doc
  const live = await liveArticlesUsingPhoto(req, String(doc.id))
  if (live.length > 0) await auditLiveEdit(req, live, `修改图片“${String(doc.filename ?? doc.id)}”`)
  return doc
}

export const guardPhotoDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const live = await liveArticlesUsingPhoto(req, String(id))
  if (live.length > 0) {
    assertMayEditLiveContent(req, 'live-photo-refused')
    await auditLiveEdit(req, live, `删除图片 ${String(id)}`)
  }
}

