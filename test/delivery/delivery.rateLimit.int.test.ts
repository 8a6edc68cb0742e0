import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi } from '../support/api'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

/** The public API's rate limit (API_RATE_LIMIT_PER_MINUTE), per client IP, in a fixed one-minute window. */
describe('API rate limit', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer('ratelimit', { env: { API_RATE_LIMIT_PER_MINUTE: '3' } })
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  it('the fourth anonymous request in a minute gets 429 with Retry-After; health checks are not limited', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await callApi(server.url, '/api/districts')).status)
    expect(statuses).toEqual([200, 200, 200])
    const refused = await callApi(server.url, '/api/districts')
    expect(refused.status).toBe(429)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(refused.headers.get('ratelimit-remaining')).toBe('0')
    expect((await callApi(server.url, '/api/graphql', { method: 'POST', body: { query: '{ Districts { totalDocs } }' } })).status).toBe(429)
    expect((await callApi(server.url, '/healthz')).status).toBe(200)
  })

  it('a client behind the (loopback) proxy is counted by its forwarded address', async () => {
    const other = await callApi(server.url, '/api/districts', { headers: { 'x-forwarded-for': '203.0.113.7' } })
    expect(other.status).toBe(200)
    expect(other.headers.get('ratelimit-remaining')).toBe('2')
  })
})
