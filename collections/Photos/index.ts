import type { CollectionConfig, ImageSize } from 'payload'

import path from 'node:path'

import { hasRole } from '../../src/access/hasRole'
import { nobody } from '../../src/access/nobody'
import { PHOTO_DEFAULT_POPULATE } from '../../src/photos/photoDefaultPopulate'
import { PHOTO_MIME_TYPES } from '../../src/photos/photoFormats'
import { kebabSizeName, PHOTO_DERIVATIVES, WEBP_OPTIONS } from '../../src/photos/photoSizes'
import { PHOTO_ROLES, PUBLISHING_ROLES } from '../../src/roles'
import { DISTRICTS_SLUG, PHOTOS_SLUG } from '../slugs'
import { usedByPublishedOrSignedIn } from './access'
import { applyPreparedPhoto } from './hooks/applyPreparedPhoto'
import { explainFailedUpload } from './hooks/explainFailedUpload'
import { prepareUploadedFile } from './hooks/prepareUploadedFile'
import { releaseCaptionsOfDeletedPhoto } from './hooks/releaseCaptionsOfDeletedPhoto'
import { EDITABLE_BEIJING_TIME } from '../../src/i18n/beijingTime'

export { PHOTOS_SLUG }
export { PHOTO_MIME_TYPES }

/**
 * Payload image sizes from the photo desk's derivative list. `fit: 'inside'` keeps each size
 * on Payload's single-pass resize (its focal-point path decodes the image twice per size) and
 * `withoutEnlargement` gives small photos a file at their own width instead of none.
 */
const imageSizes: ImageSize[] = PHOTO_DERIVATIVES.map(({ name, width, format }) => ({
  name,
  width,
  fit: 'inside',
  withoutEnlargement: true,
  ...(format === 'webp' ? { formatOptions: { format: 'webp', options: WEBP_OPTIONS } } : {}),
  generateImageName: ({ originalName, sizeName, width: w, height: h, extension }) =>
    `${originalName}-${kebabSizeName(sizeName)}-${w}x${h}.${extension}`,
  admin: { disableListColumn: true, disableListFilter: true, disableGroupBy: true },
}))

/** The photo desk's upload collection; originals and their sizes are stored under `<mediaDir>/photos`. */
export const buildPhotos = ({ mediaDir }: { mediaDir: string }): CollectionConfig => ({
  slug: PHOTOS_SLUG,
  labels: {
    singular: { zh: '图片', en: 'Photo' },
    plural: { zh: '图片', en: 'Photos' },
  },
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'photographer', 'district', 'takenAt', 'usedByPublished', 'updatedAt'],
    group: { zh: '内容', en: 'Content' },
    description: {
      zh: '接受 JPEG、PNG、WebP、AVIF。上传时自动去除 GPS 等位置信息，按 EXIF 方向摆正，生成缩略图、卡片图、大图（各含 WebP）。',
      en: 'JPEG, PNG, WebP or AVIF. Location data is removed on upload, EXIF orientation applied, and thumbnail, card and hero sizes made (each also as WebP).',
    },
  },
  access: {
    read: usedByPublishedOrSignedIn,
    create: hasRole(...PHOTO_ROLES),
    update: hasRole(...PHOTO_ROLES),
    delete: hasRole(...PUBLISHING_ROLES),
  },
  hooks: {
    beforeOperation: [prepareUploadedFile],
    // The workflow's live-content guard runs first (src/workflow/workflowPlugin.ts).
    beforeChange: [applyPreparedPhoto],
    afterDelete: [releaseCaptionsOfDeletedPhoto],
    afterError: [explainFailedUpload],
  },
  defaultPopulate: PHOTO_DEFAULT_POPULATE,
  upload: {
    staticDir: path.resolve(mediaDir, 'photos'),
    mimeTypes: PHOTO_MIME_TYPES,
    focalPoint: true,
    // Payload's crop overwrites the stored original; the original is the photo desk's master.
    crop: false,
    adminThumbnail: 'thumbnailWebp',
    imageSizes,
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
      admin: {
        ...EDITABLE_BEIJING_TIME,
        description: { zh: '留空则取相机 EXIF 记录的时间', en: 'Taken from the camera’s EXIF when left empty' },
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'cameraMake',
          label: { zh: '相机品牌', en: 'Camera make' },
          type: 'text',
          access: { create: nobody, update: nobody },
          admin: { readOnly: true },
        },
        {
          name: 'cameraModel',
          label: { zh: '相机型号', en: 'Camera model' },
          type: 'text',
          access: { create: nobody, update: nobody },
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'placeholder',
      label: { zh: '占位图', en: 'Placeholder' },
      type: 'text',
      access: { create: nobody, update: nobody },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: { zh: '16 像素宽的模糊 WebP（data URI），供前端加载时显示', en: 'A 16-px-wide blurred WebP (data URI) for front ends to show while loading' },
      },
    },
    {
      name: 'dominantColor',
      label: { zh: '主色', en: 'Dominant colour' },
      type: 'text',
      access: { create: nobody, update: nobody },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'usedByPublished',
      label: { zh: '已用于已发布稿件', en: 'Used by a published article' },
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { create: nobody, update: nobody },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: { zh: '公开读者只能看到已用于已发布稿件的图片', en: 'Anonymous readers see only photos that published articles use' },
      },
    },
  ],
})
