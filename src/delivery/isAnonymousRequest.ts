/**
 * A request that carries no credentials Payload would act on: no Authorization header
 * (JWT or API key) and no payload-token cookie. Such a request can only ever be answered
 * with public content, so its response may be shared by caches.
 */
export function isAnonymousRequest(headers: { get(name: string): string | null }): boolean {
  if (headers.get('authorization')) return false
  const cookie = headers.get('cookie') ?? ''
  return !/(^|;\s*)payload-token=/.test(cookie)
}
