'use client'

import { Pill, useConfig, useFormFields, useLocale, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { CAPTIONS_SLUG } from '../../../collections/slugs'
import { formatCaptionLabel } from '../../photos/captionLabel'
import { newsroomKey } from '../../i18n/newsroomTranslations'

/** Caption texts already read, by id and content locale, so re-renders and sibling blocks do not read them again. */
const captionTexts = new Map<string, string>()

/**
 * The photo block's header in the body editor: the chosen caption's text (cut short), or
 * 图片及说明 before one is chosen, instead of Payload's empty block name (无标题). It reads the
 * caption from the block's own form, so it follows the picker as the editor changes it.
 */
export function CaptionedPhotoLabel() {
  const { t } = useTranslation()
  const { config } = useConfig()
  const locale = useLocale()
  const captionId = useFormFields(([fields]) => fields.caption?.value) as string | number | null | undefined
  const key = captionId ? `${captionId}:${locale.code}` : null
  const [text, setText] = useState<string | null>(key ? (captionTexts.get(key) ?? null) : null)

  useEffect(() => {
    if (!key) return setText(null)
    const known = captionTexts.get(key)
    if (known !== undefined) return setText(known)
    const controller = new AbortController()
    const url = `${config.serverURL}${config.routes.api}/${CAPTIONS_SLUG}/${captionId}?depth=0&locale=${locale.code}&select[text]=true`
    fetch(url, { credentials: 'include', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((caption: { text?: unknown } | null) => {
        const read = typeof caption?.text === 'string' ? caption.text : ''
        captionTexts.set(key, read)
        setText(read)
      })
      .catch(() => undefined) // aborted, or offline: the label stays 图片及说明
    return () => controller.abort()
  }, [key, captionId, config.serverURL, config.routes.api, locale.code])

  const blockLabel = t(newsroomKey('photoWithCaption'))
  return (
    <div className="captioned-photo-label" style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
      <Pill pillStyle="white" size="small">
        {blockLabel}
      </Pill>
      {text && (
        <span data-testid="captioned-photo-label" title={text} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {formatCaptionLabel(text)}
        </span>
      )}
    </div>
  )
}
