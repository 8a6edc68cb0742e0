import type { Payload } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { ArticleDocument } from '../../src/importer/store/buildArticleDocument'

import { ARTICLES_SLUG, CAPTIONS_SLUG } from '../../collections/slugs'
import { buildSnapshot } from '../../src/importer/store/planImport'
import { IMPORT_CONTEXT } from '../../src/importer/store/storeImportedArticle'

/**
 * The benchmark's baseline: the writes the importer's store makes for a new
 * article, as a plain sequence of Local API calls with no lookup and no plan —
 * the article created as a zh-Hans draft (without its content hash), each
 * caption created and its zh-Hant text updated, then the article's zh-Hant
 * fields and provenance updated, all in one transaction per article as the
 * store does. Keep in step with createArticle/createCaption in
 * src/importer/store/storeImportedArticle.ts.
 */
export async function writeArticleDocument(payload: Payload, document: ArticleDocument): Promise<string> {
  const req = await createLocalReq({ context: { ...IMPORT_CONTEXT } }, payload)
  const ownsTransaction = await initTransaction(req)
  const provenance = { ...document.provenance, importedAt: new Date().toISOString(), importedSnapshot: buildSnapshot(document) }
  try {
    const article = await payload.create({
      collection: ARTICLES_SLUG,
      locale: 'zh-Hans',
      draft: true,
      data: {
        ...document.shared,
        ...document.localized['zh-Hans'],
        provenance: { ...provenance, contentHash: null },
        _status: 'draft',
        workflowStage: 'in-review', // as storeImportedArticle's createArticle: imports wait in the review queue
      } as never,
      overrideAccess: true,
      req,
    })
    for (const caption of document.captions) {
      const created = await payload.create({
        collection: CAPTIONS_SLUG,
        locale: 'zh-Hans',
        data: { text: caption.text['zh-Hans'], credit: caption.credit, position: caption.position, article: article.id },
        overrideAccess: true,
        req,
      })
      await payload.update({
        collection: CAPTIONS_SLUG,
        id: created.id,
        locale: 'zh-Hant',
        data: { text: caption.text['zh-Hant'] },
        overrideAccess: true,
        req,
      })
    }
    await payload.update({
      collection: ARTICLES_SLUG,
      id: article.id,
      locale: 'zh-Hant',
      draft: true,
      data: { ...document.localized['zh-Hant'], provenance } as never,
      overrideAccess: true,
      req,
    })
    if (ownsTransaction) await commitTransaction(req)
    return String(article.id)
  } catch (error) {
    if (ownsTransaction) await killTransaction(req)
    throw error
  }
}
