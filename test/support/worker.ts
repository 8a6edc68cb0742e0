import { spawn } from 'node:child_process'
import path from 'node:path'

import { currentLane } from './testDatabase'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** `npm run worker` (src/worker.ts) in a process of its own, on the given database, as an operator would run it beside a server. */
export function startWorkerProcess(databaseUri: string) {
  const worker = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/worker.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_OPTIONS: '--no-deprecation',
      // production: outside it Payload regenerates src/payload-types.ts at every start, a shared file.
      NODE_ENV: 'production',
      DATABASE_URI: databaseUri,
      MONGODB_COMPAT: currentLane() === 'mongodb' ? (process.env.TEST_MONGODB_COMPAT ?? 'none') : 'none',
      PAYLOAD_SECRET: 'test-secret-test-secret-test-secret-0123',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  worker.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  worker.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => worker.on('close', resolve))
  return {
    /** Everything the worker printed so far. */
    output: () => output,
    stop: async () => {
      worker.kill('SIGTERM')
      await exited
    },
  }
}
