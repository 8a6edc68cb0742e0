import type { CollectionConfig, PayloadRequest } from 'payload'

import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

import { fieldSignedIn } from '../../src/access/fieldSignedIn'
import { PUBLISHING_ROLES, WRITING_ROLES } from '../../src/roles'
import { hasRole } from '../../src/access/hasRole'
import { isSignedIn } from '../../src/access/isSignedIn'
import { nobody } from '../../src/access/nobody'
import { publishedOrSignedIn } from '../../src/access/publishedOrSignedIn'
import { importWarningsField } from '../../src/importWarnings/importWarningsField'
import { buildArticlePreviewUrl } from '../../src/site/previewPath'
import { correctionsField } from '../../src/syndication/correctionsField'
import { ARTICLES_SLUG, CAPTIONS_SLUG, DISTRICTS_SLUG, PHOTOS_SLUG, USERS_SLUG } from '../slugs'
import { canUpdateArticle } from './access'
import { CaptionedPhotoBlock } from './blocks/captionedPhoto'
import { ninjsEndpoints } from './endpoints/ninjsEndpoints'
import { deleteWithCaptionsUnlessAudited } from './hooks/deleteWithCaptionsUnlessAudited'
import { leavePhotoBlocksOutOfCopy } from './hooks/leavePhotoBlocksOutOfCopy'
import { refuseOtherStoriesCaptionsInOtherScripts } from './hooks/refuseOtherStoriesCaptionsInOtherScripts'
import { refuseStaleSave } from './hooks/refuseStaleSave'
import { setCreatedBy } from './hooks/setCreatedBy'
import { setSlugFromTitle } from './hooks/setSlugFromTitle'
import { validateTitle } from './validateTitle'
import { DAY_AND_TIME_PICKER, EDITABLE_BEIJING_TIME } from '../../src/i18n/beijingTime'
import { newsroomKey } from '../../src/i18n/newsroomTranslations'

export { ARTICLES_SLUG }

/** The character count under title, summary and body, updated as the editor types. */
const CHARACTER_COUNT = '/components/admin/CharacterCount#CharacterCount'

