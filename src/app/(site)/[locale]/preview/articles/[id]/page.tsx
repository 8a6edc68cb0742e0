import type { Metadata } from 'next'

import config from '@payload-config'
import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { RefreshOnSave } from '../../../../../../components/site/RefreshOnSave'
import { SiteHeader } from '../../../../../../components/site/SiteHeader'
import { StoryView } from '../../../../../../components/site/StoryView'
import { buildArticlePreviewPath } from '../../../../../../site/previewPath'
import { findDraftForPreview } from '../../../../../../site/readerQueries'
import { isSiteLocale } from '../../../../../../site/siteLocales'
import { notePageLocale } from '../../../../../../site/pageLocale'
import { showInScript, siteText } from '../../../../../../site/siteText'
import { isStage, stageLabels } from '../../../../../../workflow/stages'

// Per request, per user: never prerendered or cached (the Express edge also marks it `private, no-store`).
export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: '预览', robots: { index: false, follow: false } }

type Props = { params: Promise<{ locale: string; id: string }> }

/**
 * `/preview/articles/<id>`: the newest draft of a story as it will read, for signed-in newsroom
 * users only (the admin's preview button and live preview open it). The user comes from the
 * Payload session cookie; without a valid one the visitor is sent to sign in and nothing of
 * the draft is read. The draft is read as that user, with access control on.
 */
export default async function ArticlePreviewPage({ params }: Props) {
  const { locale, id } = await params
  if (!isSiteLocale(locale)) notFound()
  notePageLocale(locale)
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  if (!user) {
    redirect(`${payload.config.routes.admin}/login?redirect=${encodeURIComponent(buildArticlePreviewPath(id, locale))}`)
  }
  const article = await findDraftForPreview(payload, { id, user, locale })
  if (!article) notFound()
  const text = siteText[locale]
  const stage = isStage(article.workflowStage) ? showInScript(stageLabels[article.workflowStage].zh, locale) : null
  return (
    <>
      <p className="preview-banner" role="status">
        {text.previewBanner}
        {stage && (
          <span>
            {' '}
            · {text.stage}：{stage}
          </span>
        )}
      </p>
      <SiteHeader locale={locale} path={buildArticlePreviewPath(id, null)} />
      <main className="page page--narrow">
        <StoryView article={article} locale={locale} preview />
      </main>
      <RefreshOnSave serverURL={new URL(payload.config.serverURL).origin} />
    </>
  )
}
