import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi, type TestUser, signedInAs } from '../support/api'
import { createArticleAt } from '../support/articles'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

const MiB = 1024 * 1024
const UPLOAD_MAX_BYTES = 200_000

interface RawAnswer {
  status: number
  body: string
  /** Bytes of the body written before the answer arrived. */
  sentBeforeAnswer: number
}

/**
 * Streams a chunked request body (no Content-Length) of up to `totalBytes`, and stops writing
 * as soon as an answer arrives: shows whether the server answered before reading it all.
 */
function streamBody(url: string, path: string, headers: Record<string, string>, totalBytes: number): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let sent = 0
    let answered = false
    const request = http.request(`${url}${path}`, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } })
    request.on('response', (response) => {
      answered = true
      const sentBeforeAnswer = sent
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode!, body, sentBeforeAnswer }))
      response.on('error', reject)
    })
    request.on('error', (error) => (answered ? undefined : reject(error)))
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    const writeMore = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length
        if (!request.write(chunk)) return void request.once('drain', writeMore)
      }
      if (!answered) request.end()
    }
    writeMore()
  })
}

/** The edge of the server (src/http/): body limits and how credentials are counted. */
describe('the edge', () => {
  let server: TestServer
  let editor: TestUser

  beforeAll(async () => {
    server = await startTestServer('edge', { env: { UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES), API_RATE_LIMIT_PER_MINUTE: '4' } })
    await signedInAs(server, 'admin')
    editor = await signedInAs(server, 'editor')
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  /** A client address of its own per test, so the rate limit of one test does not spill into another. */
  let clientCounter = 0
  const newClient = () => ({ 'x-forwarded-for': `198.51.100.${++clientCounter}` })

  describe('request body size (REQUEST_BODY_MAX_BYTES, default 1 MiB; uploads UPLOAD_MAX_BYTES)', () => {
    it('a 2 MiB JSON body to /api/graphql is refused 413 with a message giving the limit', async () => {
      const padding = 'x'.repeat(2 * MiB)
      const response = await callApi(server.url, '/api/graphql', {
        method: 'POST',
        headers: newClient(),
        body: { query: '{ Articles { totalDocs } }', variables: { padding } },
      })
      expect(response.status).toBe(413)
      expect(response.body.errors[0].message).toBe('Request body too large: at most 1048576 bytes are accepted')
    })

    it('a body just under the limit is still read', async () => {
      const padding = 'x'.repeat(MiB - 1000)
      const response = await callApi(server.url, '/api/graphql', {
        method: 'POST',
        headers: newClient(),
        body: { query: 'query Q($padding: String) { Articles(where: { title: { equals: $padding } }) { totalDocs } }', variables: { padding } },
      })
      expect(response.body).toEqual({ data: { Articles: { totalDocs: 0 } } })
      expect(response.status).toBe(200)
    })

    it.each([
      { name: 'GraphQL', path: '/api/graphql' },
      { name: 'REST', path: '/api/articles' },
    ])('$name: a chunked body of no declared length is refused 413 while it streams, long before 300 MB are sent', async ({ path }) => {
      const answer = await streamBody(server.url, path, { ...newClient(), 'content-type': 'application/json' }, 300 * MiB)
      expect(answer.status).toBe(413)
      expect(JSON.parse(answer.body).errors[0].message).toMatch(/at most 1048576 bytes/)
      // The answer came while the body was still being sent: the server never waited for (or kept) all of it.
      expect(answer.sentBeforeAnswer).toBeLessThan(16 * MiB)
    })

    it('an upload (multipart) gets UPLOAD_MAX_BYTES plus 1 MiB for its form fields, and no more', async () => {
      const answer = await streamBody(server.url, '/api/photos', { ...newClient(), 'content-type': 'multipart/form-data; boundary=edge' }, 300 * MiB)
      expect(answer.status).toBe(413)
      expect(JSON.parse(answer.body).errors[0].message).toBe(
        `File size limit has been reached: an upload may be at most ${UPLOAD_MAX_BYTES} bytes (UPLOAD_MAX_BYTES)`,
      )
      expect(answer.sentBeforeAnswer).toBeLessThan(16 * MiB)
    })
  })

  describe('credentials are verified before a request counts as signed in', () => {
    const madeUp: { name: string; headers: Record<string, string> }[] = [
      { name: 'Authorization: JWT x', headers: { authorization: 'JWT x' } },
      { name: 'Authorization: Bearer (a well-formed token signed with another secret)', headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiIsImF1dGhWZXJzaW9uIjoxLCJ0eXAiOiJKV1QifQ.eyJpZCI6IjEiLCJjb2xsZWN0aW9uIjoidXNlcnMiLCJleHAiOjQxMDI0NDQ4MDB9.c2lnbmVkLXdpdGgtYW5vdGhlci1zZWNyZXQtMDAwMDAwMDA' } },
      { name: 'Authorization: users API-Key x', headers: { authorization: 'users API-Key x' } },
      { name: 'Cookie: payload-token=x', headers: { cookie: 'payload-token=x' } },
    ]

    it.each(madeUp)('$name is rate-limited as anonymous (API_RATE_LIMIT_PER_MINUTE=4: the fifth is 429)', async ({ headers }) => {
      const client = newClient()
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) statuses.push((await callApi(server.url, '/api/districts', { headers: { ...client, ...headers } })).status)
      expect(statuses).toEqual([200, 200, 200, 200, 429])
    })

    it.each(madeUp)('$name is answered from the response cache like any anonymous read', async ({ headers }) => {
      const story = await createArticleAt(server.payload, 'published', { title: `边缘：伪造凭据 ${Object.values(headers).join()}` })
      const path = `/api/articles?where[id][equals]=${story.id}`
      await callApi(server.url, path, { headers: newClient() })
      const forged = await callApi(server.url, path, { headers: { ...newClient(), ...headers } })
      expect(forged.status).toBe(200)
      expect(forged.headers.get('x-cache')).toBe('hit')
      expect(forged.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    })

    it('a real session token counts as signed in: the higher limit, never cached', async () => {
      const client = newClient()
      const statuses: number[] = []
      for (let i = 0; i < 6; i++) {
        const response = await callApi(server.url, '/api/districts', { token: editor.token, headers: client })
        statuses.push(response.status)
        expect(response.headers.get('cache-control')).toBe('private, no-store')
        expect(response.headers.get('x-cache')).toBeNull()
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200])
      const viaCookie = await callApi(server.url, '/api/districts', { headers: { ...newClient(), cookie: `payload-token=${editor.token}` } })
      expect(viaCookie.headers.get('cache-control')).toBe('private, no-store')
    })
  })

  describe('malformed queries and bodies are 400 naming the parameter, never 500', () => {
    it.each([
      { query: 'where[title][near]=1,2', message: 'where[title][near]: the near operator applies to point fields only; "title" is a text field' },
      { query: 'where[createdAt][greater_than]=notadate', message: /^where\[createdAt\]\[greater_than\]: expected a date .*got "notadate"$/ },
      { query: 'where[or][0][createdAt][less_than]=x', message: /^where\[or\]\[0\]\[createdAt\]\[less_than\]: expected a date/ },
      { query: 'where[title][exists]=maybe', message: 'where[title][exists]: expected true or false, got "maybe"' },
      { query: 'where[title][equals][x]=1', message: 'where[title][equals]: expected a value, got an object' },
      { query: 'where=abc', message: 'where: expected conditions like where[field][operator]=value, or a JSON object' },
      { query: 'data=abc', message: 'data: expected conditions like where[field][operator]=value, or a JSON object' },
      { query: `where=${encodeURIComponent('{"createdAt":{"greater_than":"notadate"}}')}`, message: /^where\[createdAt\]\[greater_than\]: expected a date/ },
      { query: 'limit=1.5', message: 'limit: expected a whole number of 0 or more, got "1.5"' },
      { query: 'page=-1', message: 'page: expected a whole number of 0 or more, got "-1"' },
      { query: 'limit=1&limit=1', message: 'limit: given 2 times; give it once' },
      { query: 'depth=1&page=2&depth=0', message: 'depth: given 2 times; give it once' },
    ])('GET /api/articles?$query', async ({ query, message }) => {
      const response = await callApi(server.url, `/api/articles?${query}`, { headers: newClient() })
      expect(response.status).toBe(400)
      expect(response.body.errors[0].message).toMatch(message)
    })

    it('a where sent as JSON (which Payload accepts) still answers', async () => {
      const response = await callApi(server.url, `/api/articles?where=${encodeURIComponent('{"title":{"equals":"无此标题"}}')}`, { headers: newClient() })
      expect(response.status).toBe(200)
      expect(response.body.totalDocs).toBe(0)
    })

    it('where[tags][all]=a: 400 on SQLite (no such operator there), a plain answer on MongoDB', async () => {
      const response = await callApi(server.url, '/api/articles?where[tags][all]=a', { headers: newClient() })
      if (server.payload.db.name === 'mongoose') {
        expect(response.status).toBe(200)
        expect(response.body.totalDocs).toBe(0)
      } else {
        expect(response.status).toBe(400)
        expect(response.body.errors[0].message).toBe('where[tags][all]: the all operator is not supported by this database; use in')
      }
    })

    it('GraphQL gets the same where check (its schema offers `all` on tags)', async () => {
      const response = await callApi(server.url, '/api/graphql', {
        method: 'POST',
        headers: newClient(),
        body: { query: '{ Articles(where: { tags: { all: ["a"] } }) { totalDocs } }' },
      })
      if (server.payload.db.name === 'mongoose') {
        expect(response.body).toEqual({ data: { Articles: { totalDocs: 0 } } })
      } else {
        expect(response.body.errors.map((error: { message: string }) => error.message)).toEqual([
          'where[tags][all]: the all operator is not supported by this database; use in',
        ])
        expect(response.body.errors[0].extensions.statusCode).toBe(400)
      }
    })

    it.each([
      { name: 'invalid JSON to /api/graphql', body: '{"query": ', status: 400, message: /^request body: invalid JSON \(/ },
      { name: 'JSON nested 100 000 deep', body: `{"query":"{ Articles { totalDocs } }","variables":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`, status: 400, message: 'request body: JSON nested deeper than 128 levels' },
      { name: 'a text/plain body', body: 'hello', contentType: 'text/plain', status: 415, message: /^request body: Content-Type text\/plain is not accepted/ },
    ])('$name', async ({ body, contentType, status, message }) => {
      const response = await fetch(`${server.url}/api/graphql`, {
        method: 'POST',
        headers: { ...newClient(), 'content-type': contentType ?? 'application/json' },
        body,
      })
      expect(response.status).toBe(status)
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(message)
    })

    it.each([
      { body: 'where[title][equals]=none&limit=5', status: 200, check: (answer: any) => expect(answer.limit).toBe(5) },
      { body: 'limit=1.5', status: 400, check: (answer: any) => expect(answer.errors[0].message).toBe('limit: expected a whole number of 0 or more, got "1.5"') },
      { body: 'where[createdAt][greater_than]=notadate', status: 400, check: (answer: any) => expect(answer.errors[0].message).toMatch(/^where\[createdAt\]\[greater_than\]: expected a date/) },
    ])('a query sent as a form body (the admin’s relationship fields: POST + X-Payload-HTTP-Method-Override: GET) $body → $status', async ({ body, status, check }) => {
      const response = await fetch(`${server.url}/api/articles`, {
        method: 'POST',
        headers: { ...newClient(), 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET', authorization: `JWT ${editor.token}` },
        body,
      })
      expect(response.status).toBe(status)
      check(await response.json())
    })

    it('a deeply nested body to REST is refused as well, signed in or not', async () => {
      const nested = `{"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
      const response = await fetch(`${server.url}/api/districts`, {
        method: 'POST',
        headers: { ...newClient(), 'content-type': 'application/json', authorization: `JWT ${editor.token}` },
        body: nested,
      })
      expect(response.status).toBe(400)
    })
  })

  describe('list size (API_MAX_LIMIT, default 100)', () => {
    it.each(['limit=100000', 'limit=0', 'pagination=false'])('REST ?%s answers at most 100 documents', async (query) => {
      const response = await callApi(server.url, `/api/articles?${query}`, { headers: newClient() })
      expect(response.status).toBe(200)
      expect(response.body.limit).toBe(100)
    })

    it.each(['limit: 100000', 'limit: 0', 'pagination: false'])('GraphQL (%s) answers at most 100 documents', async (argument) => {
      const response = await callApi(server.url, '/api/graphql', { method: 'POST', headers: newClient(), body: { query: `{ Articles(${argument}) { limit } }` } })
      expect(response.body).toEqual({ data: { Articles: { limit: 100 } } })
    })

    it('a signed-in editor is capped too, and a small limit is kept', async () => {
      expect((await callApi(server.url, '/api/articles?limit=5000', { token: editor.token })).body.limit).toBe(100)
      expect((await callApi(server.url, '/api/articles?limit=7', { token: editor.token })).body.limit).toBe(7)
    })
  })

  describe('security headers (the API and health checks here; the reader site and admin in test/server/securityHeaders.e2e.test.ts)', () => {
    it.each(['/api/articles', '/healthz', '/api/nothing-here'])('%s carries CSP with frame-ancestors, nosniff, a referrer policy; no HSTS over plain HTTP', async (path) => {
      const response = await callApi(server.url, path, { headers: newClient() })
      expect(response.headers.get('content-security-policy')).toMatch(/(^|; )frame-ancestors 'self'(;|$)/)
      expect(response.headers.get('content-security-policy')).toMatch(/(^|; )object-src 'none'(;|$)/)
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(response.headers.get('strict-transport-security')).toBeNull()
    })

    it('HSTS when the request came over HTTPS (the loopback proxy says so in X-Forwarded-Proto)', async () => {
      const response = await callApi(server.url, '/healthz', { headers: { 'x-forwarded-proto': 'https' } })
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000')
    })

    it('outside production the session cookie may travel over plain HTTP (no Secure)', async () => {
      const login = await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: editor.email, password: editor.password }),
      })
      expect(login.status).toBe(200)
      const cookie = login.headers.getSetCookie().find((value) => value.startsWith('payload-token='))!
      expect(cookie).toMatch(/HttpOnly/i)
      expect(cookie).not.toMatch(/;\s*Secure/i)
    })
  })
})

describe('the session cookie in production', () => {
  it('is Secure (and HttpOnly, SameSite=Lax)', async () => {
    const server = await startTestServer('edge-production', { env: { NODE_ENV: 'production' } })
    try {
      const user = await signedInAs(server, 'admin')
      const login = await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: user.password }),
      })
      const cookie = login.headers.getSetCookie().find((value) => value.startsWith('payload-token='))!
      expect(cookie).toMatch(/;\s*Secure/i)
      expect(cookie).toMatch(/;\s*HttpOnly/i)
      expect(cookie).toMatch(/;\s*SameSite=Lax/i)
    } finally {
      await stopTestServer(server)
    }
  })
})
