/**
 * npm run import -- [--dry-run] [--json] [files or folders…]   (default: seeds/)
 *
 * Imports the newsroom's source documents as draft articles. On a terminal it
 * shows a progress bar and ends with a summary table; --json prints one object per
 * file instead. The exit code is 1 when any file failed.
 */
import { parseArgs } from 'node:util'

import { collectSourceFiles } from './collectSourceFiles'
import { formatSummaryTable, renderProgressBar, toResultJson } from './formatReport'
import { runImport } from './runImport'

const USAGE = 'usage: npm run import -- [--dry-run] [--json] [files or folders…]'

async function main(): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean' } },
    })
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  if (parsed.values.help) {
    console.log(USAGE)
    return 0
  }
  const dryRun = parsed.values['dry-run'] ?? false
  const files = await collectSourceFiles(parsed.positionals.length ? parsed.positionals : ['seeds'])

  // With --json, stdout carries the JSON array only: start-up chatter (schema push spinner, logs) goes to stderr.
  const writeStdout = process.stdout.write.bind(process.stdout)
  if (parsed.values.json) {
    process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
    process.env.LOG_LEVEL ??= 'error'
  }

  let payload = null
  if (!dryRun) {
    const { loadEnv } = await import('../env')
    loadEnv()
    const { getPayload } = await import('payload')
    const { default: config } = await import('../payload.config')
    payload = await getPayload({ config })
    const { seedReferenceDistricts } = await import('../startup/seedReferenceDistricts')
    await seedReferenceDistricts(payload)
  }

  const showProgress = process.stderr.isTTY && !parsed.values.json
  const results = await runImport(payload, files, {
    dryRun,
    onProgress: showProgress ? (done, total, file) => process.stderr.write(`\r\x1b[K${renderProgressBar(done, total, file)}`) : undefined,
  })
  if (showProgress) process.stderr.write('\r\x1b[K')

  process.stdout.write = writeStdout
  for (const result of results) if (!result.ok) console.error(result.error)
  if (parsed.values.json) console.log(JSON.stringify(results.map(toResultJson), null, 2))
  else console.log(formatSummaryTable(results))

  await payload?.destroy()
  return results.some((result) => !result.ok) ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
