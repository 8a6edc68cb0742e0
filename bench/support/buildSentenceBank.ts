import fs from 'node:fs'
import path from 'node:path'

import * as OpenCC from 'opencc-js'

const PINYIN_ANNOTATION = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/gu
const SENTENCE = /[^。！？]*[。！？]”?/gu
const HAN = /\p{Script=Han}/gu

/**
 * Simplified-Chinese prose sentences taken from the newsroom's own documents
 * (seeds/): pinyin annotations, markup and garbled sentences left out,
 * traditional text simplified, half-width commas made full-width. The
 * generator reassembles them into new articles.
 */
export function buildSentenceBank(seedsDir: string): string[] {
  const simplify = OpenCC.Converter({ from: 't', to: 'cn' })
  const sentences = new Set<string>()
  for (const name of fs.readdirSync(seedsDir).sort()) {
    const text = fs
      .readFileSync(path.join(seedsDir, name), 'utf8')
      .replace(PINYIN_ANNOTATION, '')
      .replace(/<[^>]+>/g, '\n')
    for (const rawLine of text.split('\n')) {
      const line = rawLine.trim()
      if (!line || /^(#|---|\[|<|摘要)/u.test(line) || /https?:|\|/u.test(line)) continue
      for (const match of line.matchAll(SENTENCE)) {
        const sentence = simplify(match[0].trim()).replace(/,(?=[\p{Script=Han}“])/gu, '，')
        const han = sentence.match(HAN)?.length ?? 0
        if (han < 12 || sentence.length > 160 || /[?？�]|\.{3}|……/u.test(sentence) || /^[，、；：]/u.test(sentence)) continue
        sentences.add(sentence)
      }
    }
  }
  if (sentences.size < 50) throw new Error(`only ${sentences.size} usable sentences in ${seedsDir}`)
  return [...sentences]
}
