import type { CollectionConfig, PayloadRequest } from 'payload'

import { anyone } from '../../src/access/anyone'
import { EDITING_ROLES } from '../../src/roles'
import { newsroomKey } from '../../src/i18n/newsroomTranslations'
import { hasRole, isAdmin } from '../../src/access/hasRole'
import { DISTRICTS_SLUG } from '../slugs'

export { DISTRICTS_SLUG }

/** Administrative divisions of Pingxiang; reference data seeded at start (src/seed/districts.ts). */
export const Districts: CollectionConfig = {
  slug: DISTRICTS_SLUG,
  labels: {
    singular: { zh: '行政区', en: 'District' },
    plural: { zh: '行政区', en: 'Districts' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'pinyin', 'level', 'code', 'parent'],
    group: { zh: '参考数据', en: 'Reference data' },
  },
  defaultSort: 'code',
  // What a story read at depth 1 embeds: the district as readers see it (name, link, description) and the
  // code feeds file a story under; its parent and timestamps stay on /api/districts.
  defaultPopulate: { name: true, slug: true, pinyin: true, level: true, code: true, description: true },
  access: {
    read: anyone,
    create: hasRole(...EDITING_ROLES),
    update: hasRole(...EDITING_ROLES),
    delete: isAdmin,
  },
  fields: [
    { name: 'name', label: { zh: '名称', en: 'Name' }, type: 'text', required: true, unique: true },
    {
      name: 'slug',
      label: { zh: '网址别名', en: 'Slug' },
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: (value: unknown, { req }: { req: PayloadRequest }) =>
        typeof value === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) ? true : req.t(newsroomKey('slugFormat')),
    },
    { name: 'pinyin', label: { zh: '拼音', en: 'Pinyin' }, type: 'text' },
    {
      name: 'level',
      label: { zh: '级别', en: 'Level' },
      type: 'select',
      required: true,
      options: [
        { value: 'city', label: { zh: '地级市', en: 'City' } },
        { value: 'district', label: { zh: '市辖区', en: 'District' } },
        { value: 'county', label: { zh: '县', en: 'County' } },
      ],
    },
    {
      name: 'parent',
      label: { zh: '上级行政区', en: 'Parent' },
      type: 'relationship',
      relationTo: DISTRICTS_SLUG,
    },
    {
      name: 'code',
      label: { zh: '行政区划代码', en: 'Administrative code (GB/T 2260)' },
      type: 'text',
      required: true,
      unique: true,
      validate: (value: unknown, { req }: { req: PayloadRequest }) =>
        typeof value === 'string' && /^\d{6}$/.test(value) ? true : req.t(newsroomKey('districtCode')),
    },
    { name: 'description', label: { zh: '简介', en: 'Description' }, type: 'textarea' },
  ],
}
