import { readFile } from 'node:fs/promises'

/** The importer's only file-system edge: the raw bytes of one source document. */
export async function readSourceFile(path: string): Promise<Uint8Array> {
  const buffer = await readFile(path)
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}
