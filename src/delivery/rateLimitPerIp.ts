import type { NextFunction, Request, Response } from 'express'

import { isAnonymousRequest } from './isAnonymousRequest'

export interface RateLimitOptions {
  /** Requests per window and client IP; 0 turns the limit off. */
  limit: number
  windowMs?: number
  /** Requests that carry credentials get this many times the limit (the newsroom shares office IPs). */
  signedInFactor?: number
  now?: () => number
}

/**
 * A fixed-window rate limit per client IP, in memory (one server's count: behind several
 * servers each counts its own share). Over the limit: 429 with Retry-After (seconds until the
 * window ends). Besides this, Payload locks an account after repeated failed logins.
 */
export function rateLimitPerIp({ limit, windowMs = 60_000, signedInFactor = 10, now = Date.now }: RateLimitOptions) {
  let windowStart = now()
  let counts = new Map<string, number>()
  return (req: Request, res: Response, next: NextFunction) => {
    if (limit <= 0) return next()
    const time = now()
    if (time - windowStart >= windowMs) {
      windowStart = time - ((time - windowStart) % windowMs)
      counts = new Map()
    }
    const anonymous = isAnonymousRequest({ get: (name) => req.get(name) ?? null })
    const key = `${anonymous ? 'anon' : 'auth'}:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`
    const allowed = anonymous ? limit : limit * signedInFactor
    const count = (counts.get(key) ?? 0) + 1
    counts.set(key, count)
    const resetSeconds = Math.max(1, Math.ceil((windowStart + windowMs - time) / 1000))
    res.setHeader('RateLimit-Limit', String(allowed))
    res.setHeader('RateLimit-Remaining', String(Math.max(0, allowed - count)))
    res.setHeader('RateLimit-Reset', String(resetSeconds))
    if (count > allowed) {
      res.setHeader('Retry-After', String(resetSeconds))
      res.status(429).json({ errors: [{ message: `Too many requests: at most ${allowed} a minute; retry in ${resetSeconds} s` }] })
      return
    }
    next()
  }
}
