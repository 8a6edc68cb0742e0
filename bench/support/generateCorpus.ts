import fs from 'node:fs'
import path from 'node:path'

import * as OpenCC from 'opencc-js'

import { buildSentenceBank } from './buildSentenceBank'
import { createRandom, type Random } from './createRandom'

/** The five kinds of source document in seeds/, generated round-robin. */
export const CORPUS_FORMATS = ['markdown', 'print-layout', 'jekyll', 'plain', 'portal-page'] as const
export type CorpusFormat = (typeof CORPUS_FORMATS)[number]

const DISTRICTS = [
  { name: '安源区', short: '安源' },
  { name: '湘东区', short: '湘东' },
  { name: '莲花县', short: '莲花' },
  { name: '上栗县', short: '上栗' },
  { name: '芦溪县', short: '芦溪' },
] as const
type District = (typeof DISTRICTS)[number]

const FOUR = [
  '砥砺奋进', '踔厉奋发', '笃行不怠', '乘势而上', '勇毅前行', '春潮涌动', '产业升级', '创新驱动', '城乡融合', '民生为本',
  '红色传承', '绿色发展', '开放合作', '项目为王', '招商引资', '数字赋能', '文旅融合', '乡村振兴', '基层治理', '生态优先',
  '营商环境', '党建引领', '工业强区', '科技创新', '人才引育', '提质增效', '聚力攻坚', '守正创新', '凝心聚力', '实干争先',
]
const VERBS = ['释放', '激活', '跑出', '打造', '书写', '奏响', '绘就', '厚植', '筑牢', '点燃', '培育', '增添']
const OBJECTS = [
  '工业经济', '高质量发展', '乡村振兴', '城市更新', '数字经济', '文旅产业', '民生事业', '营商环境', '科技创新', '红色文化',
  '绿色转型', '基层治理', '开放合作', '园区建设', '人才工作',
]
const QUOTES = ['核动能', '加速度', '新引擎', '强磁场', '逆风球', '主战场', '金名片', '新高地', '硬支撑', '幸福感', '新画卷', '压舱石', '动力谷', '快车道', '强引擎']
const ENDINGS = ['谱新篇', '开新局', '启新程', '展新颜', '绘新景', '育新机', '蓄新能', '立新功']
const SUBTITLE_MIDDLES = ['以实干实绩推动高质量发展', '全方位推动高质量发展', '奋力建设现代化新城区', '加快建设美丽幸福家园', '全力打造转型发展示范区', '持续擦亮红色名片']
const PLACES = ['玉屏峰', '青山', '南正街', '麻山', '五陂', '张家湾', '东桥', '武功山', '杨岐山', '萍水河', '鹅湖', '金鱼石', '世纪广场', '凤凰街', '高坑']
const PLACE_NOUNS = ['景区', '休闲旅游观光项目', '中医药养生小镇', '老街', '工业园', '生态公园', '新村', '湿地公园', '文创街区', '研学基地', '田园综合体']
const CAPTION_SCENES = [
  '工人正在进行设备的整机组装', '村民脸上洋溢着丰收的喜悦', '游客在景区内观光游览', '学生开展红色研学活动', '中心城区面貌焕然一新',
  '技术人员在生产线上调试设备', '志愿者走进社区开展服务', '农户在田间采摘蔬菜', '新建的安置小区整洁美观', '企业车间一派繁忙景象',
]
const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '钟', '郁', '尚', '彭', '曾', '邓', '欧阳']
const GIVEN = ['羽晨', '进文', '佳敏', '健', '晓东', '丽华', '志强', '文博', '雨欣', '子涵', '海燕', '建国', '红梅', '思远', '嘉怡', '俊杰']
const SOURCES = ['萍乡日报', '江西日报', '萍乡晚报', '中国网', '人民网']
const PORTALS = ['萍乡城事网', '赣西在线', '萍城资讯网', '昭萍门户网']
const PORTAL_CHANNELS = ['城事资讯', '本地新闻', '区县动态', '经济观察']
// Traditional characters the portal's page renders with pinyin after them, as in seeds/004.
const PINYIN: Record<string, string> = { 鄉: 'xiāng', 網: 'wǎng', 區: 'qū', 發: 'fā', 業: 'yè', 經: 'jīng', 濟: 'jì', 項: 'xiàng', 資: 'zī', 設: 'shè', 產: 'chǎn', 會: 'huì' }
const MOJIBAKE = ['?偼顿Y', '?yàn)椴黄椒', '鍙戝睍', '锟斤拷']