export const Articles: CollectionConfig = {
  slug: ARTICLES_SLUG,
  labels: {
    singular: { zh: '稿件', en: 'Article' },
    plural: { zh: '稿件', en: 'Articles' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'districts', 'workflowStage', 'updatedAt'],
    listSearchableFields: ['title', 'slug', 'summary'],
    group: { zh: '内容', en: 'Content' },
    // The draft on the reader site's preview page (signed-in users only): a new tab, and live beside the form.
    preview: (doc, { locale, req }) => buildArticlePreviewUrl(req.payload.config.serverURL, doc.id, locale),
    livePreview: {
      url: ({ data, locale, req }) => buildArticlePreviewUrl(req.payload.config.serverURL, data.id, locale.code),
    },
  },
  defaultSort: '-updatedAt',
  versions: {
    // validate: drafts are validated too, which is also what keeps Payload's create screen from
    // saving an empty draft the moment it opens (an abandoned visit used to leave an untitled story
    // behind): a new story is saved by its first "save draft", and autosaved from then on.
    drafts: { autosave: { interval: 2000 }, validate: true },
    maxPerDoc: 100,
  },
  access: {
    read: publishedOrSignedIn,
    readVersions: isSignedIn,
    create: hasRole(...WRITING_ROLES),
    update: canUpdateArticle,
    delete: hasRole(...PUBLISHING_ROLES),
  },
  // The workflow (stage, schedule, publishing guard, audit, transitions) is added by src/workflow/workflowPlugin.ts.
  hooks: {
    // Delivery and the visibility rule add their hooks too (src/delivery/deliveryPlugin.ts, src/visibility/visibilityPlugin.ts).
    beforeValidate: [setSlugFromTitle],
    beforeChange: [refuseStaleSave, setCreatedBy],
    beforeDelete: [deleteWithCaptionsUnlessAudited],
  },
  endpoints: ninjsEndpoints,
  fields: [
    {
      name: 'title',
      label: { zh: '标题', en: 'Title' },
      type: 'text',
      required: true,
      localized: true,
      validate: validateTitle,
      admin: { components: { Description: CHARACTER_COUNT } },
    },
    { name: 'subtitle', label: { zh: '副标题', en: 'Subtitle' }, type: 'text', localized: true },
    {
      name: 'slug',
      label: { zh: '网址别名', en: 'Slug' },
      type: 'text',
      unique: true,
      index: true,
      admin: { position: 'sidebar', description: {
          zh: '随标题拼音生成；手动修改后不再跟随标题，发布后不再改变',
          en: 'Follows the title’s pinyin until edited by hand; never changes once published',
        } },
    },
    { name: 'summary', label: { zh: '摘要', en: 'Summary' }, type: 'textarea', localized: true, admin: { components: { Description: CHARACTER_COUNT } } },
    {
      name: 'body',
      label: { zh: '正文', en: 'Body' },
      type: 'richText',
      localized: true,
      admin: { components: { Description: CHARACTER_COUNT } },
      // Photos stand in the body where they belong, as blocks an editor moves (src/photos/captionBlocks.ts reads them).
      editor: lexicalEditor({ features: ({ defaultFeatures }) => [...defaultFeatures, BlocksFeature({ blocks: [CaptionedPhotoBlock] })] }),
      // A block shows only its own story's caption (blocks/captionedPhoto.ts); these cover the doors its validation does not see.
      hooks: { beforeChange: [refuseOtherStoriesCaptionsInOtherScripts], beforeDuplicate: [leavePhotoBlocksOutOfCopy] },
    },
    {
      name: 'districts',
      label: { zh: '行政区', en: 'Districts' },
      type: 'relationship',
      relationTo: DISTRICTS_SLUG,
      hasMany: true,
      admin: { position: 'sidebar', description: { zh: '第一个为主要行政区', en: 'The main district first' } },
    },
    {
      name: 'authors',
      label: { zh: '作者', en: 'Authors' },
      type: 'text',
      hasMany: true,
      // A new story's byline is its reporter's until someone changes it.
      defaultValue: ({ user }: { user?: { name?: unknown } | null }) => (typeof user?.name === 'string' && user.name ? [user.name] : undefined),
      admin: { description: { zh: '署名，按稿件顺序；新稿默认为创建者', en: 'Bylines, in order; a new story’s creator by default' } },
    },
    { name: 'source', label: { zh: '来源', en: 'Source' }, type: 'text', admin: { position: 'sidebar' } },
    {
      name: 'sourceUrl',
      label: { zh: '原文链接', en: 'Source URL' },
      type: 'text',
      admin: { position: 'sidebar' },
      validate: (value: unknown, { req }: { req: PayloadRequest }) =>
        value === null || value === undefined || value === '' || (typeof value === 'string' && URL.canParse(value))
          ? true
          : req.t(newsroomKey('fullUrl')),
    },
    {
      name: 'originalPublishedAt',
      label: { zh: '原始发布时间', en: 'Originally published' },
      type: 'date',
      // The zone stays stored beside the time for the API (Payload's originalPublishedAt_tz); the admin
      // picks and shows it in Beijing time like every other time.
      timezone: true,
      admin: { position: 'sidebar', ...EDITABLE_BEIJING_TIME },
    },
    { name: 'tags', label: { zh: '标签', en: 'Tags' }, type: 'text', hasMany: true, admin: { position: 'sidebar' } },
    {
      name: 'defaultCredit',
      label: { zh: '默认图片署名', en: 'Default photo credit' },
      type: 'text',
      admin: { description: { zh: '图片说明没有署名时使用，如“图片除署名外由安源区委宣传部提供”', en: 'Used where a caption has no credit' } },
    },
    correctionsField,
    { name: 'heroPhoto', label: { zh: '头图', en: 'Hero photo' }, type: 'upload', relationTo: PHOTOS_SLUG },
    {
      name: 'captions',
      label: { zh: '图片说明', en: 'Captions' },
      type: 'join',
      collection: CAPTIONS_SLUG,
      on: 'article',
      defaultSort: 'position',
      defaultLimit: 100,
    },
    {
      name: 'createdBy',
      label: { zh: '创建人', en: 'Created by' },
      type: 'relationship',
      relationTo: USERS_SLUG,
      access: { read: fieldSignedIn, create: nobody, update: nobody },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'provenance',
      label: { zh: '来源记录', en: 'Provenance' },
      type: 'group',
      access: { read: fieldSignedIn, create: nobody, update: nobody },
      admin: { readOnly: true, description: { zh: '导入程序记录，仅编辑部可见', en: 'Recorded by the importer; newsroom only' } },
      fields: [
        { name: 'sourceFile', label: { zh: '源文件', en: 'Source file' }, type: 'text', index: true },
        { name: 'contentHash', label: { zh: '内容哈希', en: 'Content hash' }, type: 'text' },
        { name: 'format', label: { zh: '格式', en: 'Format' }, type: 'text' },
        { name: 'encoding', label: { zh: '编码', en: 'Encoding' }, type: 'text' },
        { name: 'script', label: { zh: '原文字体', en: 'Original script' }, type: 'text' },
        { name: 'importedAt', label: { zh: '导入时间', en: 'Imported at' }, type: 'date', admin: { date: DAY_AND_TIME_PICKER, components: { Field: '/components/admin/BeijingTime#BeijingTimeField' } } },
        {
          name: 'originalText',
          label: { zh: '原始文本', en: 'Original text' },
          type: 'textarea',
          // The whole source file, kept as read: IMPORT_MAX_BYTES bounds it, not Payload's 40,000-character default.
          maxLength: 64 * 1024 * 1024,
        },
        importWarningsField,
        {
          // What the importer last wrote, so a re-import can tell an editor's edits from its own (src/importer/store/planImport.ts).
          name: 'importedSnapshot',
          type: 'json',
          admin: { hidden: true },
        },
      ],
    },
  ],
}
