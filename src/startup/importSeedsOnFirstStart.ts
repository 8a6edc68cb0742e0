import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'

import { ARTICLES_SLUG } from '../../collections/slugs'
import { collectSourceFiles } from '../importer/read/collectSourceFiles'
import { runImport } from '../importer/runImport'

export const SEEDS_DIR = path.resolve(process.cwd(), 'seeds')

/**
 * A newcomer's first start shows content: when there are no articles at all, the
 * newsroom's documents in seeds/ are imported as drafts. Any later start, or a
 * database with articles, is left alone.
 */
export async function importSeedsOnFirstStart(payload: Payload, seedsDir: string = SEEDS_DIR): Promise<boolean> {
  if (!fs.existsSync(seedsDir)) return false
  const { totalDocs } = await payload.count({ collection: ARTICLES_SLUG, overrideAccess: true })
  if (totalDocs > 0) return false
  const errors: string[] = [] // only the failures' messages are kept, to log after the totals line
  const totals = await runImport(payload, await collectSourceFiles([seedsDir]), {
    dryRun: false,
    onResult: (result) => {
      if (result.error) errors.push(result.error)
    },
  })
  payload.logger.info(`Seed import from ${seedsDir}: created ${totals.created}, failed ${totals.failed}, warnings ${totals.warnings}`)
  for (const error of errors) payload.logger.warn(error)
  return true
}
