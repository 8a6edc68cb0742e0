import { readSourceFile } from './readSourceFile'

/** One file's bytes, or why they could not be read. */
export type SourceRead = { file: string; bytes: Uint8Array; error: null } | { file: string; bytes: null; error: unknown }

/**
 * The files' bytes, in the order given, reading up to `concurrency` files ahead:
 * the disk works while the caller parses, and at most that many files wait in
 * memory however long the list is. A file that cannot be read is yielded with
 * its error in its place; the others go on.
 */
export async function* readSourceFiles(
  files: readonly string[],
  concurrency = 8,
  read: (file: string) => Promise<Uint8Array> = readSourceFile,
): AsyncGenerator<SourceRead> {
  // Each read settles to a value, so a failure waiting in the queue is never an unhandled rejection.
  const start = (file: string): Promise<SourceRead> =>
    read(file).then(
      (bytes) => ({ file, bytes, error: null }),
      (error: unknown) => ({ file, bytes: null, error }),
    )
  const pending: Promise<SourceRead>[] = []
  let next = 0
  const fill = () => {
    while (next < files.length && pending.length < Math.max(1, concurrency)) pending.push(start(files[next++]!))
  }
  fill()
  while (pending.length > 0) {
    const result = await pending.shift()!
    fill()
    yield result
  }
}