interface ArticleParts {
  district: District
  otherDistrict: District
  title: string
  subtitle: string
  headings: string[]
  /** Body paragraphs per section: sections[0] comes before the first heading. */
  sections: string[][]
  captions: { text: string; photographer: string | null }[]
  authors: string[]
  publishedAt: Date
  source: string
}

function personName(random: Random): string {
  return random.pick(SURNAMES) + random.pick(GIVEN)
}

function localise(sentence: string, district: District): string {
  return sentence
    .replaceAll('安源区', district.name)
    .replaceAll('湘东区', district.name)
    .replaceAll('安源', district.short)
    .replaceAll('湘东', district.short)
}

function buildTitle(random: Random, district: District): string {
  switch (random.int(0, 3)) {
    case 0:
      return `${district.name}：${random.pick(VERBS)}${random.pick(OBJECTS)}“${random.pick(QUOTES)}”`
    case 1:
      return `${random.pick(FOUR)} ${random.pick(FOUR)}`
    case 2:
      return `${district.short}${random.pick(OBJECTS)}${random.pick(ENDINGS)}`
    default:
      return `${random.pick(FOUR)}${random.pick(OBJECTS)}${random.pick(QUOTES)}`
  }
}

function buildParts(random: Random, sentences: readonly string[]): ArticleParts {
  const district = random.pick(DISTRICTS)
  const otherDistrict = random.pick(DISTRICTS.filter((item) => item !== district))
  const paragraph = () => {
    const count = random.int(1, 5)
    let text = ''
    for (let i = 0; i < count; i++) text += localise(random.pick(sentences), district)
    if (random.chance(0.05)) text += `${district.name}与${otherDistrict.name}携手推进区域协同发展。`
    return text
  }
  const headingCount = random.int(2, 6)
  const headings = Array.from({ length: headingCount }, () =>
    random.chance(0.5) ? `${random.pick(FOUR)} ${random.pick(FOUR)}` : `${random.pick(OBJECTS)}${random.pick(VERBS)}“${random.pick(QUOTES)}”`,
  )
  const sections = Array.from({ length: headingCount + 1 }, (_, index) => Array.from({ length: random.int(index === 0 ? 1 : 2, 5) }, paragraph))
  const captions = Array.from({ length: random.int(0, 5) }, () => ({
    text: random.chance(0.5) ? `${random.pick(PLACES)}${random.pick(PLACE_NOUNS)}` : `${district.short}${random.pick(CAPTION_SCENES)}`,
    photographer: random.chance(0.4) ? personName(random) : null,
  }))
  return {
    district,
    otherDistrict,
    title: buildTitle(random, district),
    subtitle: `${district.name}${random.pick(SUBTITLE_MIDDLES)}${random.chance(0.5) ? '纪实' : ''}`,
    headings,
    sections,
    captions,
    authors: Array.from({ length: random.int(1, 2) }, () => personName(random)),
    publishedAt: new Date(Date.UTC(2019, 0, 1) + random.int(0, 6 * 365 * 24 * 3600) * 1000),
    source: random.pick(SOURCES),
  }
}

/** yyyy-mm-dd hh:mm:ss in China time (+08:00). */
function chinaTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
}

/** `# title`, `## ——subtitle`, `### headings`, photo captions as short lines at the very end (seeds/000). */
function renderMarkdown(parts: ArticleParts): string {
  const out = ['', '', `# ${parts.title}`, '', `## ——${parts.subtitle}`, '', '', '']
  parts.sections.forEach((paragraphs, index) => {
    if (index > 0) out.push(`### ${parts.headings[index - 1]}`, '')
    for (const paragraph of paragraphs) out.push(paragraph, '')
  })
  for (const caption of parts.captions) out.push('', '', caption.text, '')
  return out.join('\n')
}

