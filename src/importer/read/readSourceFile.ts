import { close, fstat, open, read } from 'node:fs'
import { promisify } from 'node:util'

import { createImportError } from '../importError'

// The callback forms: fs/promises spends about twice the CPU on a small file (a FileHandle and several round trips).
const openAsync = promisify(open)
const fstatAsync = promisify(fstat)
const readAsync = promisify(read)
const closeAsync = promisify(close)

/** The largest source document imported unless configured (IMPORT_MAX_BYTES, `--max-bytes`): a news story is a few KB. */
export const DEFAULT_IMPORT_MAX_BYTES = 2 * 1024 * 1024

/**
 * The importer's only file-system edge: the raw bytes of one source document. A file
 * over `maxBytes` is refused with an ImportError naming it, from its size, before any
 * of it is read; a file that does not know its size (a pipe, a device) is read only
 * until it passes the limit.
 */
export async function readSourceFile(path: string, maxBytes: number = DEFAULT_IMPORT_MAX_BYTES): Promise<Uint8Array> {
  const tooLarge = (size: string) =>
    createImportError('file-too-large', path, `${size} bytes, over the limit of ${maxBytes} (IMPORT_MAX_BYTES or --max-bytes)`)
  const fd = await openAsync(path, 'r')
  try {
    const { size } = await fstatAsync(fd)
    if (size > maxBytes) throw tooLarge(String(size))
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      // A regular file arrives in the first read; the next one finds its end.
      const chunk = Buffer.allocUnsafe(Math.min(size > 0 ? size + 1 : 64 * 1024, maxBytes + 1 - total))
      const { bytesRead } = await readAsync(fd, chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
      if (total > maxBytes) throw tooLarge(`more than ${maxBytes}`)
    }
    const buffer = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  } finally {
    await closeAsync(fd)
  }
}
