import { toTraditional } from '../../src/text/chineseConverters'
import { buildSentenceBank } from './buildSentenceBank'
import { createRandom } from './createRandom'

/** Places, people and topics the generated stories are made of; the bench's queries ask for them. */
export const STORY_PLACES = ['安源', '湘东', '莲花', '上栗', '芦溪', '武功山', '杨岐山', '萍水河', '麻山', '青山', '南正街', '高坑', '东桥', '五陂', '鹅湖']
export const STORY_TOPICS = ['煤矿', '烟花', '花炮', '瓷器', '茶油', '电瓷', '春茶', '研学', '夜市', '民宿', '高铁', '物流', '非遗', '傩舞', '莲子']
const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '钟', '郁', '尚', '彭', '曾', '邓', '欧阳']
const GIVEN = ['羽晨', '进文', '佳敏', '健', '晓东', '丽华', '志强', '文博', '雨欣', '子涵', '海燕', '建国', '红梅', '思远', '嘉怡', '俊杰']
const FRAMES = ['{place}{topic}产业提质增效', '{place}：{topic}点亮乡村振兴路', '{topic}让{place}更有活力', '走进{place}看{topic}', '{place}{topic}迎来新机遇']

export interface GeneratedStory {
  title: { 'zh-Hans': string; 'zh-Hant': string }
  summary: { 'zh-Hans': string; 'zh-Hant': string }
  paragraphs: { 'zh-Hans': string[]; 'zh-Hant': string[] }
  authors: string[]
  districtIndex: number
  originalPublishedAt: string
}

/**
 * Stories for the search benchmark, deterministic from `seed`: a headline naming a place and a
 * topic, 6–12 paragraphs of sentences from the seeds (with the place and the topic worked in),
 * a byline, one of the five districts, a time within ten years; both scripts, as the importer stores them.
 */
export function createStoryGenerator(seedsDir: string, seed = 14) {
  const sentences = buildSentenceBank(seedsDir)
  const random = createRandom(seed)
  const start = Date.parse('2016-01-01T00:00:00Z')
  return (): GeneratedStory => {
    const place = random.pick(STORY_PLACES)
    const topic = random.pick(STORY_TOPICS)
    const title = random.pick(FRAMES).replace('{place}', place).replace('{topic}', topic)
    const paragraphs = Array.from({ length: random.int(6, 12) }, (_, index) => {
      const count = random.int(2, 4)
      const picked = Array.from({ length: count }, () => random.pick(sentences))
      if (index === 0) picked.unshift(`近日，${place}的${topic}工作取得新进展。`)
      else if (random.chance(0.3)) picked.push(`${random.pick(STORY_PLACES)}${random.pick(STORY_TOPICS)}也备受关注。`)
      return picked.join('')
    })
    const author = `${random.pick(SURNAMES)}${random.pick(GIVEN)}`
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
