import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/** The import CLI as a user runs it (`npm run import -- …`), without a database: only --dry-run, --help and bad flags. */

const ROOT = path.resolve(import.meta.dirname, '../..')
const SEEDS = path.join(ROOT, 'seeds')
const USAGE = 'usage: npm run import -- [--dry-run] [--json] [--max-bytes N] [files or folders…]'

/** The keys `--json` documents for each file, plus what the store did (`action`, `id`). */
const JSON_KEYS = [
  'file',
  'ok',
  'error',
  'format',
  'encoding',
  'script',
  'title',
  'subtitle',
  'summary',
  'originalPublishedAt',
  'source',
  'sourceUrl',
  'authors',
  'photographers',
  'districts',
  'sectionHeadings',
  'captions',
  'paragraphs',
  'warnings',
  'dropped',
  'action',
  'id',
]

interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs src/importer/cli.ts in a child process from the repository root, as `npm run import` does. */
function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/importer/cli.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '--no-deprecation', NODE_ENV: 'development', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  if (result.error) throw result.error
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function stderrLines(run: CliRun): string[] {
  return run.stderr.split('\n').filter((line) => line.trim() !== '')
}

describe('npm run import -- --dry-run --json seeds/', () => {
  let run: CliRun
  let results: Record<string, any>[]

  beforeAll(() => {
    run = runCli(['--dry-run', '--json', 'seeds/'])
    results = JSON.parse(run.stdout)
  }, 60_000)

  it('exits 0 with nothing on stderr and one object per seed, in file order', () => {
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('')
    expect(results.map((result) => result.file)).toEqual(fs.readdirSync(SEEDS).sort().map((name) => path.join('seeds', name)))
  })

  it('prints exactly the documented keys, with captions as { text, credit } and warnings as { kind, message, snippet }', () => {
    for (const result of results) {
      expect(Object.keys(result).sort()).toEqual([...JSON_KEYS].sort())
      for (const caption of result.captions) expect(Object.keys(caption).sort()).toEqual(['credit', 'text'])
      for (const warning of result.warnings) expect(Object.keys(warning).sort()).toEqual(['kind', 'message', 'snippet'])
    }
    expect(results.map(({ ok, error, action, id }) => ({ ok, error, action, id }))).toEqual(
      Array(5).fill({ ok: true, error: null, action: 'parsed', id: null }),
    )
  })

  it('reads each seed’s format, encoding, script, title and districts', () => {
    expect(results.map(({ format, encoding, script, title, districts }) => ({ format, encoding, script, title, districts }))).toEqual([
      { format: 'markdown', encoding: 'utf-8', script: 'zh-Hans', title: '东风浩荡春如海', districts: ['安源区'] },
      { format: 'print-layout', encoding: 'utf-8', script: 'zh-Hans', title: '百年安源正青春 阔步奋进新征程', districts: ['安源区'] },
      { format: 'jekyll', encoding: 'utf-8', script: 'zh-Hans', title: '安源区：释放领跑工业经济“核动能”', districts: ['安源区'] },
      { format: 'plain', encoding: 'utf-8', script: 'zh-Hans', title: '砥砺奋进春意浓', districts: ['湘东区'] },
      { format: 'portal-page', encoding: 'utf-8', script: 'zh-Hant', title: '萍鄉:創新賦能高質量發展', districts: ['安源区'] },
    ])
  })

  it('the markdown seed: —— subtitle without its dash, ### headings, the closing caption lines', () => {
    const [markdown] = results
    expect(markdown!.subtitle).toBe('安源区全方位推动高质量发展纪实')
    expect(markdown!.sectionHeadings).toEqual([
      '重塑工业辉煌 打造高质量发展引擎',
      '增进民生福祉 共享高质量发展硕果',
      '促进全域旅游 增添高质量发展亮色',
      '传承红色基因 厚植高质量发展底蕴',
    ])
    expect(markdown!.captions).toEqual([
      { text: '安源景区', credit: null },
      { text: '世纪广场', credit: null },
      { text: '玉屏峰休闲旅游观光项目', credit: null },
      { text: '青山中医药养生小镇', credit: null },
    ])
    expect(markdown!.paragraphs[0]).toBe('安源翠峰绵亘，萍水奔流不息。红色热土，岁月如歌。')
  })

  it('the print-layout seed: byline authors, photographer credits split off the captions', () => {
    const print = results[1]!
    expect(print.authors).toEqual(['李羽晨', '钟进文'])
    expect(print.photographers).toEqual(['郁佳敏'])
    expect(print.captions[0]).toEqual({ text: '安源区中心城区面貌焕然一新', credit: '郁佳敏' })
    expect(print.captions.at(-2)).toEqual({ text: '学生在安源路矿工人纪念馆开展红色研学活动', credit: '郁佳敏' })
    expect(print.warnings.map((warning: { kind: string }) => warning.kind)).toContain('lost-text')
  })

  it('the Jekyll seed: the front-matter date with its +08:00 offset, the source and its link, body paragraphs in order', () => {
    const jekyll = results[2]!
    expect(jekyll.originalPublishedAt).toBe('2022-01-03T07:00:29+08:00')
    expect(jekyll.source).toBe('萍乡日报')
    expect(jekyll.sourceUrl).toBe('http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201032234250560')
    expect(jekyll.sectionHeadings).toEqual(['产业转型升级跑出加速度', '创新驱动赋能高质量发展', '打造一流的营商环境高地'])
    expect(jekyll.paragraphs[0]).toBe('时代的潮流，浩浩荡荡，奔流不息。')
    expect(jekyll.paragraphs.at(-1)).toBe('潮涌风帆动，破浪开新局。安源区，正意气风发、昂扬奋进在工业经济高质量发展新征程！')
    expect(jekyll.warnings).toEqual([expect.objectContaining({ kind: 'elision', snippet: expect.stringContaining('……') })])
  })

  it('the plain seed: —— subtitle and bare section headings', () => {
    const plain = results[3]!
    expect(plain.subtitle).toBe('湘东区以实干实绩推动高质量发展')
    expect(plain.sectionHeadings[0]).toBe('坚持工业强区 产业转型持续加快')
    expect(plain.sectionHeadings.at(-1)).toBe('坚持党建引领 持续筑牢基层基础')
  })

  it('the portal seed: date line, source, (文/…) author, no pinyin left, mojibake reported', () => {
    const portal = results[4]!
    expect(portal.originalPublishedAt).toBe('2020-11-27T15:34:00+08:00')
    expect(portal.source).toBe('中國網')
    expect(portal.authors).toEqual(['尚健'])
    expect(portal.sectionHeadings).toEqual(['抱團發展打好“逆風球”', '創新發展聚合“強磁場”', '融合發展點燃“新引擎”'])
    expect(JSON.stringify(portal.paragraphs)).not.toMatch(/\((?:xiāng|wǎng|fā)\)/u)
    expect(portal.warnings.map((warning: { kind: string }) => warning.kind)).toEqual(
      expect.arrayContaining(['pinyin-removed', 'mojibake', 'summary-duplicate']),
    )
  })
})

