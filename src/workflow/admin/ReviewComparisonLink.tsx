import type { UIFieldServerProps } from 'payload'

import React from 'react'

import { ARTICLES_SLUG } from '../../../collections/slugs'
import { findReviewComparison } from '../audit/findReviewEvents'

/**
 * Under the workflow panel: one click to Payload's version comparison between the version the
 * story's latest return or approval saved and its latest version ("what changed since").
 */
export async function ReviewComparisonLink({ id, payload, req, i18n }: UIFieldServerProps) {
  if (id === undefined || !req.user) return null
  const comparison = await findReviewComparison(payload, req.user, id)
  if (!comparison) return null
  const t = (key: string) => i18n.t(`workflowAdmin:${key}` as never)
  const returned = comparison.event.action === 'request-changes'
  if (comparison.fromVersionId === comparison.toVersionId) {
    return (
      <p data-testid="review-comparison" style={{ opacity: 0.7, margin: '0 0 24px' }}>
        {t(returned ? 'noChangesSinceReturn' : 'noChangesSinceApproval')}
      </p>
    )
  }
  const href = `${payload.config.routes.admin}/collections/${ARTICLES_SLUG}/${id}/versions/${comparison.toVersionId}?versionFrom=${comparison.fromVersionId}`
  return (
    <p style={{ margin: '0 0 24px' }}>
      <a data-testid="review-comparison" href={href}>
        {t(returned ? 'changesSinceReturn' : 'changesSinceApproval')}
      </a>
    </p>
  )
}
