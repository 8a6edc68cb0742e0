import { createRequire } from 'node:module'

import type { Jieba as JiebaInstance } from '@node-rs/jieba'

import { referenceDistricts } from '../reference/districts'

/**
 * Words jieba's stock dictionary lacks or splits, that the newsroom searches for: the districts'
 * short names (安源区 → 安源) and local places. Frequency high enough to win over a split.
 * Tuned here only (one table), never per document.
 */
const NEWSROOM_WORDS: readonly string[] = [
  ...referenceDistricts.flatMap((district) => [district.name, district.name.replace(/[市区县]$/, '')]),
  '上栗烟花',
  '安源路矿',
  '武功山',
  '杨岐山',
  '湘赣边',
  '萍实',
]

// A native addon: loaded with require so that bundlers (Next.js) leave it to Node (see next.config.ts).
const require = createRequire(import.meta.url)
let jieba: JiebaInstance | undefined
let dictionaryWords: Set<string> | undefined

function getJieba(): JiebaInstance {
  if (!jieba) {
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba')
    const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict')
    jieba = Jieba.withDict(dict)
    jieba.loadDict(Buffer.from(NEWSROOM_WORDS.map((word) => `${word} 100000 ns`).join('\n')))
  }
  return jieba
}

/** Whether jieba's dictionary (with the newsroom's words) has this word: what its search mode asks of a sub-word. */
export function isDictionaryWord(word: string): boolean {
  if (!dictionaryWords) {
    const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict')
    dictionaryWords = new Set(NEWSROOM_WORDS)
    for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
      const word = line.slice(0, line.indexOf(' '))
      if (word) dictionaryWords.add(word)
    }
  }
  return dictionaryWords.has(word)
}

/** jieba's precise mode (with HMM for words not in the dictionary): one segmentation covering the text. */
export function cutJieba(text: string): string[] {
  return getJieba().cut(text, true)
}

/** jieba's precise mode with its dictionary only: a word it does not know comes out in pieces. */
export function cutJiebaDictionaryOnly(text: string): string[] {
  return getJieba().cut(text, false)
}

/** jieba's search mode: the precise words plus the dictionary words inside the longer ones (萍乡市 → 萍乡, 萍乡市). */
export function cutJiebaForSearch(text: string): string[] {
  return getJieba().cutForSearch(text, true)
}

const icu = new Intl.Segmenter('zh', { granularity: 'word' })

/** ICU's dictionary-based word segmentation, built into Node (Intl.Segmenter). Used for comparison only. */
export function cutIcu(text: string): string[] {
  return Array.from(icu.segment(text), (part) => part.segment)
}
