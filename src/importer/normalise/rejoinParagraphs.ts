import { buildSnippet, isOpenEnded } from '../../text/chineseText'
import type { ParsedItem } from '../parse/parsedDocument'
import type { Warning } from '../validate/schema'
import { joinFragmentEnds, joinFragmentRun } from './joinFragments'

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
  // A cursor, not queue.shift(): shifting a long array moves every element, quadratic over the document.
  let at = 0
  let paragraphCount = 0

  while (at < items.length) {
    const item = items[at++]!
    if (item.kind !== 'paragraph') {
      output.push(item)
      continue
    }
    // The joined text is built once at the end: `end` (its last stretch) is all the checks read.
    const fragments = [item.text]
    let end = item.text
    const captions: ParsedItem[] = []
    while (isOpenEnded(end)) {
      let nextBody = at
      while (items[nextBody]?.kind === 'caption') nextBody++
      const next = items[nextBody]
      if (!next || next.kind !== 'paragraph') {
        warnings.push({
          kind: 'lost-text',
          severity: 'warning',
          message: 'paragraph ends mid-sentence and nothing continues it (text lost at a break?)',
          snippet: buildSnippet(end, end.length, end.length, 16),
          paragraph: paragraphCount,
          line: item.line,
        })
        break
      }
      while (at < nextBody) captions.push(items[at++]!) // no spread: a run can be longer than the call stack allows
      at++ // the continuation, joined below
      warnings.push({
        kind: 'paragraph-rejoined',
        severity: 'info',
        message: captions.length > 0 ? 'rejoined a paragraph cut by a caption' : 'rejoined a paragraph cut by a line break',
        snippet: `${buildSnippet(end, end.length, end.length, 8)}|${buildSnippet(next.text, 0, 0, 8)}`,
        paragraph: paragraphCount,
        line: next.line,
      })
      fragments.push(next.text)
      end = joinFragmentEnds(end, next.text)
    }
    output.push({ ...item, text: fragments.length === 1 ? item.text : joinFragmentRun(fragments) })
    for (const caption of captions) output.push(caption)
    paragraphCount++
  }
  return { items: output, warnings }
}
