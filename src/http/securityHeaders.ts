import type { NextFunction, Request, Response } from 'express'

/**
 * The Content-Security-Policy of every page (the reader site and the admin) and API answer.
 * - script-src keeps 'unsafe-inline': Next.js streams each page's data in inline <script> tags;
 *   a nonce would have to be rendered into every page, which static and cached pages cannot carry.
 *   Scripts still come from this origin only. Dev mode adds 'unsafe-eval' (React Refresh, webpack).
 * - style-src 'unsafe-inline': Payload's admin and Next set inline styles.
 * - img-src data: and blob:: upload previews and the admin's inline icons.
 * - frame-ancestors 'self': nobody frames the admin or the site (clickjacking); the admin's live
 *   preview frames this origin itself.
 */
export function buildContentSecurityPolicy({ dev }: { dev: boolean }): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(dev ? ['ws:'] : [])],
    'media-src': ["'self'", 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'"],
    'frame-ancestors': ["'self'"],
    'form-action': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

export const HSTS = 'max-age=31536000'

/**
 * Security headers on every answer: CSP with frame-ancestors (and X-Frame-Options for browsers
 * without CSP 2), nosniff, a referrer policy that sends no paths to other sites, and HSTS when
 * the request came over HTTPS (directly, or through the loopback proxy's X-Forwarded-Proto).
 */
export function securityHeaders({ dev }: { dev: boolean }) {
  const policy = buildContentSecurityPolicy({ dev })
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', policy)
    res.setHeader('X-Frame-Options', 'SAMEORIGIN')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
    if (req.secure) res.setHeader('Strict-Transport-Security', HSTS)
    next()
  }
}
