import fs from 'node:fs'
import path from 'node:path'

/** What each test lane needs that a fresh clone may lack (no Playwright here: vitest.config.ts reads it). */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ROOT = path.resolve(import.meta.dirname, '../..')

/** Why the Next.js pages cannot be served here (no production build), or null when they can. */
export function findProductionBuildBlocker(): string | null {
  if (!fs.existsSync(path.join(ROOT, '.next/BUILD_ID'))) return 'no production build (npm run build)'
  return null
}

/** Why the browser lane cannot run here, or null when it can. */
export function findBrowserLaneBlocker(): string | null {
  if (!fs.existsSync(CHROMIUM_PATH)) return `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`
  return findProductionBuildBlocker()
}

export interface SkippedLane {
  lane: string
  why: string
  /** What runs it. */
  command: string
}

/** The lanes (or parts of one) `npm test` leaves out on this machine, why, and the command that runs each. */
export function listSkippedLanes(env: Record<string, string | undefined> = process.env): SkippedLane[] {
  const skipped: SkippedLane[] = []
  const build = findProductionBuildBlocker()
  const mongo = env.TEST_MONGODB_URI ? null : 'TEST_MONGODB_URI is not set'
  const mongoCommand = 'TEST_MONGODB_URI=mongodb://127.0.0.1:27017/ npm test -- --project mongodb (FerretDB: add TEST_MONGODB_COMPAT=ferretdb; docs/mongodb.md)'
  if (mongo) skipped.push({ lane: 'mongodb', why: mongo, command: mongoCommand })
  if (build) {
    skipped.push({ lane: 'e2e', why: `${build}: the reader site over HTTP and the admin in Chromium`, command: 'npm run build && npm test -- --project e2e' })
  } else if (!fs.existsSync(CHROMIUM_PATH)) {
    skipped.push({ lane: 'e2e (browser tests)', why: `no Chromium at ${CHROMIUM_PATH}`, command: 'apt-get install -y chromium (or CHROMIUM_PATH=…) && npm test -- --project e2e' })
  }
  const e2eMongo = [mongo, build].filter(Boolean).join('; ')
  if (e2eMongo) {
    skipped.push({ lane: 'e2e-mongodb', why: e2eMongo, command: 'npm run build && TEST_MONGODB_URI=mongodb://127.0.0.1:27017/ npm test -- --project e2e-mongodb' })
  }
  return skipped
}

/** The summary `npm test` prints at its end; empty when every lane ran. */
export function describeSkippedLanes(skipped: readonly SkippedLane[]): string {
  if (skipped.length === 0) return ''
  const lines = skipped.map(({ lane, why, command }) => `  ${lane}: skipped, ${why}\n    run it: ${command}`)
  return `\nLanes not run here (with CI=true each is a failure; bash .ci/run sets everything up):\n${lines.join('\n')}\n`
}
