import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi } from '../support/api'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

describe('health checks', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer('health')
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  it('GET /healthz says the process is up', async () => {
    const response = await callApi(server.url, '/healthz')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ status: 'ok' })
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('GET /readyz says the database answers', async () => {
    const response = await callApi(server.url, '/readyz')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ status: 'ready', database: server.payload.db.name })
  })

  it('GET /readyz answers 503 with the reason once the database connection is gone', async () => {
    const db = server.payload.db as unknown as {
      name: string
      connection?: { close(): Promise<void> }
      client?: { close(): void }
    }
    if (db.name === 'mongoose') await db.connection!.close()
    else db.client!.close()

    const response = await callApi(server.url, '/readyz')
    expect(response.status).toBe(503)
    expect(response.body.status).toBe('unavailable')
    expect(response.body.reason).toMatch(/closed|disconnected/i)
    // The process itself is still up.
    expect((await callApi(server.url, '/healthz')).status).toBe(200)
  })
})