/**
 * A newspaper page as text (seeds/001): a page fragment, a captioned photo with a
 * credit, a headline deck, half-width punctuation, captions interleaved with the
 * body, paragraphs cut by a caption or a line break, the byline at the end.
 */
function renderPrintLayout(parts: ArticleParts, random: Random): string {
  const half = (text: string) => text.replace(/，/g, ',')
  const caption = (item: ArticleParts['captions'][number]) => (item.photographer ? `${item.text} ${item.photographer}摄` : item.text)
  const [lead, ...rest] = parts.captions
  const out = ['', '', `${random.int(20, 90)}年`, '', '', '']
  if (lead) out.push(caption(lead), '')
  out.push(random.pick(FOUR), '', `${random.pick(VERBS)}${random.pick(OBJECTS)}壮美画卷`, '', parts.title, '')
  const pending = [...rest]
  parts.sections.forEach((paragraphs, index) => {
    if (index > 0) out.push(`${random.pick(OBJECTS).slice(0, 2)}${random.pick(FOUR).slice(0, 2)}：${parts.headings[index - 1]}`, '')
    for (const paragraph of paragraphs.map(half)) {
      const cut = paragraph.length > 60 && random.chance(0.15) ? random.int(20, paragraph.length - 20) : -1
      if (cut > 0 && pending.length && random.chance(0.5)) {
        out.push(paragraph.slice(0, cut), '', '', '', caption(pending.shift()!), '', paragraph.slice(cut), '')
      } else if (cut > 0) {
        out.push(paragraph.slice(0, cut), '', paragraph.slice(cut), '')
      } else {
        out.push(paragraph, '')
      }
    }
    if (pending.length && random.chance(0.3)) out.push('', '', '', caption(pending.shift()!), '')
  })
  for (const item of pending) out.push('', '', '', caption(item), '')
  out.push(`${parts.authors.join(' ')}/文 (图片除署名外由${parts.district.name}委宣传部提供)`)
  return out.join('\n')
}

/** YAML front matter, `<p>` paragraphs with bare heading paragraphs, an elision, the source, a link and the site footer (seeds/002). */
function renderJekyll(parts: ArticleParts, random: Random): string {
  const out = [
    '---',
    'layout: post',
    `title: "${parts.title}"`,
    `date: ${chinaTime(parts.publishedAt)} +0800`,
    `categories: ${random.pick(['pingxiangribao', 'jiangxiribao', 'difangxinwen'])}`,
    `tags: ${parts.source}新闻`,
    '---',
  ]
  const paragraphs: string[] = []
  parts.sections.forEach((section, index) => {
    if (index > 0) paragraphs.push(parts.headings[index - 1]!)
    paragraphs.push(...section)
    if (index === 0 && random.chance(0.3)) paragraphs.push('……')
  })
  const body = paragraphs.map((text, index) => `${index === 0 ? '' : ' '}<p>${text}</p>`)
  body[body.length - 1] += `<p class="em_media">（文章来源：${parts.source}）</p>`
  const code = `NW${chinaTime(parts.publishedAt).replace(/\D/g, '')}${String(random.int(0, 9999)).padStart(4, '0')}`
  out.push(...body, '', `<http://finews.zning.xyz/html_News/NewsShare.html?infoCode=${code}>`, '')
  out.push(`[返回${parts.source}新闻](//finews.withounder.com/category/news.html)｜[返回首页](//finews.withounder.com/)`)
  return out.join('\n')
}

