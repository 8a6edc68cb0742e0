import path from 'node:path'
import { defineConfig } from 'vitest/config'

/**
 * Tests live by feature (test/workflow, test/delivery, test/photos, …), shared set-up in test/support;
 * a file's suffix says its kind (`*.int.test.ts`, `*.e2e.test.ts`, any other `*.test.ts` is unit):
 * - unit: pure code (importer steps, env parsing), no database;
 * - int:  the app started in-process and called over HTTP, once per database lane
 *         (SQLite always; MongoDB when TEST_MONGODB_URI is set, and required when CI=true);
 * - e2e:  against the production build: the admin in headless Chromium, and the reader
 *         site over HTTP (the latter in the MongoDB lane too: `e2e-mongodb`).
 */
const onCI = process.env.CI === 'true'
const mongoUri = process.env.TEST_MONGODB_URI
if (onCI && !mongoUri) {
  throw new Error('CI=true but TEST_MONGODB_URI is not set: the MongoDB test lane cannot run (see .ci/run)')
}

const alias = { '@payload-config': path.resolve(import.meta.dirname, 'src/payload.config.ts') }
const intLane = (name: string, env: Record<string, string>) => ({
  extends: true as const,
  test: {
    name,
    include: ['test/**/*.int.test.ts'],
    env: { ...env, NODE_ENV: 'test' as const },
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})

export default defineConfig({
  resolve: { alias },
  test: {
    pool: 'forks',
    // Ends a run by naming each lane it skipped, why, and the command that runs it.
    reporters: ['default', './test/support/skippedLanesReporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.int.test.ts', 'test/**/*.e2e.test.ts', 'node_modules/**'],
          testTimeout: 30_000,
        },
      },
      intLane('sqlite', { TEST_DB: 'sqlite' }),
      ...(mongoUri
        ? [intLane('mongodb', { TEST_DB: 'mongodb', TEST_MONGODB_URI: mongoUri })]
        : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          env: { NODE_ENV: 'production' as const },
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      // The reader site's pages read through the Local API: the same HTTP tests on MongoDB (ObjectID ids, no $lookup on FerretDB).
      ...(mongoUri
        ? [
            {
              extends: true as const,
              test: {
                name: 'e2e-mongodb',
                include: ['test/site/readerSite.e2e.test.ts'],
                env: { NODE_ENV: 'production' as const, TEST_DB: 'mongodb', TEST_MONGODB_URI: mongoUri },
                testTimeout: 120_000,
                hookTimeout: 300_000,
              },
            },
          ]
        : []),
    ],
  },
})
