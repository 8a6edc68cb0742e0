import type { Payload } from 'payload'

export type RevalidationEvent = 'publish' | 'unpublish' | 'update'

export interface RevalidationNotice {
  slugs: string[]
  event: RevalidationEvent
}

/**
 * POSTs `{ slugs, event }` to every webhook URL, fire-and-forget: the returned promise is for
 * tests; callers do not await it. Each call has its own timeout; failures are logged, never thrown.
 */
export function postRevalidationWebhooks(
  payload: Payload,
  urls: readonly string[],
  notice: RevalidationNotice,
  timeoutMs = 5000,
): Promise<void> {
  const body = JSON.stringify(notice)
  return Promise.all(
    urls.map(async (url) => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        })
        if (!response.ok) payload.logger.warn({ url, status: response.status }, 'Revalidation webhook answered with an error')
        await response.body?.cancel()
      } catch (error) {
        payload.logger.warn({ url, err: error }, 'Revalidation webhook failed')
      }
    }),
  ).then(() => undefined)
}
