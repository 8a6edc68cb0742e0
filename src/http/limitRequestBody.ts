import type { NextFunction, Request, Response } from 'express'
import type { IncomingMessage } from 'node:http'

export interface RequestBodyLimits {
  /** Any body but an upload: JSON, GraphQL, form posts, Next's server actions. */
  maxBytes: number
  /** multipart/form-data (uploads): the file limit Payload enforces, plus room for the form's other fields. */
  uploadMaxBytes: number
}

/** Room for the fields that travel beside an uploaded file (`_payload` JSON, the file part's headers). */
export const MULTIPART_FIELDS_ALLOWANCE = 1024 * 1024

const tooLarge = new WeakSet<IncomingMessage>()

/** True once a request's body went over its limit and was answered 413 (a handler still reading it must not answer again). */
export function isRequestBodyTooLarge(req: IncomingMessage): boolean {
  return tooLarge.has(req)
}

export class RequestBodyTooLargeError extends Error {
  readonly status = 413
  constructor(message: string) {
    super(message)
    this.name = 'RequestBodyTooLargeError'
  }
}

interface BodyLimit {
  bytes: number
  message: string
}

function bodyLimitFor(req: Request, limits: RequestBodyLimits): BodyLimit {
  const contentType = req.headers['content-type'] ?? ''
  if (/^multipart\/form-data/i.test(contentType)) {
    // Worded as Payload words its own per-file limit, which answers an upload a little over it.
    return {
      bytes: limits.uploadMaxBytes + MULTIPART_FIELDS_ALLOWANCE,
      message: `File size limit has been reached: an upload may be at most ${limits.uploadMaxBytes} bytes (UPLOAD_MAX_BYTES)`,
    }
  }
  return { bytes: limits.maxBytes, message: `Request body too large: at most ${limits.maxBytes} bytes are accepted` }
}

function answerTooLarge(res: Response, limit: BodyLimit): void {
  if (res.headersSent) return
  // The rest of the body is not read: the connection cannot carry another request.
  res.setHeader('Connection', 'close')
  res.setHeader('Cache-Control', 'no-store')
  res.status(413).json({ errors: [{ message: limit.message }] })
}

/**
 * A body size limit on every route, enforced while the body streams in, whoever reads it
 * (Payload's REST and GraphQL handlers, busboy for uploads, Next.js for the admin's server
 * actions): a declared Content-Length over the limit is refused before a byte is read; a
 * chunked body is counted as Node's HTTP parser hands each chunk to the request stream, and
 * the first chunk past the limit ends it. Bytes past the limit are dropped, never buffered,
 * so a 300 MB body costs the server no memory. Payload reads JSON bodies whole with
 * `req.text()` and has no limit of its own (only upload file sizes), hence this edge.
 */
export function limitRequestBody(limits: RequestBodyLimits) {
  return (req: Request, res: Response, next: NextFunction) => {
    const limit = bodyLimitFor(req, limits)
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit.bytes) {
      tooLarge.add(req)
      answerTooLarge(res, limit)
      return
    }
    let received = 0
    const push = req.push
    // Node's HTTP parser hands every body chunk to the request with `push`, consumer or not.
    req.push = function countedPush(this: Request, chunk: unknown, encoding?: BufferEncoding) {
      if (chunk === null || tooLarge.has(req)) return chunk === null ? push.call(this, chunk, encoding) : false
      received += Buffer.byteLength(chunk as Buffer)
      if (received <= limit.bytes) return push.call(this, chunk, encoding)
      tooLarge.add(req)
      answerTooLarge(res, limit)
      // Whoever is reading the body learns it will not come, once the 413 is out (destroying the
      // request closes its socket).
      const stop = () => this.destroy(new RequestBodyTooLargeError(limit.message))
      if (res.writableFinished) stop()
      else res.once('finish', stop)
      return false
    }
    next()
  }
}
