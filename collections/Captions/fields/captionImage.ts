import type { Field } from 'payload'
import type { JSONSchema4 } from 'json-schema'

import { nobody } from '../../../src/access/nobody'
import { PHOTO_DERIVATIVES } from '../../../src/photos/photoSizes'
import { readCaptionImage } from '../hooks/readCaptionImage'

const nullable = (type: 'string' | 'number'): JSONSchema4 => ({ type: [type, 'null'] })

const fileSchema: JSONSchema4 = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'width', 'height', 'mimeType'],
  properties: { url: nullable('string'), width: nullable('number'), height: nullable('number'), mimeType: nullable('string') },
}

/** The shape of `image`, for the generated TypeScript types. */
export const captionImageSchema: JSONSchema4 = {
  oneOf: [
    { type: 'null' },
    {
      type: 'object',
      additionalProperties: false,
      required: [...Object.keys(fileSchema.properties!), 'alt', 'placeholder', 'dominantColor', 'focalX', 'focalY', 'sizes'],
      properties: {
        ...fileSchema.properties,
        alt: nullable('string'),
        placeholder: nullable('string'),
        dominantColor: nullable('string'),
        focalX: nullable('number'),
        focalY: nullable('number'),
        sizes: {
          type: 'object',
          additionalProperties: false,
          required: PHOTO_DERIVATIVES.map(({ name }) => name),
          properties: Object.fromEntries(PHOTO_DERIVATIVES.map(({ name }) => [name, fileSchema])),
        },
      },
    },
  ],
}

/**
 * Read-only, not stored: the caption's photo ready to render (see readCaptionImage), or null
 * while the caption waits for its photo. JSON rather than a group so that "no photo" is null.
 */
export const captionImageField: Field = {
  name: 'image',
  label: { zh: '图片（供前端）', en: 'Image (for front ends)' },
  type: 'json',
  virtual: true,
  access: { create: nobody, update: nobody },
  admin: { disabled: true },
  hooks: { afterRead: [readCaptionImage] },
  typescriptSchema: [() => captionImageSchema],
}
