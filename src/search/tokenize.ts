import { pinyin } from 'pinyin-pro'

import { foldText } from './foldText'
import { cutJieba, cutJiebaForSearch, isDictionaryWord } from './segmenters'

/**
 * What counts as a word: letters and digits only. Punctuation never reaches the index, and
 * FTS5's unicode61 tokenizer (which splits at anything else) sees each of our tokens as one.
 */
const WORD = /^[\p{L}\p{N}]+$/u
const HAN = /\p{Script=Han}/u

const HAN_WORD = /^\p{Script=Han}+$/u
/**
 * A word of CJK Unified Ideographs (U+4E00–U+9FEF, all assigned since Unicode 11): Han letters, so
 * WORD and HAN_WORD hold without running them: most tokens are such words, and skipping the two
 * Unicode-property regexes takes the tokens of a story from 0.47 to 0.40 ms of CPU.
 */
function isBasicHanWord(word: string): boolean {
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at)
    if (code < 0x4e00 || code > 0x9fef) return false
  }
  return word.length > 0
}

/** Longest word the HMM may make up that still gets its pieces indexed (a name and a character or two). */
const MAX_GUESSED_WORD = 6

/**
 * The index's tokens for a text already folded (foldText): jieba's search mode, that is its
 * precise words plus the dictionary words of two and three characters inside longer ones
 * (萍乡市 → 萍乡, 萍乡市). A word jieba's HMM made up (not in the dictionary) is often a name
 * with a neighbour stuck to it (杨伟胜摄: a photo credit): all of its two- and three-character
 * pieces are indexed too, so the name alone (杨伟胜) still matches.
 */
export function buildIndexTokensOfFolded(folded: string): string[] {
  const tokens: string[] = []
  for (const word of cutJiebaForSearch(folded)) {
    const basicHan = isBasicHanWord(word)
    if (!basicHan && !WORD.test(word)) continue
    tokens.push(word)
    if (word.length < 3 || word.length > MAX_GUESSED_WORD || !(basicHan || HAN_WORD.test(word)) || isDictionaryWord(word)) continue
    for (let size = 2; size <= 3 && size < word.length; size++) {
      for (let at = 0; at + size <= word.length; at++) tokens.push(word.slice(at, at + size))
    }
  }
  return tokens
}

export function buildIndexTokens(text: string): string[] {
  return buildIndexTokensOfFolded(foldText(text))
}

/**
 * A word's pinyin, remembered: headline words, places and bylines recur from story to story, and
 * pinyin-pro takes some 2 µs a word (a tenth of a story's entry in a rebuild). Emptied when full.
 */
const pinyinOfWord = new Map<string, string>()
const PINYIN_REMEMBERED = 50_000

function toPinyinToken(word: string): string {
  let token = pinyinOfWord.get(word)
  if (token === undefined) {
    token = pinyin(word, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase()
    if (pinyinOfWord.size >= PINYIN_REMEMBERED) pinyinOfWord.clear()
    pinyinOfWord.set(word, token)
  }
  return token
}

/** Pinyin forms of Han index tokens (a title's, district names', tags', bylines'), for latin queries: 安源区, 安源 → anyuanqu, anyuan. */
export function buildPinyinTokens(words: string[]): string[] {
  const tokens = new Set<string>()
  for (const word of new Set(words)) {
    if (!HAN.test(word)) continue
    tokens.add(toPinyinToken(word))
  }
  return [...tokens].filter((token) => WORD.test(token))
}

/**
 * A query's terms, each to be matched as one index token (all of them must match): jieba's
 * precise mode on the folded query. Every precise word is also a search-mode token of the same
 * text in a document, so 萍乡市 finds 萍乡市 and 萍乡 finds it too. Search syntax (quotes, OR,
 * NEAR(, *) is only text here: anything but letters and digits separates words, and the terms
 * are quoted when they reach FTS5.
 */
export function buildQueryTerms(query: string): string[] {
  const terms: string[] = []
  for (const word of cutJieba(foldText(query))) {
    if (WORD.test(word) && !terms.includes(word)) terms.push(word)
  }
  return terms
}
