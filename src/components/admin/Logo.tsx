import type { ServerProps } from 'payload'

import React from 'react'

import { newsroomKey } from '../../i18n/newsroomTranslations'
import { NEWSROOM_NAME, NEWSROOM_NAME_EN } from '../../newsroom'

/** The sign-in page logo: the newsroom's name, not Payload's. */
export function Logo({ i18n }: Partial<Pick<ServerProps, 'i18n'>>) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
      <NewsroomMark size={48} />
      <div>
        <div style={{ fontSize: 28, fontWeight: 700, letterSpacing: 2 }}>{NEWSROOM_NAME}</div>
        <div style={{ fontSize: 13, opacity: 0.7 }}>{NEWSROOM_NAME_EN} · {i18n ? i18n.t(newsroomKey('cms')) : '内容管理系统'}</div>
      </div>
    </div>
  )
}

export function NewsroomMark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" role="img" aria-label={NEWSROOM_NAME}>
      <rect width="48" height="48" rx="8" fill="#b3261e" />
      <text x="24" y="33" textAnchor="middle" fontSize="26" fontWeight="700" fill="#fff">
        萍
      </text>
    </svg>
  )
}
