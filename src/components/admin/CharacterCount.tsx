'use client'

import type { FieldDescriptionClientProps } from 'payload'

import { FieldDescription, useFormFields, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { countFieldCharacters } from '../../text/countCharacters'

/** A field's description with its character count (字数) as the editor types: title, summary and body. */
export function CharacterCount(props: FieldDescriptionClientProps) {
  const { t } = useTranslation()
  const path = props.path
  const value = useFormFields(([fields]) => fields[path]?.value)
  const count = countFieldCharacters(value)
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
      <FieldDescription {...props} />
      <span data-testid={`character-count-${path}`} className="field-description" style={{ whiteSpace: 'nowrap', marginLeft: 'auto' }}>
        {t('newsroomAdmin:characterCount' as never, { count })}
      </span>
    </div>
  )
}
