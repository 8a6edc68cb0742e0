import type { BeforeListTableServerProps } from 'payload'

import Link from 'next/link'
import React from 'react'

import { CAPTIONS_SLUG } from '../../../collections/slugs'
import { newsroomKey } from '../../i18n/newsroomTranslations'
import { AWAITING_PHOTO_QUERY, AWAITING_PHOTO_WHERE, isAwaitingPhotoFilter } from '../../photos/awaitingPhoto'

const tab: React.CSSProperties = {
  padding: '6px 14px',
  borderRadius: 999,
  border: '1px solid var(--theme-elevation-150)',
  textDecoration: 'none',
  color: 'var(--theme-text)',
  fontSize: 14,
}
const activeTab: React.CSSProperties = { ...tab, background: 'var(--theme-elevation-900)', color: 'var(--theme-elevation-0)' }

/**
 * Above the captions list: the 待配图 queue (captions without a photo) and how many wait.
 * A photographer opens a caption from the queue and attaches an existing photo or uploads one
 * in place with the photo field's own drawer.
 */
export async function AwaitingPhotoQueue({ payload, user, searchParams, i18n }: BeforeListTableServerProps) {
  const { totalDocs } = await payload.count({ collection: CAPTIONS_SLUG, where: AWAITING_PHOTO_WHERE, overrideAccess: false, user })
  const listUrl = `${payload.config.routes.admin}/collections/${CAPTIONS_SLUG}`
  const showingQueue = isAwaitingPhotoFilter(searchParams)
  return (
    <nav aria-label={i18n.t(newsroomKey('awaitingPhoto'))} style={{ display: 'flex', alignItems: 'center', gap: 12, margin: '0 0 16px', flexWrap: 'wrap' }}>
      <Link href={listUrl} style={showingQueue ? tab : activeTab}>
        {i18n.t(newsroomKey('allCaptions'))}
      </Link>
      <Link href={`${listUrl}?${AWAITING_PHOTO_QUERY}`} style={showingQueue ? activeTab : tab} data-testid="awaiting-photo-queue">
        {i18n.t(newsroomKey('awaitingPhoto'))} <strong>{totalDocs}</strong>
      </Link>
      <span style={{ color: 'var(--theme-elevation-500)', fontSize: 13 }}>
        {i18n.t(newsroomKey(totalDocs > 0 ? 'awaitingHint' : 'allHavePhotos'))}
      </span>
    </nav>
  )
}
