/**
 * A second app server for tests: the same factory as src/server.ts (API, feeds, no admin) in a
 * process of its own, on the database in DATABASE_URI; prints `listening <url>` once it answers.
 */
import { loadEnvOrExit } from '../../src/env'

async function main() {
  const env = loadEnvOrExit()
  const { buildNewsroomConfig } = await import('../../src/buildNewsroomConfig')
  const { createNewsroomServer } = await import('../../src/http/createNewsroomServer')
  const server = await createNewsroomServer({ env, config: buildNewsroomConfig(env), withAdmin: false })
  const { url } = await server.listen()
  console.log(`listening ${url}`)
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
