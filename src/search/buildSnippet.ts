import { foldText } from './foldText'

/** Characters of context kept before the first match, and the snippet's length. */
const SNIPPET_LEAD = 20
const SNIPPET_LENGTH = 90
const FIRST_PREFIX = 400
/** Longer than any phrase the converter rewrites as one. */
const PREFIX_MARGIN = 32

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)

/**
 * A short passage of the text around the first place any of the (folded) words occurs,
 * HTML-escaped, with `<mark>` around every occurrence in it. Matching is on the folded text
 * (script, width, case), so a simplified query marks traditional text, shown as written.
 */
export function buildSnippet(text: string, words: string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const shown = flat
  const needles = [...new Set(words.filter(Boolean))].sort((a, b) => b.length - a.length)
  // Folding is the costly part (a whole story per hit) and the first match is usually near the
  // top: a growing prefix is folded until it holds the match and the snippet after it. A phrase
  // rewrite may differ at a prefix's cut, so the last PREFIX_MARGIN characters are not trusted.
  let folded = ''
  let first = Number.POSITIVE_INFINITY
  for (let size = FIRST_PREFIX; ; size *= 4) {
    const whole = size >= flat.length
    folded = foldAligned(whole ? flat : flat.slice(0, size))
    const trusted = whole ? folded.length : folded.length - PREFIX_MARGIN
    first = Math.min(...needles.map((needle) => folded.indexOf(needle)).filter((at) => at >= 0))
    if (whole || (Number.isFinite(first) && Math.max(0, first - SNIPPET_LEAD) + SNIPPET_LENGTH <= trusted)) break
  }
  const start = Number.isFinite(first) ? Math.max(0, first - SNIPPET_LEAD) : 0
  const end = Math.min(shown.length, start + SNIPPET_LENGTH)
  let html = start > 0 ? '…' : ''
  let copied = start
  for (let at = start; at < end; ) {
    const needle = needles.find((candidate) => folded.startsWith(candidate, at))
    if (!needle) {
      at++
      continue
    }
    const to = Math.min(end, at + needle.length)
    html += `${escapeHtml(shown.slice(copied, at))}<mark>${escapeHtml(shown.slice(at, to))}</mark>`
    copied = to
    at = to
  }
  html += escapeHtml(shown.slice(copied, end))
  if (end < shown.length) html += '…'
  return html
}

/**
 * The folded text with offsets of the shown one: where a phrase rewrite changed the length, folded
 * character by character instead (a character that folds to more stays as it is).
 */
function foldAligned(flat: string): string {
  const whole = foldText(flat)
  if (whole.length === flat.length) return whole
  return Array.from(flat, (character) => {
    const one = foldText(character)
    return one.length === character.length ? one : character
  }).join('')
}
