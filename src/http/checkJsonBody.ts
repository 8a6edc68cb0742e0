import type { NextFunction, Request, Response } from 'express'

import { jsonNestingDepth, MAX_JSON_NESTING } from './jsonNesting'
import { malformedParameter } from './refuseMalformedParameters'

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT'])
const bodies = new WeakMap<Request, Buffer>()

/** The JSON body this middleware read and checked, for the Fetch adapter to hand on to Payload. */
export function takeCheckedBody(req: Request): Buffer | undefined {
  return bodies.get(req)
}

function isGetOverride(req: Request): boolean {
  return req.get('x-payload-http-method-override') === 'GET' || req.get('x-http-method-override') === 'GET'
}

function refuse(res: Response, status: number, message: string): void {
  res.status(status).json({ errors: [{ message }] })
}

function readBody(req: Request): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * Checks an API write's body before Payload sees it, answering the client's mistakes as such
 * instead of 500: a body that is neither JSON nor multipart nor a query sent as a form (415),
 * a query in a form body with a malformed parameter (400, as in a URL), JSON that does not parse
 * (400; Payload's GraphQL route throws its "Invalid JSON" past its own error handling), and JSON
 * nested deeper than MAX_JSON_NESTING (400; Payload and graphql-js walk documents recursively and
 * run out of stack on a body nested 100 000 deep). The body is at most REQUEST_BODY_MAX_BYTES
 * (limitRequestBody), so reading it here costs no more than Payload's own `req.text()`.
 */
export async function checkJsonBody(req: Request, res: Response, next: NextFunction) {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined
  if (!WRITE_METHODS.has(req.method) || !hasBody) return next()
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (contentType === 'multipart/form-data') return next()
  // Payload's admin sends long list queries as a POST with the query string in a form body (its
  // relationship and upload fields): Payload turns it into a GET with that query.
  const queryInBody = contentType === 'application/x-www-form-urlencoded' && isGetOverride(req)
  if (contentType !== 'application/json' && !queryInBody) {
    return refuse(res, 415, `request body: Content-Type ${contentType || '(none)'} is not accepted; send application/json (multipart/form-data for uploads)`)
  }
  let body: Buffer
  try {
    body = await readBody(req)
  } catch (error) {
    return next(error)
  }
  const text = body.toString('utf8')
  if (queryInBody) {
    const problem = malformedParameter(new URLSearchParams(text))
    if (problem) return refuse(res, 400, problem)
    bodies.set(req, body)
    return next()
  }
  try {
    if (text.trim() !== '') JSON.parse(text)
  } catch (error) {
    return refuse(res, 400, `request body: invalid JSON (${(error as Error).message})`)
  }
  if (jsonNestingDepth(text) > MAX_JSON_NESTING) {
    return refuse(res, 400, `request body: JSON nested deeper than ${MAX_JSON_NESTING} levels`)
  }
  bodies.set(req, body)
  next()
}
