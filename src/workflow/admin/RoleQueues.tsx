import type { ServerProps, Where } from 'payload'

import { getTranslation } from '@payloadcms/translations'
import React from 'react'

import { formatBeijingAdminTime } from '../../i18n/beijingTime'
import { newsroomKey, type NewsroomKey } from '../../i18n/newsroomTranslations'
import { hasAnyRole } from '../../roles'
import { findReturnReasons } from '../audit/findReviewEvents'
import { stageLabels, type Stage } from '../stages'

interface Queue {
  title: NewsroomKey
  where: Where
  showSchedule?: boolean
  /** Returned stories: each with why it came back. */
  showReturnReason?: boolean
}

function queuesFor(user: NonNullable<ServerProps['user']>): Queue[] {
  const queues: Queue[] = []
  if (hasAnyRole(user, ['reporter'])) {
    queues.push({ title: 'myDrafts', where: { and: [{ createdBy: { equals: user.id } }, { workflowStage: { equals: 'draft' } }] } })
    queues.push({
      title: 'returned',
      where: { and: [{ createdBy: { equals: user.id } }, { workflowStage: { equals: 'changes-requested' } }] },
      showReturnReason: true,
    })
  }
  if (hasAnyRole(user, ['editor', 'chief-editor', 'admin'])) queues.push({ title: 'inReview', where: { workflowStage: { equals: 'in-review' } } })
  if (hasAnyRole(user, ['chief-editor', 'admin'])) {
    queues.push({ title: 'approved', where: { workflowStage: { equals: 'approved' } } })
    queues.push({ title: 'scheduled', where: { workflowStage: { equals: 'scheduled' } }, showSchedule: true })
  }
  return queues
}

/** The dashboard's work queues: what is waiting for this user, by role. */
export async function RoleQueues({ payload, user, i18n }: ServerProps) {
  if (!user) return null
  const t = (key: NewsroomKey, vars?: Record<string, unknown>) => i18n.t(newsroomKey(key), vars)
  const queues = queuesFor(user)
  if (queues.length === 0) return null
  const results = await Promise.all(
    queues.map((queue) =>
      payload.find({
        collection: 'articles',
        where: queue.where,
        sort: queue.showSchedule ? 'scheduledPublishAt' : '-updatedAt',
        limit: 10,
        depth: 0,
        draft: true,
        user,
        overrideAccess: false,
        select: { title: true, workflowStage: true, scheduledPublishAt: true, updatedAt: true },
      }),
    ),
  )
  const returnReasons = await findReturnReasons(
    payload,
    user,
    results.flatMap((result, index) => (queues[index]!.showReturnReason ? result.docs.map((doc) => doc.id) : [])),
  )
  return (
    <section className="role-queues" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: 16, marginBottom: 32 }}>
      {queues.map((queue, index) => (
        <div key={queue.title} data-testid="role-queue" style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 6, padding: 16 }}>
          <h3 style={{ margin: '0 0 8px' }}>
            {t(queue.title)} <span style={{ opacity: 0.6 }}>({results[index]!.totalDocs})</span>
          </h3>
          {results[index]!.docs.length === 0 && <p style={{ opacity: 0.6 }}>{t('empty')}</p>}
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {results[index]!.docs.map((doc) => (
              <li key={String(doc.id)} style={{ padding: '4px 0' }}>
                <a href={`/admin/collections/articles/${doc.id}`}>{String(doc.title || t('untitled'))}</a>
                <span style={{ opacity: 0.6, marginLeft: 8, fontSize: 12 }}>
                  {queue.showSchedule
                    ? t('publishesAt', { time: t('atBeijingTime', { time: formatBeijingAdminTime(doc.scheduledPublishAt) }) })
                    : getTranslation(stageLabels[doc.workflowStage as Stage] ?? '', i18n)}
                </span>
                {queue.showReturnReason && returnReasons.get(String(doc.id)) && (
                  <div data-testid="return-reason" style={{ fontSize: 13, marginTop: 2, color: 'var(--theme-elevation-800)' }}>
                    {returnReasons.get(String(doc.id))!.comment}
                    <span style={{ opacity: 0.6 }}>——{returnReasons.get(String(doc.id))!.byName}</span>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
