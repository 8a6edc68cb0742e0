import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
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

/** A second app server (test/support/apiServerProcess.ts) in a process of its own on the given database; resolves once it listens. */
export async function startApiServerProcess(databaseUri: string, port: number) {
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-media-'))
  const server = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'test/support/apiServerProcess.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_OPTIONS: '--no-deprecation',
      // production: outside it Payload regenerates src/payload-types.ts at every start, a shared file.
      NODE_ENV: 'production',
      DATABASE_URI: databaseUri,
      MONGODB_COMPAT: currentLane() === 'mongodb' ? (process.env.TEST_MONGODB_COMPAT ?? 'none') : 'none',
      PAYLOAD_SECRET: 'test-secret-test-secret-test-secret-0123',
      HOST: '127.0.0.1',
      PORT: String(port),
      SERVER_URL: `http://127.0.0.1:${port}`,
      MEDIA_DIR: mediaDir,
      SEED_ON_START: 'false',
      JOBS_AUTORUN: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => server.on('close', resolve))
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      const listening = /listening (\S+)/.exec(output)
      if (listening) resolve(listening[1]!)
    })
    server.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    void exited.then((code) => reject(new Error(`The second app server exited (${code}): ${output}`)))
  })
  return {
    url,
    output: () => output,
    stop: async () => {
      server.kill('SIGTERM')
      await exited
    },
  }
}
