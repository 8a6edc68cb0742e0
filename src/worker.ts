/**
 * `npm run worker`: runs the jobs queue (scheduled publish and unpublish) without
 * serving HTTP, for deployments with several app servers started with JOBS_AUTORUN=false.
 * Any number of workers may run: each job attempt is claimed by exactly one.
 */
import { getPayload } from 'payload'

import { loadEnvOrExit } from './env'

async function main() {
  const env = loadEnvOrExit()
  const { buildNewsroomConfig } = await import('./buildNewsroomConfig')
  const config = buildNewsroomConfig(env)
  const { ScheduleRunner } = await import('./workflow/scheduling/ScheduleRunner')
  const payload = await getPayload({ config })
  const runner = new ScheduleRunner(payload, { name: `worker-${process.pid}` })
  await runner.start()
  payload.logger.info(`Job worker ${runner.name} running`)
  // The runner's timers are unref'd; this keeps the process alive until a signal arrives.
  const keepAlive = setInterval(() => undefined, 60_000)
  const stop = async (signal: string) => {
    payload.logger.info(`${signal}: stopping the job worker`)
    clearInterval(keepAlive)
    await runner.stop()
    await payload.destroy()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
