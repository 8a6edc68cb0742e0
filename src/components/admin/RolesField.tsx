'use client'

import type { SelectFieldClientProps } from 'payload'

import { SelectField, useAuth, useTranslation } from '@payloadcms/ui'
import React from 'react'

/**
 * The roles select, except on the create-first-user screen (nobody signed in yet): the first account
 * is always made an admin (collections/Users/makeFirstUserAdmin.ts), so a choice there would be ignored.
 */
export function RolesField(props: SelectFieldClientProps) {
  const { user } = useAuth()
  const { t } = useTranslation()
  if (!user) {
    return (
      <p data-testid="first-user-role" className="field-type" style={{ marginBottom: 24 }}>
        {t('newsroomAdmin:firstUserRole' as never)}
      </p>
    )
  }
  return <SelectField {...props} />
}
