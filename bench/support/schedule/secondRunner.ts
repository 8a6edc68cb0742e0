/** The two-runner burst's second runner, in a process of its own on the same database (as `npm run worker` beside a server). */
import { fork } from 'node:child_process'
import path from 'node:path'

import type { ChildMessage, LaneRequest, View } from './protocol'

import { ScheduleRunner } from '../../../src/workflow/scheduling/ScheduleRunner'
import { exitWithError, startPayload } from './lanePayload'
import { lookAt } from './outcome'

/** The lane process's entry, which also serves as the second runner's (see its dispatch). */
const LANE_ENTRY = path.join(import.meta.dirname, 'lane.ts')

export interface RunnerProcess {
  /** The outcome as the runner's process sees it. */
  look(ids: string[]): Promise<View>
  stop(): Promise<void>
}

/** A second ScheduleRunner in a process of its own on the same database; resolves once it runs. */
export async function startRunnerProcess(request: LaneRequest, name: string): Promise<RunnerProcess> {
  const child = fork(LANE_ENTRY, [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const nextMessage = () =>
    new Promise<unknown>((resolve, reject) => {
      child.once('message', resolve)
      void exited.then((code) => reject(new Error(`${name}: the runner process exited with ${code}`)))
    })
  const ready = nextMessage()
  child.send({ kind: 'runner', request, name } satisfies ChildMessage)
  await ready
  return {
    async look(ids) {
      const reply = nextMessage()
      child.send({ kind: 'look', ids } satisfies ChildMessage)
      return (await reply) as View
    },
    async stop() {
      child.send({ kind: 'stop' } satisfies ChildMessage)
      const code = await exited
      if (code !== 0) throw new Error(`${name}: the runner process exited with ${code}`)
    },
  }
}

/** The second runner's process: starts Payload and a ScheduleRunner, answers looks, runs until told to stop. */
export async function serveRunner(request: LaneRequest, name: string): Promise<void> {
  const payload = await startPayload(request)
  const runner = new ScheduleRunner(payload, { concurrency: request.concurrency, pollIntervalMs: request.pollIntervalMs, name })
  await runner.start()
  const stopped = new Promise<void>((resolve) =>
    process.on('message', (message: ChildMessage) => {
      if (message.kind === 'stop') resolve()
      if (message.kind === 'look') void lookAt(payload, message.ids).then((view) => process.send!(view), exitWithError)
    }),
  )
  process.send!({ kind: 'ready' })
  await stopped
  await runner.stop()
  await payload.destroy()
}
