/** Joins two halves of a cut paragraph: no space between Chinese text, one space between Latin words. */
export function joinFragments(head: string, tail: string): string {
  const left = head.trimEnd()
  const right = tail.trimStart()
  const needsSpace = /[A-Za-z0-9]$/.test(left) && /^[A-Za-z]/.test(right)
  return needsSpace ? `${left} ${right}` : `${left}${right}`
}
