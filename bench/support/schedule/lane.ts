/**
 * One database lane of `npm run bench:schedule`, run in a child process of
 * bench/schedule.ts (the config reads DATABASE_URI once per process). Receives a
 * LaneRequest over IPC, starts Payload in-process on that database, measures,
 * answers with a LaneResult and exits. Jobs run through the app's ScheduleRunner
 * (src/workflow/scheduling/ScheduleRunner.ts) and Payload's own schedulePublish task. Also the entry of
 * the second runner's process (secondRunner.ts). Beside it: protocol.ts (the messages and
 * results), lanePayload.ts (start-up and set-up), measure.ts (the phases), outcome.ts
 * (reading back what happened), instrument.ts (call timings, event-loop stalls).
 */
import os from 'node:os'

import type { ChildMessage, LaneRequest, LaneResult } from './protocol'

import { ScheduleRunner } from '../../../src/workflow/scheduling/ScheduleRunner'
import { instrumentPayload } from './instrument'
import { countPublishes, createChiefEditor, createScheduledStories, exitWithError, progress, startPayload } from './lanePayload'
import { combinePlain, measureBurst, measureSpread, publishOneByOne } from './measure'
import { type RunnerProcess, serveRunner, startRunnerProcess } from './secondRunner'

async function runLane(request: LaneRequest): Promise<LaneResult> {
  const loadStart = os.loadavg()
  const setupStarted = performance.now()
  const payload = await startPayload(request)
  try {
    const chief = await createChiefEditor(payload)
    const setupSeconds = (performance.now() - setupStarted) / 1000
    const options = { concurrency: request.concurrency, pollIntervalMs: request.pollIntervalMs }
    const runner = new ScheduleRunner(payload, { ...options, name: 'bench-runner-1' })
    const probe = runner as unknown as { concurrency: number; pollIntervalMs: number }
    const setting = { payload, request, chief, publishesSoFar: countPublishes(payload), instrument: request.profile ? instrumentPayload(payload) : null }
    await runner.start()

    progress(`(a) ${request.spreadCount} stories at distinct instants over ${request.spreadSeconds} s`)
    const spread = await measureSpread(setting)
    // The plain loop runs in two halves, before and after the one-runner burst, so that a change
    // in the machine's load during the run weighs on both alike.
    const plainIds = await createScheduledStories(payload, request.burstCount, 'plain loop')
    const half = Math.ceil(plainIds.length / 2)
    progress(`(b) plain loop, first ${half} Local API publishes`)
    const plainFirst = await publishOneByOne(setting, plainIds.slice(0, half))
    progress(`(b) ${request.burstCount} stories at one instant, one runner`)
    const burstOneRunner = await measureBurst(setting, [runner.name], '(b) one runner')
    progress(`(b) plain loop, other ${plainIds.length - half} Local API publishes`)
    const plain = combinePlain(plainFirst, await publishOneByOne(setting, plainIds.slice(half)))
    const inOwnProcess = request.secondRunner === 'process'
    progress(`(b) ${request.burstCount} stories at one instant, two runners (the second ${inOwnProcess ? 'in a process of its own' : 'in this process'})`)
    const secondName = inOwnProcess ? 'bench-runner-2 (own process)' : 'bench-runner-2'
    let stopSecond: () => Promise<void> = async () => undefined
    let secondProcess: RunnerProcess | undefined
    // Started once the stories are set up, so that the setup writes do not meet its polls on the SQLite lock.
    const startSecond = async () => {
      if (inOwnProcess) {
        secondProcess = await startRunnerProcess(request, secondName)
        stopSecond = () => secondProcess!.stop()
      } else {
        const second = new ScheduleRunner(payload, { ...options, name: secondName })
        await second.start()
        stopSecond = () => second.stop()
      }
    }
    const lookElsewhere = inOwnProcess ? (ids: string[]) => secondProcess!.look(ids) : undefined
    // A failure here (the two processes fighting over the SQLite file) is a result too: keep the others.
    const burstTwoRunners = await measureBurst(setting, [runner.name, secondName], '(b) two runners', startSecond, lookElsewhere).catch(
      (error: unknown) => ({ error: (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300) }),
    )
    await Promise.all([runner.stop(), stopSecond()])
    return {
      lane: request.lane,
      adapter: payload.db.name,
      runnerConcurrency: probe.concurrency,
      runnerPollMs: probe.pollIntervalMs,
      setupSeconds,
      spread,
      burstOneRunner,
      plain,
      burstTwoRunners,
      loadAverage: { start: loadStart, end: os.loadavg() },
    }
  } finally {
    if (request.lane === 'mongodb') {
      const connection = (payload.db as unknown as { connection?: { dropDatabase(): Promise<unknown> } }).connection
      await connection?.dropDatabase().catch(() => undefined)
    }
    await payload.destroy()
  }
}

if (process.send) {
  process.once('message', (message: ChildMessage) => {
    if (message.kind === 'lane') {
      runLane(message.request).then((result) => process.send!(result, () => process.exit(0)), exitWithError)
    } else if (message.kind === 'runner') {
      serveRunner(message.request, message.name).then(() => process.exit(0), exitWithError)
    }
  })
}
