/**
 * npm run search:reindex: rebuilds the search index from every article (after a restore from
 * backup, a change to segmentation, or a logged index failure), with a progress bar on a terminal.
 */
import { renderProgressBar } from '../importer/formatReport'
import { reindexAll } from './reindexAll'

async function main() {
  const { loadEnvOrExit } = await import('../env')
  const { buildNewsroomConfig } = await import('../buildNewsroomConfig')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config: buildNewsroomConfig(loadEnvOrExit()) })
  const showProgress = process.stderr.isTTY
  const started = performance.now()
  const { articles, entries } = await reindexAll(payload, {
    onProgress: (done, total) => {
      if (showProgress) process.stderr.write(`\r\x1b[K${renderProgressBar(done, total, 'articles')}`)
    },
  })
  if (showProgress) process.stderr.write('\r\x1b[K')
  const seconds = (performance.now() - started) / 1000
  console.log(`search index rebuilt: ${articles} articles, ${entries} entries, in ${seconds.toFixed(1)} s (${Math.round(articles / Math.max(seconds, 0.001))} articles/s)`)
  await payload.destroy()
}

main().catch((error: unknown) => {
  console.error(`search:reindex failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
