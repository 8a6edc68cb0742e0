import type { FieldHook } from 'payload'

import { ValidationError } from 'payload'

import { getCaptionIdsInBody } from '../../../src/photos/captionBlocks'
import { ARTICLES_SLUG, CAPTIONS_SLUG } from '../../slugs'
import { CAPTION_LABEL } from '../blocks/captionedPhoto'

type Label = Record<keyof typeof CAPTION_LABEL, string>

/**
 * The body is stored per script; Payload validates only the request's (the photo block's
 * validateOwnCaption). A version restore also writes the version's other script, and a publish puts
 * the other script live as stored: those bodies too may show only the story's own captions, or a
 * restore would bring back (and a publish put live) a caption since given to another story.
 * Other saves write the other script as it is stored, so they are left alone.
 */
export const refuseOtherStoriesCaptionsInOtherScripts: FieldHook = async ({ value, data, field, originalDoc, siblingDocWithLocales, req }) => {
  const publishing = (data as { _status?: unknown } | undefined)?._status === 'published'
  if (!publishing && !req.context.isRestoringVersion) return value
  const storyId = (originalDoc as { id?: number | string } | undefined)?.id
  const bodies = (siblingDocWithLocales as { body?: Record<string, unknown> } | undefined)?.body ?? {}
  const shown = Object.entries(bodies).flatMap(([locale, body]) => (locale === req.locale ? [] : getCaptionIdsInBody(body)))
  if (shown.length === 0 || storyId === undefined) return value
  const foreign = await req.payload.find({
    collection: CAPTIONS_SLUG,
    where: { and: [{ id: { in: shown } }, { article: { not_equals: storyId } }] },
    select: { article: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  if (foreign.docs.length === 0) return value
  // Named as Payload names a refused field inside a block: its label trail (正文 > 图片说明), in the request's language.
  const bodyLabel = ('label' in field ? field.label : undefined) as Label
  const label = { zh: `${bodyLabel.zh} > ${CAPTION_LABEL.zh}`, en: `${bodyLabel.en} > ${CAPTION_LABEL.en}` }
  throw new ValidationError(
    {
      collection: ARTICLES_SLUG,
      id: storyId,
      errors: [{ path: 'body.caption', label: label as never, message: `${req.t('validation:invalidSelections')} ${foreign.docs.map((caption) => JSON.stringify(String(caption.id))).join(', ')}` }],
      req,
    },
    req.t,
  )
}
