import type { CollectionConfig } from 'payload'

import path from 'node:path'

import { anyone } from '../../src/access/anyone'
import { hasRole } from '../../src/access/hasRole'
import { loadEnv } from '../../src/env'
import { DISTRICTS_SLUG, PHOTOS_SLUG } from '../slugs'

export { PHOTOS_SLUG }

export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif']

export const Photos: CollectionConfig = {
  slug: PHOTOS_SLUG,
  labels: {
    singular: { zh: '图片', en: 'Photo' },
    plural: { zh: '图片', en: 'Photos' },
  },
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'photographer', 'district', 'takenAt', 'updatedAt'],
    group: { zh: '内容', en: 'Content' },
  },
  access: {
    read: anyone,
    create: hasRole('admin', 'chief-editor', 'editor', 'photographer'),
    update: hasRole('admin', 'chief-editor', 'editor', 'photographer'),
    delete: hasRole('admin', 'chief-editor'),
  },
  upload: {
    staticDir: path.resolve(loadEnv().MEDIA_DIR, 'photos'),
    mimeTypes: PHOTO_MIME_TYPES,
    focalPoint: true,
    adminThumbnail: 'thumbnail',
    formatOptions: { format: 'webp', options: { quality: 82 } },
    imageSizes: [
      { name: 'thumbnail', width: 320, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'card', width: 768, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'hero', width: 1600, formatOptions: { format: 'webp', options: { quality: 82 } } },
    ],
  },
  fields: [
    { name: 'alt', label: { zh: '替代文字', en: 'Alt text' }, type: 'text', required: true },
    { name: 'photographer', label: { zh: '摄影', en: 'Photographer' }, type: 'text' },
    { name: 'defaultCaption', label: { zh: '默认图片说明', en: 'Default caption' }, type: 'textarea' },
    { name: 'district', label: { zh: '行政区', en: 'District' }, type: 'relationship', relationTo: DISTRICTS_SLUG },
    {
      name: 'takenAt',
      label: { zh: '拍摄时间', en: 'Taken at' },
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
