/** Text or attribute value made safe for XML 1.0: markup escaped, characters XML forbids dropped. */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

type Attributes = Record<string, string | number | null | undefined>

function renderAttributes(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('')
}

/**
 * One element: `children` are already-rendered elements, a string is escaped text, and an element
 * whose text is null or empty is left out altogether (feeds must not carry empty required-looking tags).
 */
export function element(name: string, attributes: Attributes, content?: string | null | string[]): string {
  if (Array.isArray(content)) return `<${name}${renderAttributes(attributes)}>${content.join('')}</${name}>`
  if (content === undefined) return `<${name}${renderAttributes(attributes)}/>`
  if (content === null || content === '') return ''
  return `<${name}${renderAttributes(attributes)}>${escapeXml(content)}</${name}>`
}

/** A text-only element, or nothing when there is no text. */
export const textElement = (name: string, text: string | null | undefined, attributes: Attributes = {}) => element(name, attributes, text ?? null)

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
