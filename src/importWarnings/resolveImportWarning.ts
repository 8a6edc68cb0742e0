import type { Payload, PayloadRequest, Where } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { ARTICLES_SLUG, WORKFLOW_EVENTS_SLUG } from '../../collections/slugs'
import { isLiveArticle } from '../workflow/publishing/isLiveArticle'
import { WorkflowError } from '../workflow/workflowError'
import { markWarnings } from './overrideImportWarnings'
import { describeWarning, storedWarningsOf } from './storedWarnings'

/** Whether the articles collection's own update access lets this user edit this story. */
async function mayEditStory(payload: Payload, req: PayloadRequest, articleId: string): Promise<boolean> {
  const access = payload.collections[ARTICLES_SLUG]!.config.access.update
  const allowed = (await access({ req, id: articleId })) as boolean | Where
  if (typeof allowed === 'boolean') return allowed
  const { totalDocs } = await payload.count({ collection: ARTICLES_SLUG, where: { and: [{ id: { equals: articleId } }, allowed] }, overrideAccess: true, req })
  return totalDocs > 0
}

/**
 * Marks one importer warning of a story as dealt with (who, when, an optional note), and records
 * it in the story's audit trail in the same transaction. Anyone who may edit the story may do it;
 * a resolved warning no longer stops the story from going live. Marking a resolved warning again
 * changes nothing.
 */
export async function resolveImportWarning(payload: Payload, req: PayloadRequest, articleId: string, warningId: string, note?: string) {
  const user = req.user
  if (!user) throw new WorkflowError('sign-in-required')
  if (!(await mayEditStory(payload, req, articleId))) {
    throw new WorkflowError('import-warning-resolve-refused', { reason: '您不能编辑这篇稿件', reasonEn: 'you may not edit this story' })
  }
  const article = await payload.findByID({ collection: ARTICLES_SLUG, id: articleId, depth: 0, draft: true, overrideAccess: true, req })
  const rows = storedWarningsOf(article)
  const warning = rows.find((row) => String(row.id) === warningId)
  if (!warning) throw new WorkflowError('import-warning-not-found', { warning: warningId })
  if (warning.resolution) return article

  const at = new Date().toISOString()
  const by = String(user.id)
  const trimmedNote = note?.trim() || undefined
  const warnings = markWarnings(rows, (row) => row === warning, { resolution: 'resolved', by, at, note: trimmedNote })
  const ownsTransaction = await initTransaction(req)
  try {
    // A live story keeps its live document: the mark goes into a draft version, as every edit of a live story does.
    const updated = await payload.update({
      collection: ARTICLES_SLUG,
      id: articleId,
      data: { provenance: { ...article.provenance, warnings } } as never,
      draft: await isLiveArticle(req, articleId),
      depth: 0,
      overrideAccess: true,
      req,
    })
    await payload.create({
      collection: WORKFLOW_EVENTS_SLUG,
      data: {
        article: articleId,
        action: 'resolve-import-warning',
        fromStage: article.workflowStage,
        toStage: article.workflowStage,
        by,
        at,
        comment: `导入警告已处理：${describeWarning(warning)}${trimmedNote ? `；${trimmedNote}` : ''}`,
      },
      overrideAccess: true,
      req,
    })
    if (ownsTransaction) await commitTransaction(req)
    return updated
  } catch (error) {
    if (ownsTransaction) await killTransaction(req)
    throw error
  }
}
