import * as OpenCC from 'opencc-js'

/**
 * The two OpenCC conversions the importer uses, built once.
 * - to simplified: from 't' (OpenCC's generic traditional), which accepts
 *   Taiwan, Hong Kong and mainland-portal traditional text alike.
 * - to traditional: to 'tw' (Taiwan standard forms, character level, no phrase
 *   rewriting): OpenCC recommends a regional form over its internal 't' for
 *   display, and 'tw' rather than 'twp' keeps the newsroom's own wording.
 */
const simplify = OpenCC.Converter({ from: 't', to: 'cn' })
const traditionalise = OpenCC.Converter({ from: 'cn', to: 'tw' })

export function toSimplified(text: string): string {
  return simplify(text)
}

export function toTraditional(text: string): string {
  return traditionalise(text)
}
