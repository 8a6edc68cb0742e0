import type { ServerProps } from 'payload'

import Link from 'next/link'
import React from 'react'

import { CAPTIONS_SLUG } from '../../../collections/slugs'
import { AWAITING_PHOTO_QUERY, AWAITING_PHOTO_WHERE } from '../../photos/awaitingPhoto'
import { hasAnyRole } from '../../roles'

const SHOWN = 10

/**
 * The photographer's dashboard card: the 待配图 queue (captions waiting for their photo), newest
 * first, each opening the caption where the photo is attached or uploaded, and the whole queue.
 */
export async function AwaitingPhotoCard({ payload, user }: ServerProps) {
  if (!user || !hasAnyRole(user, ['photographer'])) return null
  const waiting = await payload.find({
    collection: CAPTIONS_SLUG,
    where: AWAITING_PHOTO_WHERE,
    sort: '-createdAt',
    limit: SHOWN,
    depth: 1,
    user,
    overrideAccess: false,
    select: { text: true, article: true },
    populate: { articles: { title: true } },
  })
  const listUrl = `${payload.config.routes.admin}/collections/${CAPTIONS_SLUG}`
  return (
    <section data-testid="awaiting-photo-card" style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 6, padding: 16, marginBottom: 32 }}>
      <h3 style={{ margin: '0 0 8px' }}>
        待配图 <span style={{ opacity: 0.6 }}>({waiting.totalDocs})</span>
      </h3>
      {waiting.docs.length === 0 && <p style={{ opacity: 0.6 }}>所有说明都已配图。</p>}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {waiting.docs.map((caption) => {
          const article = typeof caption.article === 'object' && caption.article !== null ? caption.article : null
          return (
            <li key={String(caption.id)} style={{ padding: '4px 0' }}>
              <Link href={`${listUrl}/${caption.id}`}>{String(caption.text ?? '')}</Link>
              {article?.title && <span style={{ opacity: 0.6, marginLeft: 8, fontSize: 12 }}>{article.title}</span>}
            </li>
          )
        })}
      </ul>
      {waiting.totalDocs > SHOWN && (
        <p style={{ margin: '8px 0 0' }}>
          <Link href={`${listUrl}?${AWAITING_PHOTO_QUERY}`}>查看全部 {waiting.totalDocs} 条</Link>
        </p>
      )}
    </section>
  )
}
