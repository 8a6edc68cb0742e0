import { computeEtag, isEtagMatch } from './computeEtag'
import { isAnonymousRequest } from './isAnonymousRequest'

type FetchHandler = (request: Request) => Promise<Response>

export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate'
export const PRIVATE_CACHE_CONTROL = 'private, no-store'

/** The public read endpoints whose anonymous answers are cacheable (documents, not file downloads). */
const PUBLIC_READ_PATH = /^\/api\/(articles|captions|photos|districts)(\/(?!file\/)[^/]+)?\/?$|^\/api\/openapi\.json$/

export function isPublicReadPath(pathname: string): boolean {
  return PUBLIC_READ_PATH.test(pathname)
}

function withHeaders(response: Response, headers: Record<string, string>, body: BodyInit | null = response.body): Response {
  const merged = new Headers(response.headers)
  for (const [name, value] of Object.entries(headers)) merged.set(name, value)
  return new Response(body, { status: response.status, statusText: response.statusText, headers: merged })
}

/**
 * HTTP caching for the REST API, around a Fetch handler (Payload's handleEndpoints):
 * - anonymous GET/HEAD of a public read endpoint answering 200: a strong ETag (hash of the body),
 *   `Cache-Control: public, max-age=0, must-revalidate`, and 304 when If-None-Match matches.
 *   Nothing is cached on the server: every request is answered from the database, so a
 *   publish, unpublish or edit is visible on the very next request.
 * - any request carrying credentials: `Cache-Control: private, no-store`.
 */
export function withHttpCaching(handler: FetchHandler): FetchHandler {
  return async (request) => {
    const response = await handler(request)
    if (!isAnonymousRequest(request.headers)) return withHeaders(response, { 'cache-control': PRIVATE_CACHE_CONTROL })
    const isRead = request.method === 'GET' || request.method === 'HEAD'
    if (!isRead || response.status !== 200 || !isPublicReadPath(new URL(request.url).pathname)) return response
    const body = new Uint8Array(await response.arrayBuffer())
    const etag = computeEtag(body)
    // Responses differ by credentials: a shared cache must not answer a signed-in editor from an anonymous copy.
    const headers = { etag, 'cache-control': PUBLIC_CACHE_CONTROL, vary: 'Authorization, Cookie, Origin' }
    if (isEtagMatch(request.headers.get('if-none-match'), etag)) {
      const notModified = new Headers({ ...headers })
      return new Response(null, { status: 304, headers: notModified })
    }
    return withHeaders(response, { ...headers, 'content-length': String(body.byteLength) }, request.method === 'HEAD' ? null : body)
  }
}
