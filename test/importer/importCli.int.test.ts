import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { collectSourceFiles } from '../../src/importer/read/collectSourceFiles'
import { callApi, signedInAs } from '../support/api'
import { importAndCollect } from '../support/importer'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { buildFreshDatabaseUri, currentLane } from '../support/testDatabase'

const ROOT = path.resolve(import.meta.dirname, '../..')

interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the import CLI (`npm run import -- seeds/`) in a child process against the given database. */
function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/importer/cli.ts', ...args], {
      cwd: ROOT,
      // production: outside it Payload regenerates src/payload-types.ts at every start, a shared file.
      env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '--no-deprecation', NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000)
    child.on('error', reject)
    child.on('close', (status) => {
      clearTimeout(timer)
      resolve({ status, stdout, stderr })
    })
  })
}

function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1) ?? ''
}

/** The CLI run twice on the five seeds: the first run stores them, the second finds nothing to change. */
describe('npm run import -- seeds/ against a fresh database', () => {
  const databaseUri = buildFreshDatabaseUri('import_cli')
  let env: Record<string, string>
  let mediaDir: string
  let warnings: number
  let first: CliRun
  let second: CliRun
  let server: TestServer | undefined

  beforeAll(async () => {
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-media-'))
    env = {
      DATABASE_URI: databaseUri,
      MONGODB_COMPAT: currentLane() === 'mongodb' ? (process.env.TEST_MONGODB_COMPAT ?? 'none') : 'none',
      PAYLOAD_SECRET: 'test-secret-test-secret-test-secret-0123',
      PAYLOAD_FORCE_DRIZZLE_PUSH: 'true',
      MEDIA_DIR: mediaDir,
      LOG_LEVEL: 'warn',
    }
    // The warnings the seeds carry, from the pure pipeline (no database), for the totals line.
    const parsed = await importAndCollect(null, await collectSourceFiles([path.join(ROOT, 'seeds')]), { dryRun: true })
    warnings = parsed.reduce((sum, result) => sum + (result.article?.warnings.length ?? 0), 0)
    first = await runCli(['seeds/'], env)
    second = await runCli(['seeds/'], env)
  }, 330_000)

  afterAll(async () => {
    await stopTestServer(server) // drops the MongoDB database on that lane
    fs.rmSync(mediaDir, { recursive: true, force: true })
    if (databaseUri.startsWith('file:')) {
      const file = databaseUri.slice('file:'.length)
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true })
    }
  })

  it('the first run creates the five articles and exits 0', () => {
    expect(first.stderr).toBe('')
    expect(first.status).toBe(0)
    expect(first.stdout.split('\n').filter((line) => /^seeds\/\S+\s+created\s/.test(line))).toHaveLength(5)
    expect(lastLine(first.stdout)).toBe(`created 5 · updated 0 · unchanged 0 · failed 0 · warnings ${warnings}`)
  })

  it('the second run finds all five unchanged and exits 0', () => {
    expect(second.stderr).toBe('')
    expect(second.status).toBe(0)
    expect(second.stdout.split('\n').filter((line) => /^seeds\/\S+\s+unchanged\s/.test(line))).toHaveLength(5)
    expect(lastLine(second.stdout)).toBe(`created 0 · updated 0 · unchanged 5 · failed 0 · warnings ${warnings}`)
  })

  it('the newsroom then sees exactly five draft articles, one per seed file', async () => {
    server = await startTestServer('import_cli_check', { databaseUri })
    await signedInAs(server, 'admin') // the first account is always an admin
    const editor = await signedInAs(server, 'editor')
    const response = await callApi(server.url, '/api/articles?limit=50&draft=true&depth=0&sort=provenance.sourceFile', {
      token: editor.token,
    })
    expect(response.status).toBe(200)
    expect(response.body.docs.map((doc: any) => [doc.provenance.sourceFile, doc._status])).toEqual(
      fs
        .readdirSync(path.join(ROOT, 'seeds'))
        .sort()
        .map((name) => [name, 'draft']),
    )
  })
})
