/** What the lane watches while a phase runs: time per Local API call, and the event loop's longest stall and the CPU used. */
import type { Payload } from 'payload'

import type { TimingRow } from './protocol'

/**
 * Times every Local API call by collection, and the adapter's updateJobs (Payload's job
 * updates bypass the Local API when the jobs have no hooks), while `active`. Nested calls
 * (the audit entry written inside the article update) are counted in both.
 */
export function instrumentPayload(payload: Payload) {
  const timings = new Map<string, TimingRow>()
  let active = false
  const record = (call: string, ms: number) => {
    if (!active) return
    const row = timings.get(call) ?? { call, calls: 0, ms: 0 }
    row.calls++
    row.ms += ms
    timings.set(call, row)
  }
  const wrap = (target: object, method: string, describe: (args: unknown[]) => string) => {
    const host = target as Record<string, (...args: unknown[]) => Promise<unknown>>
    const original = host[method]!.bind(target)
    host[method] = async (...args: unknown[]) => {
      const started = performance.now()
      try {
        const result = await original(...args)
        record(describe(args), performance.now() - started)
        return result
      } catch (error) {
        record(`${describe(args)} (threw)`, performance.now() - started)
        throw error
      }
    }
  }
  const byCollection = (operation: string) => (args: unknown[]) => `${operation} ${(args[0] as { collection?: string }).collection}`
  for (const operation of ['create', 'find', 'findByID', 'update', 'delete']) wrap(payload, operation, byCollection(operation))
  wrap(payload.db, 'updateJobs', () => 'db.updateJobs payload-jobs')
  wrap(payload.jobs, 'runByID', () => 'jobs.runByID')
  return {
    start() {
      timings.clear()
      active = true
    },
    stop(): TimingRow[] {
      active = false
      return [...timings.values()].sort((a, b) => b.ms - a.ms)
    },
  }
}

export type Instrument = ReturnType<typeof instrumentPayload>

/**
 * Watches the event loop while `run` runs: the longest it could not turn (no timer, no
 * socket served), and the process's CPU time. A 10 ms ticker; the gap still open when
 * `run` ends counts too (monitorEventLoopDelay reports 0 when the loop never turned at all).
 * Also the most CPU time the process spent within one such gap: on a shared machine a gap
 * is often the process waiting for a core, which no code of ours can shorten; the CPU spent
 * in it is our own synchronous stretch (and GC), and does not grow with the load.
 * `longestStallAt`: when the longest gap began (ms since the epoch).
 */
export async function watchEventLoop<T>(
  run: () => Promise<T>,
): Promise<{ value: T; longestStallMs: number; longestStallAt: number; longestBusyStallMs: number; cpuMs: number }> {
  const tick = 10
  const cpuMsSince = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since)
    return (used.user + used.system) / 1000
  }
  let last = performance.now()
  let lastCpu = process.cpuUsage()
  let longest = 0
  let longestAt = Date.now()
  let longestBusy = 0
  const timer = setInterval(() => {
    const now = performance.now()
    if (now - last - tick > longest) {
      longest = now - last - tick
      longestAt = Date.now() - (now - last)
    }
    longestBusy = Math.max(longestBusy, cpuMsSince(lastCpu))
    last = now
    lastCpu = process.cpuUsage()
  }, tick)
  const cpu = process.cpuUsage()
  try {
    const value = await run()
    const openStall = performance.now() - last - tick
    return {
      value,
      longestStallMs: Math.max(longest, openStall, 0),
      longestStallAt: openStall > longest ? Date.now() - (performance.now() - last) : longestAt,
      longestBusyStallMs: Math.max(longestBusy, cpuMsSince(lastCpu)),
      cpuMs: cpuMsSince(cpu),
    }
  } finally {
    clearInterval(timer)
  }
}

/**
 * Lets the event loop turn until the work done before a measurement has left nothing behind.
 * A loop of awaited SQLite calls (the set-up's thousands of creates) never yields to the event
 * loop, so the Node-API finalizers of libsql's per-query cursors that V8's collections queue in
 * the meantime all run at its first yield, in one go (gdb: DrainFinalizerQueue; measured: 8.4 s
 * at load 10 after 500 plain publishes and 1,000 stories set up, none of it the runner's). Without
 * this, that drain fell in the burst's watch window, before the instant, and was counted as the
 * runner's stall. Returns how long the loop took to turn, for the progress log.
 */
export async function settleEventLoop(): Promise<number> {
  const started = performance.now()
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve))
  await new Promise((resolve) => setTimeout(resolve, 50))
  return performance.now() - started - 50
}
