/**
 * Compares the two Chinese word segmenters the search could use, on the 35-page corpus
 * (../shared/corpus/docs or CORPUS_DIR, folded to simplified script as the index folds it):
 * ICU's Intl.Segmenter (built into Node) and jieba (@node-rs/jieba, prebuilt binaries from npm),
 * precise and search modes.
 *
 * Quality: for each occurrence of a target word (districts and their short names, places,
 * reporters' names from expected.json, common two-character words), whether the segmentation
 * cuts the text at both of its edges ("edges kept": the word is one token or a run of tokens a
 * phrase can match) and whether it is one token ("whole token"; in search mode: among the
 * tokens emitted there). Speed: characters per second.
 *
 *   npx tsx bench/searchSegmenters.ts
 */
import fs from 'node:fs'
import path from 'node:path'

import { toSimplified } from '../src/text/chineseConverters'
import { cutIcu, cutJieba, cutJiebaForSearch } from '../src/search/segmenters'
import { buildIndexTokensOfFolded } from '../src/search/tokenize'

// The development corpus, kept outside the repository: CORPUS_DIR, else ../shared/corpus beside the project.
const corpusRoot = process.env.CORPUS_DIR ? path.resolve(process.env.CORPUS_DIR) : path.resolve(import.meta.dirname, '../../shared/corpus')
const corpusDir = path.join(corpusRoot, 'docs')
const expected = JSON.parse(fs.readFileSync(path.join(corpusRoot, 'expected.json'), 'utf8')) as { file: string; authors: string[]; photographers: string[] }[]
const texts = expected.map((entry) => toSimplified(fs.readFileSync(path.join(corpusDir, path.basename(entry.file)), 'utf8')))

const names = [...new Set(expected.flatMap((entry) => [...entry.authors, ...entry.photographers]).map(toSimplified))]
const targets: Record<string, string[]> = {
  districts: ['安源区', '湘东区', '莲花县', '上栗县', '芦溪县', '萍乡市', '安源', '湘东', '莲花', '上栗', '芦溪', '萍乡'],
  places: ['武功山', '井冈山', '宜春', '吉安', '九江', '赣州', '新余', '江西', '湘赣', '青山镇', '株洲', '南昌'],
  names,
  'two-char words': ['煤矿', '烟花', '工业', '发展', '红色', '文化', '旅游', '经济', '采风', '合作', '媒体', '精神', '乡村', '建设', '活动', '记者', '景区', '项目', '产业', '生态'],
}

interface Segmenter {
  label: string
  /** A segmentation covering the text in order (its token edges). */
  cover: (text: string) => string[]
  /** The tokens an index would hold. */
  tokens: (text: string) => string[]
}
const segmenters: Segmenter[] = [
  { label: 'ICU Intl.Segmenter', cover: cutIcu, tokens: cutIcu },
  { label: 'jieba precise (HMM)', cover: cutJieba, tokens: cutJieba },
  { label: 'jieba search mode (HMM)', cover: cutJieba, tokens: cutJiebaForSearch },
  // What the index holds (src/search/tokenize.ts): search mode built from the precise cut, plus the pieces of HMM-guessed words.
  { label: 'index tokens (buildIndexTokensOfFolded)', cover: cutJieba, tokens: buildIndexTokensOfFolded },
]

function pct(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`
}

console.log(`corpus: ${texts.length} documents, ${texts.reduce((sum, text) => sum + text.length, 0).toLocaleString('en')} characters\n`)
for (const segmenter of segmenters) {
  const totals = { whole: 0, edges: 0, count: 0 }
  const rows: string[] = []
  for (const [group, words] of Object.entries(targets)) {
    const counts = { whole: 0, edges: 0, count: 0 }
    for (const text of texts) {
      const edges = new Set<number>([0])
      let offset = 0
      for (const token of segmenter.cover(text)) edges.add((offset += token.length))
      if (offset !== text.length) throw new Error(`${segmenter.label} does not cover the text`)
      // Where each covering token starts, and the index tokens made from it (search mode adds its sub-words).
      const pieces: { start: number; end: number; tokens: Set<string> }[] = []
      let start = 0
      for (const token of segmenter.cover(text)) {
        pieces.push({ start, end: start + token.length, tokens: new Set(segmenter.tokens(token)) })
        start += token.length
      }
      for (const word of words) {
        for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
          counts.count++
          if (edges.has(at) && edges.has(at + word.length)) counts.edges++
          const piece = pieces.find((candidate) => candidate.start <= at && at < candidate.end)
          if (piece && piece.end >= at + word.length && piece.tokens.has(word)) counts.whole++
        }
      }
    }
    totals.whole += counts.whole
    totals.edges += counts.edges
    totals.count += counts.count
    rows.push(`  ${group.padEnd(15)} ${String(counts.count).padStart(4)} occurrences: whole token ${pct(counts.whole, counts.count).padStart(7)}, edges kept ${pct(counts.edges, counts.count).padStart(7)}`)
  }
  segmenter.tokens('萍乡市安源区上栗县') // loads dictionaries outside the timing
  const started = performance.now()
  let characters = 0
  for (let round = 0; round < 10; round++) {
    for (const text of texts) {
      segmenter.tokens(text)
      characters += text.length
    }
  }
  const seconds = (performance.now() - started) / 1000
  console.log(`${segmenter.label}: ${Math.round(characters / seconds / 1000).toLocaleString('en')} k characters/s`)
  console.log(rows.join('\n'))
  console.log(`  ${'all'.padEnd(15)} ${String(totals.count).padStart(4)} occurrences: whole token ${pct(totals.whole, totals.count).padStart(7)}, edges kept ${pct(totals.edges, totals.count).padStart(7)}\n`)
}
