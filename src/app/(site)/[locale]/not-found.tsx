import { SiteHeader } from '../../../components/site/SiteHeader'
import { siteText } from '../../../site/siteText'

/** An unknown, unpublished or withdrawn story. (A not-found page gets no params, so it speaks both scripts.) */
export default function NotFound() {
  return (
    <>
      <SiteHeader locale="zh-Hans" path="/" />
      <main className="page page--narrow not-found">
        <h1>{siteText['zh-Hans'].notFoundTitle}</h1>
        <p>{siteText['zh-Hans'].notFoundText}</p>
        <p lang="zh-Hant">
          {siteText['zh-Hant'].notFoundTitle}。{siteText['zh-Hant'].notFoundText}
        </p>
        <p>
          <a href="/">{siteText['zh-Hans'].home}</a>
        </p>
      </main>
    </>
  )
}
