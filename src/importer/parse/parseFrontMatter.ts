/** The YAML front matter of a Jekyll post, read as the small subset posts use: scalars, [inline, lists] and - block lists. */

export type FrontMatterValue = string | string[]

export interface FrontMatter {
  fields: Record<string, FrontMatterValue>
  /** Index in the text where the body starts, and the 1-based line it starts on. */
  bodyStart: number
  bodyLine: number
}

const FENCE = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/

function unquote(value: string): string {
  const trimmed = value.trim()
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/\\(["\\])/g, '$1')
  }
  if (trimmed.length >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")) {
    return trimmed.slice(1, -1).replace(/''/g, "'")
  }
  return trimmed.replace(/\s+#.*$/, '') // a trailing comment
}

function parseValue(raw: string): FrontMatterValue {
  const trimmed = raw.trim()
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    return trimmed
      .slice(1, -1)
      .split(',')
      .map(unquote)
      .filter(Boolean)
  }
  return unquote(trimmed)
}

/** The front matter, or null when the text does not open with a --- fenced block of key: value lines. */
export function parseFrontMatter(text: string): FrontMatter | null {
  const fence = FENCE.exec(text)
  if (!fence) return null
  const fields: Record<string, FrontMatterValue> = {}
  let listKey: string | null = null
  for (const line of fence[1]!.split('\n')) {
    const item = /^\s+-\s+(.*)$|^-\s+(.*)$/.exec(line)
    if (item && listKey) {
      const list = fields[listKey]
      fields[listKey] = [...(Array.isArray(list) ? list : []), unquote(item[1] ?? item[2] ?? '')]
      continue
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line)
    if (!pair) continue
    const [, key, value = ''] = pair
    listKey = value.trim() === '' ? key! : null
    fields[key!] = value.trim() === '' ? [] : parseValue(value)
  }
  if (Object.keys(fields).length === 0) return null
  return { fields, bodyStart: fence[0].length, bodyLine: fence[0].split('\n').length - (fence[0].endsWith('\n') ? 1 : 0) + 1 }
}

/** A field as a list: Jekyll reads a plain string of categories or tags as space-separated words. */
export function getFrontMatterList(fields: Record<string, FrontMatterValue>, ...keys: string[]): string[] {
  for (const key of keys) {
    const value = fields[key]
    if (value === undefined) continue
    return (Array.isArray(value) ? value : value.split(/\s+/)).map((item) => item.trim()).filter(Boolean)
  }
  return []
}

export function getFrontMatterText(fields: Record<string, FrontMatterValue>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = fields[key]
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
  }
  return null
}
