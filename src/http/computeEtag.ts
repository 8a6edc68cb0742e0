import { createHash } from 'node:crypto'

/** A strong entity tag: a hash of the exact bytes sent. */
export function computeEtag(body: Uint8Array | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`
}

/** Whether an If-None-Match header matches the tag (weak comparison, as RFC 9110 asks for If-None-Match). */
export function isEtagMatch(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false
  const strip = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((candidate) => candidate.trim() === '*' || strip(candidate) === strip(etag))
}
