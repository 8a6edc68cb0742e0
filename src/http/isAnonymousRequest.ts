import type { Payload } from 'payload'

import { createHmac, timingSafeEqual } from 'node:crypto'
import { JWT_AUTH_VERSION } from 'payload'

interface HeaderSource {
  get(name: string): string | null
}

/** Decides whether a request counts as signed in at the edge (rate limit tier, response cache). */
export type IsAnonymousRequest = (headers: HeaderSource) => Promise<boolean>

export interface CredentialCheckOptions {
  /** Verified tokens remembered (until they expire), oldest forgotten first. */
  cacheSize?: number
  now?: () => number
}

function readCookie(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const separator = part.indexOf('=')
    if (separator > 0 && part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim())
  }
  return undefined
}

/** The tokens Payload's JWT strategy would try (extractJWT): `Authorization: JWT …` / `Bearer …`, and the token cookie. */
function presentedTokens(headers: HeaderSource, cookieName: string): string[] {
  const tokens: string[] = []
  const authorization = headers.get('authorization') ?? ''
  const match = /^(JWT|Bearer) (.+)$/.exec(authorization)
  if (match) tokens.push(match[2]!)
  const cookie = readCookie(headers.get('cookie') ?? '', cookieName)
  if (cookie) tokens.push(cookie)
  return tokens
}

function decodeJsonPart(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'))
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/**
 * Checks a token the way Payload's JWT strategy does before it looks the user up (HS256 signed
 * with the instance's secret, Payload's auth version, not expired) and returns its expiry in ms.
 * Done here with node:crypto because it is one HMAC; Payload's own check also reads the user
 * from the database, which is what the edge must not do for every anonymous-looking request.
 */
function verifiedExpiry(token: string, secret: string, nowMs: number): number | undefined {
  const [header, body, signature, ...rest] = token.split('.')
  if (!header || !body || !signature || rest.length > 0) return undefined
  const expected = createHmac('sha256', secret).update(`${header}.${body}`).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  const protectedHeader = decodeJsonPart(header)
  if (protectedHeader?.alg !== 'HS256' || protectedHeader.authVersion !== JWT_AUTH_VERSION) return undefined
  const exp = decodeJsonPart(body)?.exp
  if (typeof exp !== 'number' || exp * 1000 <= nowMs) return undefined
  return exp * 1000
}

/**
 * A request counts as signed in only when it carries a credential Payload would accept: a JWT
 * (header or cookie) signed with this instance's secret and not expired. A made-up
 * `Authorization: JWT x` or `payload-token=x` is anonymous: rate-limited as anonymous and answered
 * from the response cache. Verified tokens are remembered until they expire, in a bounded map.
 * API keys count only for a collection that enables them (none does today), and then cost a
 * database lookup through payload.auth, remembered for a minute.
 * A signed token whose session was ended (logout) still counts as signed in here; Payload then
 * answers it as anonymous, uncached: only someone who once held a valid token gets that far.
 */
export function createIsAnonymousRequest(payload: Payload, { cacheSize = 1000, now = Date.now }: CredentialCheckOptions = {}): IsAnonymousRequest {
  const cookieName = `${payload.config.cookiePrefix}-token`
  const verified = new Map<string, number>()
  const apiKeyCollections = Object.values(payload.collections).filter((collection) => collection.config.auth?.useAPIKey)

  const remember = (credential: string, expiresAt: number) => {
    verified.delete(credential)
    verified.set(credential, expiresAt)
    if (verified.size > cacheSize) verified.delete(verified.keys().next().value!)
  }
  const isRemembered = (credential: string) => {
    const expiresAt = verified.get(credential)
    if (expiresAt === undefined) return false
    if (expiresAt > now()) return true
    verified.delete(credential)
    return false
  }

  const hasValidApiKey = async (headers: HeaderSource): Promise<boolean> => {
    const authorization = headers.get('authorization') ?? ''
    if (!/ API-Key /.test(authorization) || apiKeyCollections.length === 0) return false
    if (isRemembered(authorization)) return true
    const { user } = await payload.auth({ headers: new Headers({ authorization }) })
    if (user) remember(authorization, now() + 60_000)
    return Boolean(user)
  }

  return async (headers) => {
    for (const token of presentedTokens(headers, cookieName)) {
      if (isRemembered(token)) return false
      const expiresAt = verifiedExpiry(token, payload.secret, now())
      if (expiresAt !== undefined) {
        remember(token, expiresAt)
        return false
      }
    }
    return !(await hasValidApiKey(headers))
  }
}
