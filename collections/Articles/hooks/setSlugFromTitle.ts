import type { CollectionBeforeValidateHook, PayloadRequest } from 'payload'

import { buildShortIdSlug, buildSlugCandidate, buildSlugFromTitle, isSlugOfTitle } from '../../../src/text/buildSlug'
import { ARTICLES_SLUG } from '../../slugs'

const MAX_ATTEMPTS = 50
/** Stages in which readers have had (or are about to get) the story's URL. */
const URL_PUBLIC_STAGES = new Set(['scheduled', 'published', 'unpublished'])

/**
 * The slug follows the title (its pinyin, made unique) until someone types a slug by hand or the
 * story goes out: a new story's first autosave has no title yet, and the reporter's title must
 * still give it its readable URL; a published URL never changes without an editor's intent.
 * "Typed by hand" needs no extra field: a slug that is not what the title gives was typed.
 * Only the main script's title drives it (a zh-Hant edit never moves the URL).
 */
export const setSlugFromTitle: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const previousSlug = typeof originalDoc?.slug === 'string' ? originalDoc.slug : ''
  const sentSlug = typeof data.slug === 'string' ? data.slug : ''
  if (sentSlug && sentSlug !== previousSlug) return data // typed by hand (or given by the importer)
  if (!previousSlug) return { ...data, slug: await findFreeSlug(req, data.title, undefined) }

  const defaultLocale = req.payload.config.localization ? req.payload.config.localization.defaultLocale : undefined
  const mainScriptEdit = !req.locale || req.locale === defaultLocale
  const title = typeof data.title === 'string' ? data.title : undefined
  const previousTitle = typeof originalDoc?.title === 'string' ? originalDoc.title : undefined
  const followsTitle =
    mainScriptEdit &&
    title !== undefined &&
    title !== previousTitle &&
    !URL_PUBLIC_STAGES.has(String(originalDoc?.workflowStage)) &&
    originalDoc?._status !== 'published' &&
    isSlugOfTitle(previousSlug, previousTitle)
  if (!followsTitle) return data
  return { ...data, slug: await findFreeSlug(req, title, originalDoc?.id) }
}

async function findFreeSlug(req: PayloadRequest, title: unknown, ownId: string | number | undefined): Promise<string> {
  const base = (typeof title === 'string' && buildSlugFromTitle(title)) || buildShortIdSlug()
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const candidate = buildSlugCandidate(base, attempt)
    const { totalDocs } = await req.payload.count({
      collection: ARTICLES_SLUG,
      where: ownId === undefined ? { slug: { equals: candidate } } : { and: [{ slug: { equals: candidate } }, { id: { not_equals: ownId } }] },
      overrideAccess: true,
      req,
    })
    if (totalDocs === 0) return candidate
  }
  return `${base}-${buildShortIdSlug()}`
}