/** A title, a —— subtitle, bare section headings, paragraphs now and then cut across lines (seeds/003). */
function renderPlain(parts: ArticleParts, random: Random): string {
  const out = ['', '', parts.title, '', `——${parts.subtitle}`, '', '', '']
  parts.sections.forEach((paragraphs, index) => {
    if (index > 0) out.push('', '', `${parts.headings[index - 1]}`, '')
    for (const paragraph of paragraphs) {
      const cut = paragraph.length > 60 && random.chance(0.1) ? random.int(20, paragraph.length - 20) : -1
      if (cut > 0) out.push(paragraph.slice(0, cut), '', paragraph.slice(cut), '')
      else out.push(paragraph, '')
    }
  })
  return out.join('\n')
}

/**
 * A scraped portal page in traditional characters (seeds/004): site header with
 * a breadcrumb, the date|publisher|comments|source line, a summary repeating the
 * first paragraph, pinyin after some characters, now and then mojibake, the
 * author as (文/…), reaction buttons at the end.
 */
function renderPortalPage(parts: ArticleParts, random: Random, traditional: (text: string) => string): string {
  const annotate = random.chance(0.6)
  const pinyin = (text: string) => (annotate ? text.replace(/[鄉網區發業經濟項資設產會]/gu, (char) => `${char}(${PINYIN[char]})`) : text)
  const t = (text: string) => pinyin(traditional(text))
  const portal = random.pick(PORTALS)
  const paragraphs = parts.sections.map((section) => section.map(t))
  if (random.chance(0.2)) {
    const first = paragraphs[0]!
    const at = random.int(4, Math.max(4, first[0]!.length - 4))
    first[0] = first[0]!.slice(0, at) + random.pick(MOJIBAKE) + first[0]!.slice(at)
  }
  const first = paragraphs[0]![0]!
  const out = [
    `${t(portal)}—${t('萍乡最具影响力门户网站')} ${t('门户')} ${t(random.pick(PORTAL_CHANNELS))} ${t(parts.district.name)}${t('政府')} ${t('查看内容')}`,
    '',
    t(parts.title),
    '',
    `${chinaTime(parts.publishedAt).slice(0, 16)}| ${t('发布者')}: admin| ${t('评论')}: ${random.int(0, 12)}|${t('来自')}: ${t(parts.source)}`,
    '',
    `${t('摘要')}: ${first.slice(0, Math.min(first.length, 110))} ...`,
    '',
  ]
  paragraphs.forEach((section, index) => {
    if (index > 0) out.push(`  ${t(parts.headings[index - 1]!)}`, '')
    section.forEach((paragraph, at) => out.push(`${index === 0 && at === 0 ? '' : '   '}${paragraph}`, ''))
  })
  out[out.length - 2] += `(${t('文')}/${t(parts.authors[0]!)})`
  out.push('', ...['鲜花', '握手', '雷人', '路过', '鸡蛋', '相关分类'].flatMap((label) => ['', t(label)]))
  return out.join('\n')
}

export interface GenerateCorpusOptions {
  dir: string
  count: number
  seed: number
  seedsDir: string
}

/**
 * Writes `count` articles into `dir` (the five formats in turn, varied by a
 * seeded PRNG from sentences of the real seeds) and returns their paths in the
 * order the importer's folder walk reads them.
 */
export function generateCorpus({ dir, count, seed, seedsDir }: GenerateCorpusOptions): string[] {
  const sentences = buildSentenceBank(seedsDir)
  const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })
  const random = createRandom(seed)
  fs.mkdirSync(dir, { recursive: true })
  const files: string[] = []
  const width = String(count - 1).length
  for (let index = 0; index < count; index++) {
    const format = CORPUS_FORMATS[index % CORPUS_FORMATS.length]!
    const parts = buildParts(random, sentences)
    const text =
      format === 'markdown'
        ? renderMarkdown(parts)
        : format === 'print-layout'
          ? renderPrintLayout(parts, random)
          : format === 'jekyll'
            ? renderJekyll(parts, random)
            : format === 'plain'
              ? renderPlain(parts, random)
              : renderPortalPage(parts, random, traditional)
    const file = path.join(dir, `${String(index).padStart(width, '0')}_${format}.txt`)
    fs.writeFileSync(file, text)
    files.push(file)
  }
  return files
}
