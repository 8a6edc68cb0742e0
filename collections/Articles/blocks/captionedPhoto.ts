import type { Block } from 'payload'

import { CAPTIONS_SLUG } from '../../slugs'

export const CAPTIONED_PHOTO_BLOCK = 'captionedPhoto'

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
  fields: [
    {
      name: 'caption',
      label: { zh: '图片说明', en: 'Caption' },
      type: 'relationship',
      relationTo: CAPTIONS_SLUG,
      required: true,
      // The caption itself, never its article again: caption → article → body → caption is a cycle, and
      // Payload's population then waited on its own pending load (an anonymous caption read at depth 2 hung).
      maxDepth: 1,
      // No filterOptions (to offer only this story's captions): Payload validates them with a read under
      // the caller's access, which refuses the importer's own writes (no user: unpublished captions are unreadable).
      admin: {
        description: {
          zh: '本稿件的一条图片说明；图片在说明中配（没有图片的说明在“待配图”中等待）',
          en: 'One of this story’s captions; the photo is attached to the caption (captions without one wait in 待配图)',
        },
      },
    },
  ],
}
