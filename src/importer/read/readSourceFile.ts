import { readFile } from 'node:fs'
import { promisify } from 'node:util'

// The callback form: fs/promises' readFile spends about twice the CPU on a small file (a FileHandle and several round trips).
const readFileAsync = promisify(readFile)

/** The importer's only file-system edge: the raw bytes of one source document. */
export async function readSourceFile(path: string): Promise<Uint8Array> {
  const buffer = await readFileAsync(path)
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}
