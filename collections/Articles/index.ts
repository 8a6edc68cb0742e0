import type { CollectionConfig } from 'payload'

import { fieldSignedIn } from '../../src/access/fieldSignedIn'
import { PUBLISHING_ROLES, WRITING_ROLES } from '../../src/roles'
import { hasRole } from '../../src/access/hasRole'
import { isSignedIn } from '../../src/access/isSignedIn'
import { nobody } from '../../src/access/nobody'
import { publishedOrSignedIn } from '../../src/access/publishedOrSignedIn'
import { omitNewsroomOnlyFields } from '../../src/delivery/omitNewsroomOnlyFields'
import { revalidateArticle } from '../../src/delivery/revalidateArticle'
import { importWarningsField } from '../../src/importWarnings/importWarningsField'
import { buildArticlePreviewUrl } from '../../src/site/previewPath'
import { correctionsField } from '../../src/syndication/correctionsField'
import { performTransition, performTransitionAs } from '../../src/workflow/performTransition'
import { guardArticleSave } from '../../src/workflow/publishing/guardArticleSave'
import { noteArticleSaveIntent } from '../../src/workflow/publishing/saveIntent'
import { STAGES, stageLabels } from '../../src/workflow/stages'
import { ARTICLES_SLUG, CAPTIONS_SLUG, DISTRICTS_SLUG, PHOTOS_SLUG, USERS_SLUG, WORKFLOW_EVENTS_SLUG } from '../slugs'
import { canUpdateArticle } from './access'
import { ninjsEndpoints } from './endpoints/ninjsEndpoints'
import { transitionEndpoint } from './endpoints/transitionEndpoint'
import { limitEditorsToNotesOnLiveStories } from './hooks/limitEditorsToNotesOnLiveStories'
import { deleteWithCaptionsUnlessAudited } from './hooks/deleteWithCaptionsUnlessAudited'
import { recordRestore } from './hooks/recordRestore'
import { refuseStaleSave } from './hooks/refuseStaleSave'
import { recordWorkflowEvent } from './hooks/recordWorkflowEvent'
import { setCreatedBy } from './hooks/setCreatedBy'
import { setSlugFromTitle } from './hooks/setSlugFromTitle'

export { ARTICLES_SLUG }

export const Articles: CollectionConfig = {
  slug: ARTICLES_SLUG,
  labels: {
    singular: { zh: '稿件', en: 'Article' },
    plural: { zh: '稿件', en: 'Articles' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'districts', 'workflowStage', '_status', 'updatedAt'],
    listSearchableFields: ['title', 'slug', 'summary'],
    group: { zh: '内容', en: 'Content' },
    components: {
      edit: {
        PublishButton: '/components/workflow/PublishControls#PublishButtonForPublishers',
        UnpublishButton: '/components/workflow/PublishControls#UnpublishButtonForPublishers',
      },
    },
    // The draft on the reader site's preview page (signed-in users only): a new tab, and live beside the form.
    preview: (doc, { locale, req }) => buildArticlePreviewUrl(req.payload.config.serverURL, doc.id, locale),
    livePreview: {
      url: ({ data, locale, req }) => buildArticlePreviewUrl(req.payload.config.serverURL, data.id, locale.code),
    },
  },
  defaultSort: '-updatedAt',
  versions: {
    drafts: { autosave: { interval: 2000 }, schedulePublish: true },
    maxPerDoc: 100,
  },
  access: {
    read: publishedOrSignedIn,
    readVersions: isSignedIn,
    create: hasRole(...WRITING_ROLES),
    update: canUpdateArticle,
    delete: hasRole(...PUBLISHING_ROLES),
  },
  hooks: {
    beforeOperation: [noteArticleSaveIntent, omitNewsroomOnlyFields],
    beforeValidate: [setSlugFromTitle],
    beforeChange: [refuseStaleSave, setCreatedBy, guardArticleSave, limitEditorsToNotesOnLiveStories],
    afterChange: [recordWorkflowEvent, revalidateArticle],
    beforeDelete: [deleteWithCaptionsUnlessAudited],
    afterOperation: [recordRestore],
  },
  endpoints: [transitionEndpoint, ...ninjsEndpoints],
  // The publishing service, reached through the Payload instance by jobs, tests and benchmarks (publishing/publishingService.ts).
  custom: { publishingService: { performTransition, performTransitionAs } },
  fields: [
    {
      name: 'workflowStage',
      label: { zh: '流程阶段', en: 'Stage' },
      type: 'select',
      defaultValue: 'draft',
      index: true,
      options: STAGES.map((stage) => ({ value: stage, label: stageLabels[stage] })),
      // Changed only by transitions (POST /api/articles/:id/transition), never by editing the field;
      // workflow internals are the newsroom's, not readers'.
      access: { read: fieldSignedIn, create: nobody, update: nobody },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'workflowActions',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/components/workflow/WorkflowPanel#WorkflowPanel' } },
    },
    {
      name: 'scheduledPublishAt',
      label: { zh: '定时发布时间', en: 'Scheduled to publish at' },
      type: 'date',
      access: { read: fieldSignedIn, create: nobody, update: nobody },
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' }, condition: (data) => Boolean(data?.scheduledPublishAt) },
    },
    {
      name: 'scheduledUnpublishAt',
      label: { zh: '定时撤稿时间', en: 'Scheduled to unpublish at' },
      type: 'date',
      access: { read: fieldSignedIn, create: nobody, update: nobody },
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' }, condition: (data) => Boolean(data?.scheduledUnpublishAt) },
    },
    { name: 'title', label: { zh: '标题', en: 'Title' }, type: 'text', required: true, localized: true },
    { name: 'subtitle', label: { zh: '副标题', en: 'Subtitle' }, type: 'text', localized: true },
    {
      name: 'slug',
      label: { zh: '网址别名', en: 'Slug' },
      type: 'text',
      unique: true,
      index: true,
      admin: { position: 'sidebar', description: { zh: '留空则由标题拼音生成', en: 'Generated from the title when empty' } },
    },
    { name: 'summary', label: { zh: '摘要', en: 'Summary' }, type: 'textarea', localized: true },
    { name: 'body', label: { zh: '正文', en: 'Body' }, type: 'richText', localized: true },
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
      admin: { description: { zh: '署名，按稿件顺序', en: 'Bylines, in order' } },
    },
    { name: 'source', label: { zh: '来源', en: 'Source' }, type: 'text', admin: { position: 'sidebar' } },
    {
      name: 'sourceUrl',
      label: { zh: '原文链接', en: 'Source URL' },
      type: 'text',
      admin: { position: 'sidebar' },
      validate: (value: unknown) =>
        value === null || value === undefined || value === '' || (typeof value === 'string' && URL.canParse(value))
          ? true
          : '请输入完整的网址 (http://…)',
    },
    {
      name: 'originalPublishedAt',
      label: { zh: '原始发布时间', en: 'Originally published' },
      type: 'date',
      timezone: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
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
      name: 'workflowHistory',
      label: { zh: '流程记录', en: 'Workflow history' },
      type: 'join',
      collection: WORKFLOW_EVENTS_SLUG,
      on: 'article',
      defaultSort: '-at',
      defaultLimit: 50,
      access: { read: fieldSignedIn },
      admin: { defaultColumns: ['at', 'action', 'fromStage', 'toStage', 'by', 'comment'], allowCreate: false },
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
        { name: 'importedAt', label: { zh: '导入时间', en: 'Imported at' }, type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'originalText', label: { zh: '原始文本', en: 'Original text' }, type: 'textarea' },
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
