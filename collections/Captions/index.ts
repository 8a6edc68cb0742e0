import type { CollectionConfig } from 'payload'

import { hasRole } from '../../src/access/hasRole'
import { ARTICLES_SLUG, CAPTIONS_SLUG, PHOTOS_SLUG } from '../slugs'
import { captionOfPublishedOrSignedIn } from './access'

export { CAPTIONS_SLUG }

/** A photo caption as used in one article; the photo may come later (待配图). */
export const Captions: CollectionConfig = {
  slug: CAPTIONS_SLUG,
  labels: {
    singular: { zh: '图片说明', en: 'Caption' },
    plural: { zh: '图片说明', en: 'Captions' },
  },
  admin: {
    useAsTitle: 'text',
    defaultColumns: ['text', 'credit', 'article', 'photo', 'position'],
    group: { zh: '内容', en: 'Content' },
  },
  defaultSort: 'position',
  access: {
    read: captionOfPublishedOrSignedIn,
    create: hasRole('admin', 'chief-editor', 'editor', 'reporter', 'photographer'),
    update: hasRole('admin', 'chief-editor', 'editor', 'reporter', 'photographer'),
    delete: hasRole('admin', 'chief-editor', 'editor'),
  },
  fields: [
    { name: 'text', label: { zh: '说明文字', en: 'Text' }, type: 'textarea', required: true, localized: true },
    { name: 'credit', label: { zh: '署名', en: 'Credit' }, type: 'text' },
    {
      name: 'article',
      label: { zh: '所属稿件', en: 'Article' },
      type: 'relationship',
      relationTo: ARTICLES_SLUG,
      required: true,
      index: true,
    },
    { name: 'photo', label: { zh: '图片', en: 'Photo' }, type: 'upload', relationTo: PHOTOS_SLUG },
    {
      name: 'position',
      label: { zh: '位置', en: 'Position' },
      type: 'number',
      min: 0,
      defaultValue: 0,
      admin: { description: { zh: '在正文中的顺序', en: 'Order within the article' } },
    },
  ],
}
