import fs from 'node:fs'
import { createRequire } from 'node:module'

import { cutJieba } from '../../src/search/segmenters'
import { toTraditional } from '../../src/text/chineseConverters'
import { buildSentenceBank } from './buildSentenceBank'
import { createRandom, type Random } from './createRandom'

/** Places, people and topics the generated stories are made of; the bench's queries ask for them. Listed most written-about first. */
export const STORY_PLACES = ['安源', '湘东', '莲花', '上栗', '芦溪', '武功山', '杨岐山', '萍水河', '麻山', '青山', '南正街', '高坑', '东桥', '五陂', '鹅湖']
export const STORY_TOPICS = ['煤矿', '烟花', '花炮', '瓷器', '茶油', '电瓷', '春茶', '研学', '夜市', '民宿', '高铁', '物流', '非遗', '傩舞', '莲子']
const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '钟', '郁', '尚', '彭', '曾', '邓', '欧阳']
const GIVEN = ['羽晨', '进文', '佳敏', '健', '晓东', '丽华', '志强', '文博', '雨欣', '子涵', '海燕', '建国', '红梅', '思远', '嘉怡', '俊杰']
const FRAMES = ['{place}{topic}产业提质增效', '{place}：{topic}点亮乡村振兴路', '{topic}让{place}更有活力', '走进{place}看{topic}', '{place}{topic}迎来新机遇']
const LEADS = ['近日，{place}的{topic}工作取得新进展。', '记者从{place}获悉，当地{topic}迎来新变化。', '{place}{topic}的故事，要从一次走访说起。', '在{place}，说起{topic}，人们并不陌生。']
/** Share of a bank sentence's words (two to four Han characters) swapped for a dictionary word. */
const WORD_SWAP = 0.5
const HAN_WORD = /^\p{Script=Han}{2,4}$/u
/** Sentences either side of a story's starting point that it mostly draws from: stories keep to a subject. */
const SUBJECT_WINDOW = 40

export interface GeneratedStory {
  title: { 'zh-Hans': string; 'zh-Hant': string }
  summary: { 'zh-Hans': string; 'zh-Hant': string }
  paragraphs: { 'zh-Hans': string[]; 'zh-Hant': string[] }
  authors: string[]
  districtIndex: number
  originalPublishedAt: string
}

/** Zipf's law (weight 1/rank): a few places, topics and reporters in most stories, a long tail in few, as in a real archive. */
function zipfPicker<T>(items: readonly T[], random: Random): () => T {
  const cumulative: number[] = []
  let sum = 0
  for (let rank = 1; rank <= items.length; rank++) cumulative.push((sum += 1 / rank))
  return () => {
    const target = random.next() * sum
    return items[cumulative.findIndex((bound) => bound >= target)]!
  }
}

/**
 * Words drawn as often as jieba's dictionary counts them in its (real, large) training text:
 * the vocabulary of a real archive, Zipf-distributed, of the length asked for.
 */
function dictionaryWordPicker(random: Random): (length: number) => string {
  const require = createRequire(import.meta.url)
  const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict')
  const byLength = new Map<number, { words: string[]; cumulative: number[] }>()
  for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
    const [word, frequency] = line.split(' ')
    if (!word || !HAN_WORD.test(word)) continue
    const table = byLength.get(word.length) ?? { words: [], cumulative: [] }
    byLength.set(word.length, table)
    table.words.push(word)
    table.cumulative.push((table.cumulative.at(-1) ?? 0) + Number(frequency))
  }
  return (length) => {
    const { words, cumulative } = byLength.get(length)!
    const target = random.next() * cumulative.at(-1)!
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (cumulative[middle]! < target) low = middle + 1
      else high = middle
    }
    return words[low]!
  }
}

/**
 * Stories for the search benchmark, deterministic from `seed`. Sentences come from the seeds and,
 * where present, the development corpus (real Pingxiang reporting; bank order keeps each
 * document's sentences together), retold: half of their words swapped for words drawn by
 * frequency from jieba's dictionary. A story keeps to a subject: four sentences in five from a
 * window around a starting point in the bank, the rest from anywhere; places, topics and bylines
 * follow Zipf's law. So a word is about as common as in real text (a Zipf vocabulary of some
 * 300,000 words), not in nearly every story as when each story drew whole sentences uniformly
 * from a bank of a few hundred. A headline naming a place and a topic, 6–12 paragraphs, one of the
 * five districts, a time within ten years; both scripts, as the importer stores them.
 */
export function createStoryGenerator(sourceDirs: string[], seed = 14) {
  const random = createRandom(seed)
  const sentences = sourceDirs
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) => buildSentenceBank(dir))
    .map((sentence) => cutJieba(sentence))
  const pickWord = dictionaryWordPicker(random)
  const retell = (words: string[]) => words.map((word) => (HAN_WORD.test(word) && random.chance(WORD_SWAP) ? pickWord(word.length) : word)).join('')
  const pickPlace = zipfPicker(STORY_PLACES, random)
  const pickTopic = zipfPicker(STORY_TOPICS, random)
  const bylines = SURNAMES.flatMap((surname) => GIVEN.map((given) => `${surname}${given}`))
  // A fixed shuffle, so that the most prolific reporters are not all called 李.
  for (let index = bylines.length - 1; index > 0; index--) {
    const other = random.int(0, index)
    ;[bylines[index], bylines[other]] = [bylines[other]!, bylines[index]!]
  }
  const pickByline = zipfPicker(bylines, random)
  const start = Date.parse('2016-01-01T00:00:00Z')
  return (): GeneratedStory => {
    const place = pickPlace()
    const topic = pickTopic()
    const title = random.pick(FRAMES).replace('{place}', place).replace('{topic}', topic)
    const subject = random.int(0, sentences.length - 1)
    const pickSentence = () =>
      retell(random.chance(0.8) ? sentences[Math.min(sentences.length - 1, Math.max(0, subject + random.int(-SUBJECT_WINDOW, SUBJECT_WINDOW)))]! : random.pick(sentences))
    const paragraphs = Array.from({ length: random.int(6, 12) }, (_, index) => {
      const picked = Array.from({ length: random.int(2, 4) }, pickSentence)
      if (index === 0) picked.unshift(random.pick(LEADS).replace('{place}', place).replace('{topic}', topic))
      else if (random.chance(0.1)) picked.push(`${pickPlace()}${pickTopic()}也备受关注。`)
      return picked.join('')
    })
    const author = pickByline()
    const summary = paragraphs[0]!.slice(0, 80)
    return {
      title: { 'zh-Hans': title, 'zh-Hant': toTraditional(title) },
      summary: { 'zh-Hans': summary, 'zh-Hant': toTraditional(summary) },
      paragraphs: { 'zh-Hans': paragraphs, 'zh-Hant': paragraphs.map(toTraditional) },
      authors: [author],
      districtIndex: random.int(0, 4),
      originalPublishedAt: new Date(start + random.int(0, 3650 * 86_400) * 1000).toISOString(),
    }
  }
}
