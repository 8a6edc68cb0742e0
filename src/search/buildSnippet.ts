import { foldText } from './foldText'

/** Characters of context kept before the first match, and the snippet's length. */
const SNIPPET_LEAD = 20
const SNIPPET_LENGTH = 90

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)

/**
 * A short passage of the text around the first place any of the (folded) words occurs,
 * HTML-escaped, with `<mark>` around every occurrence in it. Matching is on the folded text
 * (script, width, case), so a simplified query marks traditional text, shown as written.
 */
export function buildSnippet(text: string, words: string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const whole = foldText(flat)
  // Offsets in the folded text must be offsets in the shown one: where a phrase rewrite changed
  // the length, fold character by character instead (a character that folds to more stays as it is).
  const folded =
    whole.length === flat.length
      ? whole
      : Array.from(flat, (character) => {
          const one = foldText(character)
          return one.length === character.length ? one : character
        }).join('')
  const shown = flat
  const needles = [...new Set(words.filter(Boolean))].sort((a, b) => b.length - a.length)
  const first = Math.min(...needles.map((needle) => folded.indexOf(needle)).filter((at) => at >= 0))
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
