import type { CollectionAfterLoginHook, CollectionBeforeOperationHook, Field } from 'payload'

import { AuthenticationError } from 'payload'

import { CLIENT_IP_HEADER } from '../../src/http/clientIp'

export interface LoginThrottleOptions {
  /** Failed sign-ins allowed for one account from one address per window. */
  perAccountAndAddress?: number
  /** Failed sign-ins allowed from one address, whatever the accounts, per window. */
  perAddress?: number
  windowMs?: number
  now?: () => number
}

interface Count {
  failures: number
  resetAt: number
}

/**
 * Counts failed sign-ins per account and client address, and per client address, in memory (one
 * server's count, like the API rate limit). It replaces Payload's account lock
 * (`maxLoginAttempts`), which locks an account for everyone: anyone who knew an editor's e-mail
 * could lock them out with five bad passwords, and the "locked" message told which e-mails have
 * accounts. Here a throttled attempt fails with the same message as a wrong password, and an
 * attacker's failures hold back only the attacker's own address: the newsroom signs in as usual.
 */
export class LoginThrottle {
  private readonly counts = new Map<string, Count>()
  private readonly perAccountAndAddress: number
  private readonly perAddress: number
  private readonly windowMs: number
  private readonly now: () => number

  constructor({ perAccountAndAddress = 5, perAddress = 30, windowMs = 15 * 60 * 1000, now = Date.now }: LoginThrottleOptions = {}) {
    this.perAccountAndAddress = perAccountAndAddress
    this.perAddress = perAddress
    this.windowMs = windowMs
    this.now = now
  }

  private current(key: string): Count | undefined {
    const count = this.counts.get(key)
    if (count && count.resetAt <= this.now()) {
      this.counts.delete(key)
      return undefined
    }
    return count
  }

  private forgetExpired(): void {
    if (this.counts.size < 10_000) return
    for (const key of [...this.counts.keys()]) this.current(key)
  }

  isThrottled(account: string, address: string): boolean {
    return (
      (this.current(`account:${account}\n${address}`)?.failures ?? 0) >= this.perAccountAndAddress ||
      (this.current(`address:${address}`)?.failures ?? 0) >= this.perAddress
    )
  }

  /** Counted before the password is checked (so parallel guesses count too); taken back on success. */
  recordAttempt(account: string, address: string): void {
    this.forgetExpired()
    for (const key of [`account:${account}\n${address}`, `address:${address}`]) {
      const count = this.current(key) ?? { failures: 0, resetAt: this.now() + this.windowMs }
      count.failures++
      this.counts.set(key, count)
    }
  }

  recordSuccess(account: string, address: string): void {
    this.counts.delete(`account:${account}\n${address}`)
    const byAddress = this.current(`address:${address}`)
    if (byAddress) byAddress.failures = Math.max(0, byAddress.failures - 1)
  }
}

function attemptOf(args: { data?: unknown; req: { headers: Headers } }): { account: string; address: string } {
  const data = (args.data ?? {}) as { email?: unknown; username?: unknown }
  const account = String(data.email ?? data.username ?? '').toLowerCase().trim()
  // Set by the Express edge from the connection (src/http/fetchAdapter.ts); absent for the Local API.
  const address = args.req.headers.get(CLIENT_IP_HEADER) ?? 'local'
  return { account, address }
}

/** Hooks for an auth collection: refuse throttled sign-ins (REST, GraphQL, the admin) with Payload's own wrong-password error. */
export function throttleLogins(throttle: LoginThrottle = new LoginThrottle()) {
  const beforeLogin: CollectionBeforeOperationHook = ({ args, operation, req }) => {
    if (operation !== 'login') return args
    const { account, address } = attemptOf({ data: (args as { data?: unknown }).data, req })
    if (throttle.isThrottled(account, address)) throw new AuthenticationError(req.t)
    throttle.recordAttempt(account, address)
    return args
  }
  const afterLogin: CollectionAfterLoginHook = ({ req, user }) => {
    const { account, address } = attemptOf({ data: { email: user.email }, req })
    throttle.recordSuccess(account, address)
    return user
  }
  return { beforeOperation: [beforeLogin], afterLogin: [afterLogin] }
}

/** The fields Payload adds for `maxLoginAttempts` (same names and types), hidden and never written now. */
export const formerAccountLockFields: Field[] = [
  { name: 'loginAttempts', type: 'number', defaultValue: 0, hidden: true, access: { read: () => false, create: () => false, update: () => false } },
  { name: 'lockUntil', type: 'date', hidden: true, access: { read: () => false, create: () => false, update: () => false } },
]
