import { randomBytes } from 'node:crypto'
import { pinyin } from 'pinyin-pro'

const MAX_SLUG_LENGTH = 80

/**
 * A readable URL slug from a Chinese (or mixed) title: toneless pinyin joined by
 * hyphens, e.g. 安源区：释放领跑工业经济“核动能” → anyuan-qu-shi-fang-... .
 * Returns null when nothing readable is left (a title of symbols only).
 */
export function buildSlugFromTitle(title: string): string | null {
  const syllables = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
  const words = syllables
    .join(' ')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > MAX_SLUG_LENGTH) break
    slug = next
  }
  return slug || null
}

/** A short random slug for titles with nothing readable in them. */
export function buildShortIdSlug(): string {
  return `a-${randomBytes(5).toString('hex')}`
}

/** The candidates tried in order when a slug is taken: base, base-2, base-3, ... */
export function buildSlugCandidate(base: string, attempt: number): string {
  return attempt <= 1 ? base : `${base}-${attempt}`
}

const SHORT_ID_SLUG = /^a-[0-9a-f]{10}$/

/**
 * Whether a slug is the one a title gives (its pinyin, or that with a -N suffix when it was
 * taken; for a title with nothing readable, a short random slug) rather than one typed by hand.
 */
export function isSlugOfTitle(slug: string, title: string | undefined): boolean {
  const base = title ? buildSlugFromTitle(title) : null
  if (!base) return SHORT_ID_SLUG.test(slug)
  return slug === base || new RegExp(`^${base}-\\d+$`).test(slug) || slug.startsWith(`${base}-a-`)
}
