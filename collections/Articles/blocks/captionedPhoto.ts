import type { Block, FilterOptionsProps, RelationshipFieldSingleValidation, Where } from 'payload'

import { validations } from 'payload/shared'

import { CAPTIONS_SLUG } from '../../slugs'

export const CAPTIONED_PHOTO_BLOCK = 'captionedPhoto'

/** The block's caption field's label, also used by the check of the body's other script (hooks/refuseOtherStoriesCaptionsInOtherScripts.ts). */
export const CAPTION_LABEL = { zh: '图片说明', en: 'Caption' }

type StoryRef = { id?: number | string; data?: unknown; blockData?: unknown }

/**
 * The story's id. Inside a Lexical block Payload's `id` is not always the document's: on save it is
 * the block's own id (the saved story's is then in `data`); the admin's form state gives the story's.
 */
function storyIdOf({ id, data, blockData }: StoryRef): number | string | undefined {
  const fromData = (data as { id?: number | string } | undefined)?.id
  if (fromData !== undefined && fromData !== null && fromData !== '') return fromData
  return id !== undefined && id !== (blockData as { id?: unknown } | undefined)?.id ? id : undefined
}

/** A story's own captions; a story not yet saved owns none (every caption belongs to a story). */
const ownCaptionsOf = (storyId: number | string | undefined): Where => (storyId ? { article: { equals: storyId } } : { article: { exists: false } })

/** The picker offers this story's own captions; a story not yet saved has none. */
export const filterOwnCaptions = (args: Pick<FilterOptionsProps, 'id' | 'data' | 'blockData'>): Where => ownCaptionsOf(storyIdOf(args))

const captionIdOf = (ref: unknown): string => String(ref !== null && typeof ref === 'object' ? (ref as { id?: unknown }).id : ref)

/**
 * Whether a save must show that the block's caption is the story's own: always when it creates the
 * story, places the caption anew (a new block, or another caption in a block) or publishes. A block
 * that already showed the caption in the stored body and is saved again as a draft, as an unpublish
 * or a workflow step, is not judged again: a chief editor giving that caption to another story
 * since is what made it foreign, and refusing every later save (a takedown among them) would not
 * take it out. Publishing it is refused (and so the scheduled publish of such a draft fails).
 */
function mustBeOwnCaption(value: unknown, { operation, data, previousValue }: { operation?: string; data?: unknown; previousValue?: unknown }): boolean {
  if (operation === 'create') return true
  if ((data as { _status?: unknown } | undefined)?._status === 'published') return true
  return captionIdOf(value) !== captionIdOf(previousValue)
}

/**
 * Payload's own check of the chosen caption against the story's own captions, read with
 * overrideAccess: the rule is whose caption it is, not who may read it (Payload reads under the
 * caller's access, and the importer saves without a user, to whom an unpublished caption does not
 * exist). A story being created (or duplicated) owns no caption yet, whatever `id` the request
 * names: a block in its first save is refused (the importer places blocks once the captions exist).
 * This judges the request’s script; hooks/refuseOtherStoriesCaptionsInOtherScripts.ts the others a save writes.
 */
const validateOwnCaption: RelationshipFieldSingleValidation = (value, options) => {
  if (!mustBeOwnCaption(value, options)) return validations.relationship(value, { ...options, filterOptions: undefined })
  const storyId = options.operation === 'create' ? undefined : storyIdOf(options)
  return validations.relationship(value, { ...options, overrideAccess: true, filterOptions: () => ownCaptionsOf(storyId) })
}

/**
 * A photo with its caption at its place in the body: a Lexical block an editor moves like a
 * paragraph. It points at the caption (which carries the text, the credit and the photo, or
 * waits for one in 待配图), so one caption document keeps serving the photo desk and the
 * visibility rule; the body only says where it stands.
 */
export const CaptionedPhotoBlock: Block = {
  slug: CAPTIONED_PHOTO_BLOCK,
  interfaceName: 'CaptionedPhotoBlock',
  labels: {
    singular: { zh: '图片及说明', en: 'Photo with caption' },
    plural: { zh: '图片及说明', en: 'Photos with captions' },
  },
  admin: {
    // The header names the caption (Payload's default is an empty block name, shown as 无标题); no block name to type.
    components: { Label: '/components/photos/CaptionedPhotoLabel#CaptionedPhotoLabel' },
    disableBlockName: true,
  },
  fields: [
    {
      name: 'caption',
      label: CAPTION_LABEL,
      type: 'relationship',
      relationTo: CAPTIONS_SLUG,
      required: true,
      // The caption itself, never its article again: caption → article → body → caption is a cycle, and
      // Payload's population then waited on its own pending load (an anonymous caption read at depth 2 hung).
      maxDepth: 1,
      filterOptions: filterOwnCaptions,
      validate: validateOwnCaption,
      admin: {
        description: {
          zh: '本稿件的一条图片说明；图片在说明中配（没有图片的说明在“待配图”中等待）',
          en: 'One of this story’s captions; the photo is attached to the caption (captions without one wait in 待配图)',
        },
      },
    },
  ],
}
