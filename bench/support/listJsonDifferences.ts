/**
 * The paths at which two parsed JSON values differ (object key order ignored), e.g.
 * `docs[0].captions.docs[0].image: missing on the right`. Empty when they are equal.
 * bench/api.ts uses it to check that the bare handler answers what the API answers.
 */
export function listJsonDifferences(left: unknown, right: unknown, path = '', out: string[] = [], max = 20): string[] {
  if (out.length >= max) return out
  if (Object.is(left, right)) return out
  const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value)
  if (kind(left) !== kind(right)) {
    out.push(`${path || '(root)'}: ${kind(left)} ${preview(left)} ≠ ${kind(right)} ${preview(right)}`)
    return out
  }
  if (Array.isArray(left)) {
    const other = right as unknown[]
    if (left.length !== other.length) out.push(`${path}: ${left.length} items ≠ ${other.length} items`)
    for (let index = 0; index < Math.min(left.length, other.length); index++) listJsonDifferences(left[index], other[index], `${path}[${index}]`, out, max)
    return out
  }
  if (kind(left) === 'object') {
    const a = left as Record<string, unknown>
    const b = right as Record<string, unknown>
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const at = path ? `${path}.${key}` : key
      if (!(key in b)) out.push(`${at}: missing on the right`)
      else if (!(key in a)) out.push(`${at}: missing on the left`)
      else listJsonDifferences(a[key], b[key], at, out, max)
      if (out.length >= max) break
    }
    return out
  }
  out.push(`${path || '(root)'}: ${preview(left)} ≠ ${preview(right)}`)
  return out
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
