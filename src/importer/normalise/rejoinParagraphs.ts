import { buildSnippet, isOpenEnded } from '../../text/chineseText'
import type { ParsedItem } from '../parse/parsedDocument'
import type { Warning } from '../validate/schema'
import { joinFragments } from './joinFragments'

/**
 * Rejoins paragraphs cut by line, column or page breaks: a paragraph that ends
 * mid-sentence is continued by the next paragraph, even when captions were
 * printed in between (the captions then follow the joined paragraph). A
 * paragraph that ends mid-sentence with a heading or nothing after it cannot
 * be rejoined and is reported as lost text.
 */
export function rejoinParagraphs(items: ParsedItem[]): { items: ParsedItem[]; warnings: Warning[] } {
  const output: ParsedItem[] = []
  const warnings: Warning[] = []
  const queue = [...items]
  let paragraphCount = 0

  while (queue.length > 0) {
    const item = queue.shift()!
    if (item.kind !== 'paragraph') {
      output.push(item)
      continue
    }
    let text = item.text
    const captions: ParsedItem[] = []
    while (isOpenEnded(text)) {
      const nextBody = queue.findIndex((next) => next.kind !== 'caption')
      const next = queue[nextBody]
      if (!next || next.kind !== 'paragraph') {
        warnings.push({
          kind: 'lost-text',
          severity: 'warning',
          message: 'paragraph ends mid-sentence and nothing continues it (text lost at a break?)',
          snippet: buildSnippet(text, text.length, text.length, 16),
          paragraph: paragraphCount,
          line: item.line,
        })
        break
      }
      captions.push(...queue.splice(0, nextBody))
      queue.shift()
      warnings.push({
        kind: 'paragraph-rejoined',
        severity: 'info',
        message: captions.length > 0 ? 'rejoined a paragraph cut by a caption' : 'rejoined a paragraph cut by a line break',
        snippet: `${buildSnippet(text, text.length, text.length, 8)}|${buildSnippet(next.text, 0, 0, 8)}`,
        paragraph: paragraphCount,
        line: next.line,
      })
      text = joinFragments(text, next.text)
    }
    output.push({ ...item, text }, ...captions)
    paragraphCount++
  }
  return { items: output, warnings }
}
