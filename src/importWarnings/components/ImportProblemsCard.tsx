import type { ServerProps } from 'payload'

import React from 'react'

import { EDITING_ROLES, hasAnyRole, WRITING_ROLES } from '../../roles'
import { OPEN_IMPORT_WARNINGS_FIELD } from '../countOpenImportWarnings'

/** The dashboard card 导入有问题的稿件: stories this user may see with importer warnings not yet dealt with, most warnings first. */
export async function ImportProblemsCard({ payload, user, i18n }: ServerProps) {
  if (!user || !hasAnyRole(user, WRITING_ROLES)) return null
  const t = (key: string, vars?: Record<string, unknown>) => i18n.t(`importWarnings:${key}` as never, vars)
  const result = await payload.find({
    collection: 'articles',
    // A reporter's card holds their own stories; editors see the whole desk's.
    where: {
      and: [{ [OPEN_IMPORT_WARNINGS_FIELD]: { greater_than: 0 } }, ...(hasAnyRole(user, EDITING_ROLES) ? [] : [{ createdBy: { equals: user.id } }])],
    },
    sort: `-${OPEN_IMPORT_WARNINGS_FIELD}`,
    limit: 10,
    depth: 0,
    draft: true,
    user,
    overrideAccess: false,
    select: { title: true, [OPEN_IMPORT_WARNINGS_FIELD]: true },
  })
  return (
    <section data-testid="import-problems" style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 6, padding: 16, marginBottom: 32 }}>
      <h3 style={{ margin: '0 0 8px' }}>
        {t('dashboardTitle')} <span style={{ opacity: 0.6 }}>({result.totalDocs})</span>
      </h3>
      {result.docs.length === 0 && <p style={{ opacity: 0.6 }}>{t('dashboardEmpty')}</p>}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {result.docs.map((doc) => (
          <li key={String(doc.id)} style={{ padding: '4px 0' }}>
            <a href={`/admin/collections/articles/${doc.id}`}>{String(doc.title || t('untitled'))}</a>
            <span style={{ opacity: 0.6, marginLeft: 8, fontSize: 12 }}>{t('open', { count: doc.openImportWarnings })}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
