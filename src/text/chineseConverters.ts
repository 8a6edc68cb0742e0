import { configs } from 'opencc-js/preset'

import { buildOpenccConverter, type OpenccConfig } from './phraseTrie'

/**
 * The two OpenCC conversions the importer uses, built once from OpenCC's own
 * preset dictionaries (see phraseTrie for why not opencc-js's Converter: same
 * results, a fraction of the time).
 * - to simplified: OpenCC's t2s, i.e. Converter({ from: 't', to: 'cn' }): from
 *   OpenCC's generic traditional, which accepts Taiwan, Hong Kong and
 *   mainland-portal traditional text alike.
 * - to traditional: OpenCC's s2tw, i.e. Converter({ from: 'cn', to: 'tw' }):
 *   Taiwan standard forms, character level, no phrase rewriting. OpenCC
 *   recommends a regional form over its internal 't' for display, and 'tw'
 *   rather than 'twp' keeps the newsroom's own wording.
 */
function presetConfig(name: string): OpenccConfig {
  const config = (configs as Record<string, OpenccConfig | undefined>)[name]
  if (!config) throw new Error(`OpenCC has no preset configuration ${name}`)
  return config
}

const simplify = buildOpenccConverter(presetConfig('t2s'))
const traditionalise = buildOpenccConverter(presetConfig('s2tw'))

export function toSimplified(text: string): string {
  return simplify(text)
}

export function toTraditional(text: string): string {
  return traditionalise(text)
}
