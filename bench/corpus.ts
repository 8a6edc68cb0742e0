/**
 * npm run bench:corpus
 *
 * The importer's accuracy on the development corpus: runs the dry run over
 * ../shared/corpus/docs (or CORPUS_DIR/docs), scores it with the corpus's score.mjs and
 * prints each document's misses, the accuracy per field and overall, beside the figure
 * committed in test/importer/corpus-accuracy.json (the CI ratchet). Not a test: nothing fails.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { findCorpusDir, measureCorpusAccuracy, SCORED_FIELDS } from './support/measureCorpusAccuracy'
import { formatFigures } from './support/report'

const GOAL = 95

const corpusDir = findCorpusDir()
if (!corpusDir) {
  console.error('bench:corpus: no corpus at ../shared/corpus (set CORPUS_DIR to the folder holding docs/, expected.json and score.mjs)')
  process.exit(1)
}
const committed = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../test/importer/corpus-accuracy.json'), 'utf8')) as { overall: number }
const started = performance.now()
const accuracy = measureCorpusAccuracy(corpusDir)
console.log(`corpus: ${corpusDir} (${accuracy.documents} documents, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`)
console.log(accuracy.misses.length > 0 ? accuracy.misses.join('\n') : '(no misses)')
console.log(
  `\n${formatFigures([
    ...SCORED_FIELDS.map((field) => ({ name: field, value: accuracy.perField[field], unit: '%', digits: 1 })),
    { name: `overall (committed ratchet: ${committed.overall}%)`, value: accuracy.overall, unit: '%', digits: 1, target: `≥ ${GOAL}%`, met: accuracy.overall >= GOAL },
  ])}`,
)
