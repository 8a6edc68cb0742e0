import { isOpenEnded } from '../../text/chineseText'
import { joinFragmentEnds, joinFragmentRun } from '../normalise/joinFragments'
import type { SourceLine } from './parsedDocument'

/** Lines markdown treats as blocks of their own: headings, lists, quotes, images, links, fences. */
const BLOCK_START = /^(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>|!\[|\[|<|```|---)/

/**
 * Joins markdown's soft line breaks: a line directly under a line that stops
 * mid-sentence continues the same paragraph (markdown wraps long lines this
 * way). Lines after a finished sentence stay apart, so a caption printed
 * right under a paragraph is not swallowed.
 */
export function joinSoftBreaks(lines: SourceLine[]): SourceLine[] {
  const joined: SourceLine[] = []
  // The last line's fragments are joined once its run ends: `end` (its last stretch) is all the checks read.
  let run: string[] = []
  let end = ''
  const closeRun = () => {
    if (run.length > 1) joined[joined.length - 1] = { ...joined.at(-1)!, text: joinFragmentRun(run) }
  }
  for (const line of lines) {
    const previous = joined.at(-1)
    const continues =
      previous !== undefined &&
      line.gapBefore === 0 &&
      !BLOCK_START.test(previous.text) &&
      !BLOCK_START.test(line.text) &&
      isOpenEnded(end)
    if (continues) {
      run.push(line.text)
      end = joinFragmentEnds(end, line.text)
    } else {
      closeRun()
      joined.push(line)
      run = [line.text]
      end = line.text
    }
  }
  closeRun()
  return joined
}
