import type { NextFunction, Request, Response } from 'express'

const ALLOWED_METHODS = 'GET, HEAD, POST, OPTIONS'
const ALLOWED_HEADERS = 'Content-Type, Authorization, If-None-Match, Accept-Language'
const EXPOSED_HEADERS = 'ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset'

/**
 * CORS for the API from an allow-list of origins (CORS_ORIGINS; `*` for any). A listed origin
 * gets its own origin echoed back; any other gets no CORS headers, so browsers refuse to hand
 * it the response. Credentials (cookies) are never allowed cross-origin: front ends read public
 * content, and the admin is same-origin. Preflights are answered here, never by Payload.
 */
export function corsAllowList(origins: readonly string[]) {
  const anyOrigin = origins.includes('*')
  const allowed = new Set(origins)
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin
    res.vary('Origin')
    const isAllowed = typeof origin === 'string' && (anyOrigin || allowed.has(origin))
    if (isAllowed) {
      res.setHeader('Access-Control-Allow-Origin', anyOrigin ? '*' : origin)
      res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS)
    }
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      if (isAllowed) {
        res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS)
        res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS)
        res.setHeader('Access-Control-Max-Age', '600')
      }
      res.status(204).end()
      return
    }
    next()
  }
}
