import type { Metadata } from 'next'

import config from '@payload-config'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'

import { SiteHeader } from '../../../../components/site/SiteHeader'
import { searchArticles } from '../../../../search/searchArticles'
import { parseSearchQuery } from '../../../../search/searchEndpoint'
import { formatBeijingTime } from '../../../../site/formatBeijingTime'
import { buildLocalePath, isSiteLocale } from '../../../../site/siteLocales'
import { notePageLocale } from '../../../../site/pageLocale'
import { siteText } from '../../../../site/siteText'

// Read from the database on every request (and never at `next build`, which runs without one).
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params
  if (!isSiteLocale(locale)) return {}
  const q = first((await searchParams).q)?.trim()
  return { title: { absolute: `${q ? `${q} · ` : ''}${siteText[locale].searchTitle} · ${siteText[locale].siteName}` }, robots: { index: false } }
}

/**
 * `/search?q=…&page=…`: published stories matching the words, best first, with the matched words
 * marked, in the page's script. The same search as GET /api/search, for an anonymous reader.
 */
export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isSiteLocale(locale)) notFound()
  notePageLocale(locale)
  const text = siteText[locale]
  const query = await searchParams
  const q = first(query.q)?.trim() ?? ''
  const parsed = q ? parseSearchQuery({ q, page: first(query.page), locale }) : undefined
  const answer = parsed && 'value' in parsed ? await searchArticles(await getPayload({ config }), parsed.value, 'public') : undefined
  const pagePath = (page: number) => buildLocalePath(`/search?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ''}`, locale)
  return (
    <>
      <SiteHeader locale={locale} path={q ? `/search?q=${encodeURIComponent(q)}` : '/search'} query={q} />
      <main className="page page--narrow search-results">
        <h1 className="search-results__title">{text.searchTitle}</h1>
        {!q && <p className="empty">{text.searchPrompt}</p>}
        {parsed && 'error' in parsed && <p className="empty">{parsed.error}</p>}
        {answer && answer.totalDocs === 0 && <p className="empty">{text.searchNone}</p>}
        {answer && answer.totalDocs > 0 && (
          <>
            <p className="search-results__count">{text.searchCount.replace('{n}', `${answer.totalDocs}${answer.totalDocsCapped ? '+' : ''}`)}</p>
            <ol className="story-list search-results__list">
              {answer.docs.map((doc) => (
                <li key={doc.id} className="story-card">
                  <a className="story-card__title" href={buildLocalePath(`/news/${doc.slug}`, locale)}>
                    {doc.title}
                  </a>
                  {/* Escaped text with <mark> around the matched words (buildSnippet): no other markup can get in. */}
                  <p className="search-results__snippet" dangerouslySetInnerHTML={{ __html: doc.snippet }} />
                  {doc.publishedAt && (
                    <time className="story-card__time" dateTime={doc.publishedAt}>
                      {formatBeijingTime(doc.publishedAt, locale)}
                    </time>
                  )}
                </li>
              ))}
            </ol>
            {answer.totalPages > 1 && (
              <nav className="search-results__pages">
                {answer.page > 1 && <a href={pagePath(answer.page - 1)}>{text.previousPage}</a>}
                <span>
                  {answer.page} / {answer.totalPages}
                </span>
                {answer.page < answer.totalPages && <a href={pagePath(answer.page + 1)}>{text.nextPage}</a>}
              </nav>
            )}
          </>
        )}
      </main>
    </>
  )
}
