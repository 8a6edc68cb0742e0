import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'

/**
 * Expands the given files and folders (recursively) into a sorted list of files; hidden
 * entries are skipped. Each file and folder is taken once, by its real path: a file reached
 * again through a symbolic link (or named twice) is listed only where it is first met, and a
 * link back up the tree (`self -> .`) is not followed round the loop.
 */
export async function collectSourceFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = []
  const seen = new Set<string>()
  const visit = async (entry: string): Promise<void> => {
    const real = await realpath(entry).catch(() => null)
    const info = real === null ? null : await stat(real).catch(() => null)
    if (real === null || info === null) {
      files.push(entry) // reported as unreadable by the import itself, with the file's name
      return
    }
    if (seen.has(real)) return
    seen.add(real)
    if (!info.isDirectory()) {
      files.push(entry)
      return
    }
    const children = (await readdir(entry)).filter((name) => !name.startsWith('.')).sort()
    for (const name of children) await visit(path.join(entry, name))
  }
  for (const entry of paths) await visit(entry)
  return files
}
