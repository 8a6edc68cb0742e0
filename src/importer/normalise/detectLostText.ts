import { buildSnippet } from '../../text/chineseText'
import type { Warning } from '../validate/schema'
import { isMidSentenceStart } from './isMidSentenceStart'

/** Warns about each paragraph that starts mid-sentence: its beginning was lost at a page or column break. */
export function detectLostText(paragraphs: string[]): Warning[] {
  return paragraphs.flatMap((paragraph, index): Warning[] =>
    isMidSentenceStart(paragraph)
      ? [
          {
            kind: 'lost-text',
            severity: 'warning',
            message: 'paragraph starts mid-sentence (its beginning was lost at a break?)',
            snippet: buildSnippet(paragraph, 0, 0, 16),
            paragraph: index,
          },
        ]
      : [],
  )
}
