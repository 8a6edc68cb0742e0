import http from 'node:http'

export interface LoadResult {
  requests: number
  errors: number
  seconds: number
  requestsPerSecond: number
  p50: number
  p99: number
  bytes: number
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

/** Closed-loop load: `connections` keep-alive connections, each sending its next request when the last answered. */
export async function runLoad(url: string, options: { connections: number; seconds: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections })
  const latencies: number[] = []
  let errors = 0
  let bytes = 0
  const started = performance.now()
  const until = started + options.seconds * 1000
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now()
      http
        .get(url, { agent }, (res) => {
          res.on('data', (chunk: Buffer) => (bytes += chunk.length))
          res.on('end', () => {
            if (res.statusCode !== 200) errors++
            latencies.push(performance.now() - t0)
            resolve()
          })
        })
        .on('error', () => {
          errors++
          resolve()
        })
    })
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < until) await one()
    }),
  )
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  return { requests: latencies.length, errors, seconds, requestsPerSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), bytes }
}
