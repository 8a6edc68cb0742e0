/**
 * npm run import -- [--dry-run] [--json] [--max-bytes N] [files or folders…]   (default: seeds/)
 *
 * Imports the newsroom's source documents as draft articles. On a terminal it
 * shows a progress bar and ends with a summary table; --json prints one object per
 * file instead, as a JSON array written while the import runs. A file that fails
 * is named on stderr with its reason as soon as it fails; so is a file larger than
 * --max-bytes (default IMPORT_MAX_BYTES, 2 MB), refused unread. A file reached twice
 * (through a symbolic link) is imported once. The exit code is 1 when any file failed.
 */
import { once } from 'node:events'
import { parseArgs } from 'node:util'

import { collectSourceFiles } from './read/collectSourceFiles'
import { createJsonArrayWriter, formatSummaryTable, renderProgressBar, toResultJson, toSummaryRow, type SummaryRow } from './formatReport'
import { runImport } from './runImport'

const USAGE = 'usage: npm run import -- [--dry-run] [--json] [--max-bytes N] [files or folders…]'

async function main(): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'max-bytes': { type: 'string' },
        help: { type: 'boolean' },
      },
    })
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  if (parsed.values.help) {
    console.log(USAGE)
    return 0
  }
  const maxBytesFlag = parsed.values['max-bytes']
  if (maxBytesFlag !== undefined && !/^[1-9]\d*$/.test(maxBytesFlag)) {
    console.error(`--max-bytes expects a positive whole number of bytes (got "${maxBytesFlag}")\n${USAGE}`)
    return 2
  }
  const dryRun = parsed.values['dry-run'] ?? false
  const files = await collectSourceFiles(parsed.positionals.length ? parsed.positionals : ['seeds'])

  // With --json, stdout carries the JSON array only: start-up chatter (schema push spinner, logs) goes to stderr.
  const writeStdout = process.stdout.write.bind(process.stdout)
  if (parsed.values.json) {
    process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
    process.env.LOG_LEVEL ??= 'error'
  }

  const { loadEnvOrExit, parseImportMaxBytes, EnvError } = await import('../env')
  let payload = null
  let maxFileBytes: number
  if (!dryRun) {
    const env = loadEnvOrExit()
    maxFileBytes = env.IMPORT_MAX_BYTES
    const { getPayload } = await import('payload')
    const { buildNewsroomConfig } = await import('../buildNewsroomConfig')
    payload = await getPayload({ config: buildNewsroomConfig(env) })
    const { seedReferenceDistricts } = await import('../startup/seedReferenceDistricts')
    await seedReferenceDistricts(payload)
  } else {
    try {
      maxFileBytes = parseImportMaxBytes(process.env)
    } catch (error) {
      if (!(error instanceof EnvError)) throw error
      console.error(error.message)
      return 1
    }
  }
  if (maxBytesFlag !== undefined) maxFileBytes = Number(maxBytesFlag)

  const showProgress = process.stderr.isTTY && !parsed.values.json
  // Each result is printed (JSON) or cut down to its table row as it comes, then let go.
  const json = parsed.values.json
    ? createJsonArrayWriter((chunk) => (writeStdout(chunk) ? undefined : once(process.stdout, 'drain').then(() => undefined)))
    : null
  const rows: SummaryRow[] = []
  const totals = await runImport(payload, files, {
    dryRun,
    maxFileBytes,
    onResult: (result, done, total) => {
      if (!result.ok) {
        if (showProgress) process.stderr.write('\r\x1b[K') // the error on a line of its own, not after the bar
        console.error(result.error)
      }
      if (showProgress) process.stderr.write(`\r\x1b[K${renderProgressBar(done, total, result.file)}`)
      if (json) return json.add(toResultJson(result))
      rows.push(toSummaryRow(result))
    },
  })
  if (showProgress) process.stderr.write('\r\x1b[K')

  if (json) await json.close()
  process.stdout.write = writeStdout
  if (!json) console.log(formatSummaryTable(rows, totals))

  await payload?.destroy()
  return totals.failed > 0 ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
