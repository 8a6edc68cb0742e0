/**
 * Entry point: `npm run dev` (Next.js dev mode) and `npm start` (production build).
 * Reads the validated environment once, starts the CMS, and shuts down gracefully.
 */
import { loadEnvOrExit } from './env'

const SHUTDOWN_TIMEOUT_MS = 15_000

async function main() {
  const env = loadEnvOrExit()

  const { buildNewsroomConfig } = await import('./buildNewsroomConfig')
  const config = buildNewsroomConfig(env)
  const { createNewsroomServer } = await import('./http/createNewsroomServer')
  const server = await createNewsroomServer({
    env,
    config,
    withAdmin: true,
    dev: env.NODE_ENV !== 'production',
  })
  const { url } = await server.listen()
  server.payload.logger.info(`Newsroom CMS ready: site ${url}/ · admin ${url}/admin · REST ${url}/api · GraphQL ${url}/api/graphql`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    server.payload.logger.info(`${signal} received: finishing in-flight requests, then stopping`)
    const forceExit = setTimeout(() => {
      console.error(`Shutdown took longer than ${SHUTDOWN_TIMEOUT_MS} ms; exiting`)
      process.exit(1)
    }, SHUTDOWN_TIMEOUT_MS)
    forceExit.unref()
    try {
      await server.close()
      process.exit(0)
    } catch (error) {
      console.error('Shutdown failed:', error)
      process.exit(1)
    }
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

main().catch((error) => {
  // A refusal is meant for the operator: its one line, without a stack.
  console.error(error instanceof Error && error.name === 'StartupRefusal' ? error.message : error)
  process.exit(1)
})
