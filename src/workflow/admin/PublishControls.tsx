'use client'

import type { PublishButtonClientProps, UnpublishButtonClientProps } from 'payload'

import { PublishButton, UnpublishButton, useAuth } from '@payloadcms/ui'
import React from 'react'

import { hasAnyRole } from '../../roles'
import { findTransition } from '../transitions'

function mayPublish(user: unknown): boolean {
  return hasAnyRole(user as never, findTransition('publish')!.roles)
}

/**
 * Payload's Publish button (with its schedule option), shown only to the roles
 * the workflow lets publish (payloadcms/payload#6580). The server refuses the
 * others anyway; this keeps the admin from offering what will be refused.
 */
export function PublishButtonForPublishers(props: PublishButtonClientProps) {
  const { user } = useAuth()
  return mayPublish(user) ? <PublishButton {...props} /> : null
}

/** Payload's Unpublish button, for the same roles; unpublishing with a reason is in the workflow panel. */
export function UnpublishButtonForPublishers(props: UnpublishButtonClientProps) {
  const { user } = useAuth()
  return mayPublish(user) ? <UnpublishButton {...props} /> : null
}
