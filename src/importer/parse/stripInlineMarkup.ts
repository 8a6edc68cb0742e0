const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  middot: '·',
  emsp: ' ',
  ensp: ' ',
}

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (entity: string, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16))
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10))
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity
  })
}

/** A character every piece of markup below starts with: [ < * _ ` or & (an entity). */
const MARKUP_CHARACTER = /[[<*_`&]/

/** Text without inline markdown or HTML: links keep their words, images and tags go, entities are decoded. */
export function stripInlineMarkup(text: string): string {
  if (!MARKUP_CHARACTER.test(text)) return text.replace(/[ \t]+/g, ' ').trim() // most lines: nothing to strip, skip six passes
  const stripped = text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[a-z][^>]*>/giu, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*\w])\*(?!\s)([^*]+?)\*(?!\w)/gu, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
  return decodeHtmlEntities(stripped).replace(/[ \t]+/g, ' ').trim()
}
