import { createHash } from 'node:crypto'

/** SHA-256 of the source bytes, hex: lets the store step recognise a file it has imported before. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
