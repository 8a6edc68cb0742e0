import http from 'node:http'

export interface LoadResult {
  requests: number
  /** Requests answered during the warm-up (not in the figures). */
  warmUpRequests: number
  errors: number
  seconds: number
  requestsPerSecond: number
  p50: number
  p99: number
  bytes: number
  /** Answers marked `X-Cache: hit` (served from the API's response cache). */
  cacheHits: number
  /** The first few failures: status and the start of the answer, or the connection error. */
  firstErrors: string[]
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

/**
 * Closed-loop load: `connections` keep-alive connections, each sending its next request when the
 * last answered. The first `warmUpSeconds` run on the same connections but are not counted: the
 * first request of each new connection waits behind whole rounds of the others while the 32
 * connections are set up (a staircase of up to several seconds), which is the harness starting,
 * not the server's steady state. Requests go to `urls` in turn (front ends ask for many districts
 * and stories, not one).
 */
export async function runLoad(urls: string[], options: { connections: number; seconds: number; warmUpSeconds?: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections })
  let sent = 0
  const nextUrl = () => urls[sent++ % urls.length]!
  const loop = (seconds: number, one: () => Promise<void>) => {
    const until = performance.now() + seconds * 1000
    return Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (performance.now() < until) await one()
      }),
    )
  }
  let warmUpRequests = 0
  const warmUp = () =>
    new Promise<void>((resolve) => {
      http
        .get(nextUrl(), { agent }, (res) =>
          res.resume().on('end', () => {
            warmUpRequests++
            resolve()
          }),
        )
        .on('error', () => resolve())
    })
  await loop(options.warmUpSeconds ?? 0, warmUp)
  const latencies: number[] = []
  let errors = 0
  let bytes = 0
  let cacheHits = 0
  const firstErrors: string[] = []
  const noteError = (text: string) => firstErrors.length < 3 && firstErrors.push(text)
  const started = performance.now()
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now()
      const url = nextUrl()
      http
        .get(url, { agent }, (res) => {
          if (res.headers['x-cache'] === 'hit') cacheHits++
          let start = ''
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length
            if (res.statusCode !== 200 && start.length < 200) start += chunk.toString('utf8', 0, 200)
          })
          res.on('end', () => {
            if (res.statusCode !== 200) {
              errors++
              noteError(`${res.statusCode} ${new URL(url).pathname}: ${start.slice(0, 200)}`)
            }
            latencies.push(performance.now() - t0)
            resolve()
          })
        })
        .on('error', (error) => {
          errors++
          noteError(`${new URL(url).pathname}: ${error.message}`)
          resolve()
        })
    })
  await loop(options.seconds, one)
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  return { requests: latencies.length, warmUpRequests, errors, seconds, requestsPerSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), bytes, cacheHits, firstErrors }
}
