/**
 * npm run bench:import-large -- [--sizes 1,2,4] [--seed S]
 *
 * Parsing time of one large source document: a long story made of the seeds'
 * sentences, at each size in MB, in three shapes: in paragraphs; hard-wrapped every 36
 * characters (the shape print text files have: a line stops mid-sentence and the parser
 * rejoins the lines); and one run-on paragraph (no sentence ends), hard-wrapped, which the
 * parser rejoins into one paragraph of the whole size: rejoining was quadratic (a 5 MB
 * file took 171 s). Runs importDocument, the
 * importer's pure steps from bytes to a validated article, in this process: each size is
 * parsed once to warm up and then timed as the best of three. Prints milliseconds per
 * document and per MB; linear parsing keeps ms/MB flat as the size grows. Not a test:
 * nothing fails.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { importDocument } from '../src/importer/importDocument'
import { referenceDistricts } from '../src/reference/districts'
import { exitWithUsageOnHelp, positiveOptionReader } from './support/benchOptions'
import { buildSentenceBank } from './support/buildSentenceBank'
import { createRandom } from './support/createRandom'
import { describeMachine, formatTable } from './support/report'

const USAGE = 'usage: npm run bench:import-large -- [--sizes 1,2,4] [--seed S]'
const ROOT = path.resolve(import.meta.dirname, '..')
const MB = 1024 * 1024
const WRAP_AT = 36

type Shape = 'paragraphs' | 'hard-wrapped' | 'one wrapped paragraph'
const SHAPES: readonly Shape[] = ['paragraphs', 'hard-wrapped', 'one wrapped paragraph']

/** A plain-text story of about `bytes` UTF-8 bytes: a title, a date and source line, then the body. */
function buildStory(sentences: readonly string[], bytes: number, shape: Shape, seed: number): Uint8Array {
  const random = createRandom(seed)
  const head = `萍乡市安源区：产业升级跑出“加速度”\n\n2024-06-01 08:00  来源：萍乡日报\n\n`
  const body: string[] = []
  let size = Buffer.byteLength(head)
  while (size < bytes) {
    const paragraph = Array.from({ length: random.int(2, 5) }, () => random.pick(sentences)).join('')
    body.push(paragraph)
    size += Buffer.byteLength(paragraph) + 2
  }
  // No sentence ends, no colons: every line continues the one before.
  const prose = shape === 'one wrapped paragraph' ? body.join('').replace(/[。！？；：…]/gu, '，') : body.join('')
  const text = shape === 'paragraphs' ? body.join('\n\n') : prose.match(new RegExp(`[^]{1,${WRAP_AT}}`, 'gu'))!.join('\n')
  return new Uint8Array(Buffer.from(`${head}${text}。\n`))
}

function timeParse(bytes: Uint8Array): { ms: number; paragraphs: number; warnings: number } {
  const districts = referenceDistricts.map(({ name, level }) => ({ name, level }))
  let best = Infinity
  let article = importDocument(bytes, { fileName: 'large.txt', districts }) // warm-up
  for (let run = 0; run < 3; run++) {
    const started = performance.now()
    article = importDocument(bytes, { fileName: 'large.txt', districts })
    best = Math.min(best, performance.now() - started)
  }
  return { ms: best, paragraphs: article.paragraphs.length, warnings: article.warnings.length }
}

function main() {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: '1,2,4' }, seed: { type: 'string', default: '20240601' }, help: { type: 'boolean' } },
  })
  exitWithUsageOnHelp(values.help, USAGE)
  const positive = positiveOptionReader(USAGE)
  const sizes = values.sizes.split(',').map((size) => positive('sizes', size.trim()))
  const seed = positive('seed', values.seed)
  const sentences = buildSentenceBank(path.join(ROOT, 'seeds'))

  const rows = [['shape', 'size', 'paragraphs', 'warnings', 'parse ms', 'ms per MB']]
  for (const shape of SHAPES) {
    for (const size of sizes) {
      const bytes = buildStory(sentences, size * MB, shape, seed)
      const { ms, paragraphs, warnings } = timeParse(bytes)
      rows.push([shape, `${(bytes.length / MB).toFixed(2)} MB`, String(paragraphs), String(warnings), ms.toFixed(0), (ms / (bytes.length / MB)).toFixed(0)])
      process.stderr.write(`${shape} ${size} MB: ${ms.toFixed(0)} ms\n`)
    }
  }
  console.log(
    [
      '',
      `large-document parse benchmark · ${describeMachine()}`,
      'importDocument (decode → parse → normalise → validate), best of 3 after a warm-up',
      '',
      formatTable(rows),
    ].join('\n'),
  )
}

main()
