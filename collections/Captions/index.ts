import type { CollectionConfig } from 'payload'

import { EDITING_ROLES, NEWSROOM_ROLES } from '../../src/roles'
import { hasRole } from '../../src/access/hasRole'
import { fieldSignedIn } from '../../src/access/fieldSignedIn'
import { nobody } from '../../src/access/nobody'
import { ARTICLES_SLUG, CAPTIONS_SLUG, PHOTOS_SLUG } from '../slugs'
import { captionOfPublishedOrSignedIn } from './access'
import { captionImageField } from './fields/captionImage'
import { readCreditLine } from './hooks/readCreditLine'

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
    listSearchableFields: ['text', 'credit'],
    group: { zh: '内容', en: 'Content' },
    description: {
      zh: '每条说明属于一篇稿件；同一张图片在不同稿件中可配不同说明。没有图片的说明在“待配图”中等待摄影记者配图。',
      en: 'Each caption belongs to one article; the same photo can carry different captions in different articles. Captions without a photo wait in the “Awaiting a photo” queue.',
    },
    components: {
      beforeListTable: ['/components/photos/AwaitingPhotoQueue#AwaitingPhotoQueue'],
    },
  },
  defaultSort: 'position',
  // `image` and `creditLine` are computed from these, so a `select` that asks for them still works.
  forceSelect: { photo: true, credit: true },
  access: {
    read: captionOfPublishedOrSignedIn,
    create: hasRole(...NEWSROOM_ROLES),
    update: hasRole(...NEWSROOM_ROLES),
    delete: hasRole(...EDITING_ROLES),
  },
  // Hooks come from the features that own them: the workflow's live-content guard
  // (src/workflow/workflowPlugin.ts) and the visibility rule (src/visibility/visibilityPlugin.ts).
  fields: [
    { name: 'text', label: { zh: '说明文字', en: 'Text' }, type: 'textarea', required: true, localized: true },
    {
      name: 'credit',
      label: { zh: '署名', en: 'Credit' },
      type: 'text',
      admin: {
        description: {
          zh: '摄影者姓名，如“郁佳敏”；留空则用图片的摄影者。刊出时为“郁佳敏 摄”。',
          en: 'The photographer’s name, e.g. 郁佳敏; empty uses the photo’s photographer. Printed as “郁佳敏 摄”.',
        },
      },
    },
    {
      name: 'article',
      label: { zh: '所属稿件', en: 'Article' },
      type: 'relationship',
      relationTo: ARTICLES_SLUG,
      required: true,
      index: true,
    },
    {
      name: 'photo',
      label: { zh: '图片', en: 'Photo' },
      type: 'upload',
      relationTo: PHOTOS_SLUG,
      index: true,
      admin: {
        description: {
          zh: '选择已有图片，或直接上传新图片。留空则列入“待配图”。',
          en: 'Choose an existing photo or upload one here. Empty puts the caption in the “Awaiting a photo” queue.',
        },
      },
    },
    {
      name: 'position',
      label: { zh: '位置', en: 'Position' },
      type: 'number',
      min: 0,
      defaultValue: 0,
      admin: { description: { zh: '在正文中的顺序', en: 'Order within the article' } },
    },
    {
      // Kept true to the article's live status by the visibility rule's hooks (src/visibility/), so that anonymous read access
      // is a constraint on the caption's own field (see access.ts).
      name: 'articlePublished',
      label: { zh: '所属稿件已发布', en: 'Article is published' },
      type: 'checkbox',
      defaultValue: false,
      // No index: nearly every caption is true, so one would only mislead the query planner.
      access: { read: fieldSignedIn, create: nobody, update: nobody },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: { zh: '公开读者只能看到已发布稿件的图片说明', en: 'Anonymous readers see only captions of published articles' },
      },
    },
    {
      name: 'creditLine',
      label: { zh: '刊出署名', en: 'Printed credit' },
      type: 'text',
      virtual: true,
      access: { create: nobody, update: nobody },
      hooks: { afterRead: [readCreditLine] },
      admin: {
        position: 'sidebar',
        description: { zh: '按编辑部格式生成，如“郁佳敏 摄”', en: 'As the newsroom prints it, e.g. “郁佳敏 摄”' },
      },
    },
    captionImageField,
  ],
}
