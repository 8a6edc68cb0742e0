import type { NextFunction, Request, Response } from 'express'

import type { IsAnonymousRequest } from './isAnonymousRequest'

export interface RateLimitOptions {
  /** Requests per window and client IP; 0 turns the limit off. */
  limit: number
  windowMs?: number
  /** Requests that carry a verified credential get this many times the limit (the newsroom shares office IPs). */
  signedInFactor?: number
  /** Whether a request carries no credential the CMS accepts (a made-up token counts as anonymous). */
  isAnonymous: IsAnonymousRequest
  now?: () => number
}

/**
 * A fixed-window rate limit per client IP, in memory (one server's count: behind several
 * servers each counts its own share). Over the limit: 429 with Retry-After (seconds until the
 * window ends). Sign-ins have a throttle of their own (collections/Users/throttleLogins.ts).
 */
export function rateLimitPerIp({ limit, windowMs = 60_000, signedInFactor = 10, now = Date.now, isAnonymous }: RateLimitOptions) {
  let windowStart = now()
  let counts = new Map<string, number>()
  return async (req: Request, res: Response, next: NextFunction) => {
    if (limit <= 0) return next()
    let anonymous: boolean
    try {
      anonymous = await isAnonymous({ get: (name) => req.get(name) ?? null })
    } catch (error) {
      return next(error)
    }
    const time = now()
    if (time - windowStart >= windowMs) {
      windowStart = time - ((time - windowStart) % windowMs)
      counts = new Map()
    }
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
