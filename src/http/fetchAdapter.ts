import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'

import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'

import { takeCheckedBody } from './checkJsonBody'
import { CLIENT_IP_HEADER } from './clientIp'

/** Converts an Express request into the Fetch API Request that Payload's handlers take. */
export function toFetchRequest(req: ExpressRequest): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  headers.set(CLIENT_IP_HEADER, req.ip ?? req.socket.remoteAddress ?? 'unknown')
  const url = `${req.protocol}://${req.headers.host ?? 'localhost'}${req.originalUrl}`
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  // A JSON body was already read and checked at the edge (checkJsonBody); anything else streams on.
  const checked = takeCheckedBody(req)
  if (checked) return new Request(url, { method: req.method, headers, body: new Uint8Array(checked) })
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    // Required by undici for streamed request bodies.
    duplex: hasBody ? 'half' : undefined,
  } as RequestInit)
}

/** Writes a Fetch API Response (status, headers, cookies, streamed body) to Express; `headers` override the response's. */
export async function sendFetchResponse(res: ExpressResponse, response: Response, headers: Record<string, string> = {}): Promise<void> {
  if (res.headersSent) {
    // Already answered at the edge (a body over its limit got its 413 while the handler was reading it).
    await response.body?.cancel()
    return
  }
  res.status(response.status)
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value)
  })
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream), res)
}
