import { toSimplified, toTraditional } from '../../text/chineseConverters'
import type { ImportedArticle, Script } from '../validate/schema'

/**
 * The article with its text fields in the other script (OpenCC: 't'→'cn' to
 * simplify, 'cn'→'tw' to make traditional; see chineseConverters). Names the
 * store matches on (districts, format, encoding) and URLs stay as they are;
 * warning snippets stay too, since they quote the source.
 */
export function convertScript(article: ImportedArticle, to: Script): ImportedArticle {
  if (article.script === to) return article
  const convert = to === 'zh-Hans' ? toSimplified : toTraditional
  const maybe = (text: string | null) => (text === null ? null : convert(text))
  return {
    ...article,
    script: to,
    title: maybe(article.title),
    subtitle: maybe(article.subtitle),
    summary: maybe(article.summary),
    source: maybe(article.source),
    authors: article.authors.map(convert),
    photographers: article.photographers.map(convert),
    defaultCredit: maybe(article.defaultCredit),
    tags: article.tags.map(convert),
    sectionHeadings: article.sectionHeadings.map(convert),
    captions: article.captions.map((caption) => ({ ...caption, text: convert(caption.text), credit: maybe(caption.credit) })),
    paragraphs: article.paragraphs.map(convert),
    blocks: article.blocks.map((block) => ({ ...block, text: convert(block.text) })),
  }
}