describe('npm run import -- --dry-run seeds/ (not a terminal)', () => {
  it('prints the summary table, ending with the totals line', () => {
    const json = JSON.parse(runCli(['--dry-run', '--json', 'seeds/']).stdout) as { warnings: unknown[] }[]
    const warnings = json.reduce((sum, result) => sum + result.warnings.length, 0)
    const run = runCli(['--dry-run', 'seeds/'])
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('') // no progress bar when stderr is not a terminal
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^file\s+result\s+title \/ error\s+warnings$/)
    expect(lines.filter((line) => /^seeds\/\S+\s+parsed\s/.test(line))).toHaveLength(5)
    expect(lines.at(-1)).toBe(`created 0 · updated 0 · unchanged 0 · parsed 5 (dry run) · failed 0 · warnings ${warnings}`)
  }, 60_000)
})

describe('bad input', () => {
  let dir: string
  let run: CliRun

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-cli-bad-'))
    fs.writeFileSync(path.join(dir, 'a-empty.txt'), '')
    // A PNG signature, a header chunk and zero bytes: what a photo saved by mistake starts with.
    fs.writeFileSync(
      path.join(dir, 'b-photo.txt'),
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.alloc(64)]),
    )
    const plainSeed = fs.readFileSync(path.join(SEEDS, '003_8675b8980da424a4.txt'), 'utf8')
    fs.writeFileSync(path.join(dir, 'c-gb18030.txt'), iconv.encode(plainSeed, 'gb18030'))
    fs.writeFileSync(path.join(dir, 'd-shopping-list.txt'), 'Shopping list\n\nEggs, milk, bread.\nCall the plumber on Monday.\n')
    run = runCli(['--dry-run', '--json', dir])
  }, 60_000)
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('exits 1 with one stderr line per bad file naming the file and the reason', () => {
    expect(run.status).toBe(1)
    expect(stderrLines(run)).toEqual([
      `${path.join(dir, 'a-empty.txt')}: empty file`,
      expect.stringMatching(new RegExp(`^${escapeRegExp(path.join(dir, 'b-photo.txt'))}: binary file`)),
      expect.stringMatching(new RegExp(`^${escapeRegExp(path.join(dir, 'd-shopping-list.txt'))}: unknown format`)),
    ])
  })

  it('still imports the good GB18030 file and reports the bad ones as ok:false with the same reason', () => {
    const results = JSON.parse(run.stdout) as Record<string, any>[]
    expect(results.map(({ file, ok }) => ({ file: path.basename(file), ok }))).toEqual([
      { file: 'a-empty.txt', ok: false },
      { file: 'b-photo.txt', ok: false },
      { file: 'c-gb18030.txt', ok: true },
      { file: 'd-shopping-list.txt', ok: false },
    ])
    const good = results[2]!
    expect(good).toMatchObject({ encoding: 'gb18030', format: 'plain', title: '砥砺奋进春意浓', districts: ['湘东区'], error: null })
    expect(good.subtitle).toBe('湘东区以实干实绩推动高质量发展')
    for (const bad of results.filter((result) => !result.ok)) {
      expect(Object.keys(bad).sort()).toEqual([...JSON_KEYS].sort())
      expect(bad).toMatchObject({ format: null, title: null, action: null, paragraphs: [] })
      expect(stderrLines(run)).toContain(bad.error)
    }
  })
})

