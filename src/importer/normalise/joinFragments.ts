/** Joins two halves of a cut paragraph: no space between Chinese text, one space between Latin words. */
export function joinFragments(head: string, tail: string): string {
  const left = head.trimEnd()
  const right = tail.trimStart()
  const needsSpace = /[A-Za-z0-9]$/.test(left) && /^[A-Za-z]/.test(right)
  return needsSpace ? `${left} ${right}` : `${left}${right}`
}

/**
 * The same text as folding joinFragments over the fragments, in linear time: the fold
 * re-copied the growing text at every join (trimEnd and the regex flatten it), so a
 * paragraph cut into thousands of lines took minutes.
 */
export function joinFragmentRun(fragments: readonly string[]): string {
  const pieces: string[] = []
  let lastChar = ''
  fragments.forEach((fragment, index) => {
    let piece = index > 0 ? fragment.trimStart() : fragment
    if (index < fragments.length - 1) piece = piece.trimEnd()
    if (index > 0 && /[A-Za-z0-9]/.test(lastChar) && /^[A-Za-z]/.test(piece)) pieces.push(' ')
    pieces.push(piece)
    if (piece) lastChar = piece.at(-1)!
  })
  return pieces.join('')
}

/** Enough of a joined text's end to tell how it ends (isOpenEnded reads only its last few characters). */
const END_WINDOW = 256

/** The end of joinFragments(head, tail), from the end of head only: constant work however long head is. */
export function joinFragmentEnds(headEnd: string, tail: string): string {
  return joinFragments(headEnd.length > END_WINDOW ? headEnd.slice(-END_WINDOW) : headEnd, tail)
}
