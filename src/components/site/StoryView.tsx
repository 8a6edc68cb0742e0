import type { JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'

import { RichText } from '@payloadcms/richtext-lexical/react'

import type { Article, Caption, District, Photo } from '../../payload-types'
import type { SiteLocale } from '../../site/siteLocales'

import { getCaptionIdsInBody } from '../../photos/captionBlocks'
import { formatCredit } from '../../photos/formatCredit'
import { formatBeijingTime } from '../../site/formatBeijingTime'
import { orderCaptions } from '../../site/orderCaptions'
import { toPhotoImage } from '../../photos/photoImage'
import { buildLocalePath } from '../../site/siteLocales'
import { showInScript, siteText } from '../../site/siteText'
import { getStoryTimes, type Publications } from '../../site/storyTime'
import { correctionKindLabels } from '../../syndication/correctionsField'
import { StoryPicture } from './StoryPicture'

const COLUMN_SIZES = '(max-width: 760px) 100vw, 720px'

/** One captioned photo: the picture (or, in a preview, the 待配图 placeholder) with its caption and credit line. */
function CaptionFigure({ caption, awaitingPhoto }: { caption: Caption; awaitingPhoto: string }) {
  return (
    <figure className="story__photo" data-caption-id={caption.id}>
      {caption.image ? (
        <StoryPicture image={caption.image} alt={caption.image.alt ?? caption.text} sizes={COLUMN_SIZES} />
      ) : (
        <div className="photo photo--awaiting">{awaitingPhoto}</div>
      )}
      <figcaption>
        <span className="caption">{caption.text}</span>
        {caption.creditLine && <span className="credit">{caption.creditLine}</span>}
      </figcaption>
    </figure>
  )
}

/**
 * Payload's JSX converters plus the body's photo blocks, rendered in place. A block whose caption
 * the reader may not read (it arrives unpopulated) or that has no photo yet outside a preview is
 * left out.
 */
function bodyConverters(preview: boolean, awaitingPhoto: string): JSXConvertersFunction {
  return ({ defaultConverters }) => ({
    ...defaultConverters,
    blocks: {
      captionedPhoto: ({ node }: { node: { fields: { caption?: unknown } } }) => {
        const caption = node.fields.caption
        if (typeof caption !== 'object' || caption === null) return null
        if (!(caption as Caption).image && !preview) return null
        return <CaptionFigure caption={caption as Caption} awaitingPhoto={awaitingPhoto} />
      },
    },
  })
}

const populated = <T extends { id: string }>(values: (string | T)[] | null | undefined): T[] =>
  (values ?? []).filter((value): value is T => typeof value === 'object' && value !== null)

/**
 * One story as readers see it: headline, deck, districts, time (Beijing), byline, hero photo,
 * the Lexical body (Payload's JSX converter) with its photos in place (the `captionedPhoto`
 * blocks), then the captions the body does not place (stories stored before photo blocks), in
 * caption order, with their credit lines. `preview` also shows captions still waiting for their photo (待配图).
 * Localized fields arrive in the page's script from Payload. Of the fields stored once, district
 * names, the source and the default credit are shown in the page's script (showInScript);
 * people's names never are: character conversion would misspell them (郁 → 鬱).
 */
export function StoryView({
  article,
  locale,
  publications,
  preview = false,
}: {
  article: Article
  locale: SiteLocale
  /** From the audit trail (src/site/readerQueries.ts): when it first and last went live. */
  publications?: Publications | null
  preview?: boolean
}) {
  const text = siteText[locale]
  const districts = populated<District>(article.districts)
  const time = getStoryTimes(article, publications)
  const hero = typeof article.heroPhoto === 'object' && article.heroPhoto !== null ? (article.heroPhoto as Photo) : null
  const placed = new Set(getCaptionIdsInBody(article.body))
  const captions = orderCaptions(populated<Caption>(article.captions?.docs)).filter(
    (caption) => !placed.has(String(caption.id)) && (preview || caption.image),
  )
  return (
    <article className="story">
      <header className="story__header">
        {districts.length > 0 && (
          <p className="story__districts">
            {districts.map((district) => (
              <a key={district.id} href={buildLocalePath(`/#${district.slug}`, locale)}>
                {showInScript(district.name, locale)}
              </a>
            ))}
          </p>
        )}
        <h1 className="story__title">{article.title}</h1>
        {article.subtitle && <p className="story__deck">{article.subtitle}</p>}
        <p className="story__meta">
          <span className="story__published">
            {text.published} <time dateTime={time.published}>{formatBeijingTime(time.published, locale)}</time>
          </span>
          {time.updated && (
            <span className="story__updated">
              {text.updated} <time dateTime={time.updated}>{formatBeijingTime(time.updated, locale)}</time>
            </span>
          )}
          {article.authors && article.authors.length > 0 && (
            <span>
              {text.authors}：{article.authors.join(' ')}
            </span>
          )}
          {article.source && (
            <span>
              {text.source}：
              {article.sourceUrl ? (
                <a href={article.sourceUrl} rel="noopener noreferrer">
                  {showInScript(article.source, locale)}
                </a>
              ) : (
                showInScript(article.source, locale)
              )}
            </span>
          )}
        </p>
      </header>

      {article.corrections && article.corrections.length > 0 && (
        <aside className="story__notes" aria-label={text.notes}>
          {article.corrections.map((note) => (
            <p key={note.id ?? note.at} className={`story__note story__note--${note.kind}`}>
              <strong>{showInScript(correctionKindLabels[note.kind].zh, locale)}</strong> <time dateTime={note.at}>{formatBeijingTime(note.at, locale)}</time>：
              {showInScript(note.note, locale)}
            </p>
          ))}
        </aside>
      )}

      {hero && (
        <figure className="story__hero">
          <StoryPicture image={toPhotoImage(hero)} alt={hero.alt} sizes={COLUMN_SIZES} crop eager />
          {hero.photographer && (
            <figcaption>
              <span className="credit">{formatCredit({ photographer: hero.photographer, locale })}</span>
            </figcaption>
          )}
        </figure>
      )}

      <RichText
        className="story__body"
        data={article.body as Parameters<typeof RichText>[0]['data']}
        converters={bodyConverters(preview, text.awaitingPhoto)}
      />

      {captions.length > 0 && (
        <section className="story__photos" aria-label={text.photos}>
          {captions.map((caption) => (
            <CaptionFigure key={caption.id} caption={caption} awaitingPhoto={text.awaitingPhoto} />
          ))}
          {article.defaultCredit && <p className="story__default-credit">{showInScript(article.defaultCredit, locale)}</p>}
        </section>
      )}
      {captions.length === 0 && placed.size > 0 && article.defaultCredit && (
        <p className="story__default-credit">{showInScript(article.defaultCredit, locale)}</p>
      )}
    </article>
  )
}
