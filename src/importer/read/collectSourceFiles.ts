import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'

/** Expands the given files and folders (recursively) into a sorted list of files; hidden entries are skipped. */
export async function collectSourceFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = []
  for (const entry of paths) {
    const info = await stat(entry).catch(() => null)
    if (!info) {
      files.push(entry) // reported as unreadable by the import itself, with the file's name
    } else if (info.isDirectory()) {
      const children = (await readdir(entry)).filter((name) => !name.startsWith('.')).sort()
      files.push(...(await collectSourceFiles(children.map((name) => path.join(entry, name)))))
    } else {
      files.push(entry)
    }
  }
  return files
}