/** Issue 11: files over the size limit are refused by name and the run goes on; a file reached twice is read once. */
describe('--dry-run over a folder with a large file and symbolic links', () => {
  let dir: string
  const seed = (name: string) => fs.readFileSync(path.join(SEEDS, name))
  const seedNames = () => fs.readdirSync(SEEDS).sort()

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-cli-limits-'))
    fs.writeFileSync(path.join(dir, 'a-story.txt'), seed(seedNames()[0]!))
    // A real story made large: the seed repeated to about 300 KB.
    fs.writeFileSync(path.join(dir, 'b-large.txt'), Buffer.concat(Array.from({ length: 40 }, () => seed(seedNames()[1]!))))
    fs.writeFileSync(path.join(dir, 'c-story.txt'), seed(seedNames()[2]!))
    fs.symlinkSync('.', path.join(dir, 'self')) // the loop that made 41 drafts of one file
    fs.symlinkSync('a-story.txt', path.join(dir, 'd-link-to-a.txt'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  const parsedFiles = (run: CliRun) => (JSON.parse(run.stdout) as { file: string; ok: boolean }[]).map(({ file, ok }) => [path.basename(file), ok])

  it('--max-bytes refuses the larger file with `<file>: file too large: …` and parses the others, each real file once', () => {
    const size = fs.statSync(path.join(dir, 'b-large.txt')).size
    const run = runCli(['--dry-run', '--json', '--max-bytes', '100000', dir])
    expect(run.status).toBe(1)
    expect(parsedFiles(run)).toEqual([
      ['a-story.txt', true],
      ['b-large.txt', false],
      ['c-story.txt', true],
    ])
    expect(stderrLines(run)).toEqual([`${path.join(dir, 'b-large.txt')}: file too large: ${size} bytes, over the limit of 100000 (IMPORT_MAX_BYTES or --max-bytes)`])
  })

  it('IMPORT_MAX_BYTES sets the limit when no flag is given', () => {
    const run = runCli(['--dry-run', '--json', dir], { IMPORT_MAX_BYTES: '100000' })
    expect(parsedFiles(run).filter(([, ok]) => !ok)).toEqual([['b-large.txt', false]])
    expect(runCli(['--dry-run', '--json', dir]).status).toBe(0) // under the 2 MB default, all three parse
  })

  it('a bad IMPORT_MAX_BYTES or --max-bytes stops the run with one line naming it', () => {
    const fromEnv = runCli(['--dry-run', dir], { IMPORT_MAX_BYTES: 'lots' })
    expect([fromEnv.status, stderrLines(fromEnv)]).toEqual([1, ['Invalid environment: IMPORT_MAX_BYTES expected a number of bytes (got "lots")']])
    const fromFlag = runCli(['--dry-run', '--max-bytes', '0', dir])
    expect([fromFlag.status, stderrLines(fromFlag)[0]]).toEqual([2, '--max-bytes expects a positive whole number of bytes (got "0")'])
  })
})

describe('flags', () => {
  it('--help prints the usage line and exits 0', () => {
    const run = runCli(['--help'])
    expect(run.status).toBe(0)
    expect(run.stdout.trim()).toBe(USAGE)
  })

  it('an unknown flag exits 2 with the reason and the usage line, before reading any file', () => {
    const run = runCli(['--dry-run', '--frobnicate', 'seeds/'])
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    const lines = stderrLines(run)
    expect(lines[0]).toContain("'--frobnicate'")
    expect(lines.at(-1)).toBe(USAGE)
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
