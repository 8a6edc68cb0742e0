import type { Request, Response } from 'express'
import type { Payload } from 'payload'

import { computeEtag, isEtagMatch } from './computeEtag'
import { buildOpenApiDocument } from './buildOpenApiDocument'
import { PUBLIC_CACHE_CONTROL } from './withHttpCaching'

/** GET /api/openapi.json: the document is built once (it depends on the config only) and served with an ETag. */
export function openApiRoute(payload: Payload, options: { serverUrl: string; title: string }) {
  let cached: { body: string; etag: string } | undefined
  return (req: Request, res: Response) => {
    if (!cached) {
      const body = JSON.stringify(buildOpenApiDocument(payload, options))
      cached = { body, etag: computeEtag(body) }
    }
    res.setHeader('ETag', cached.etag)
    res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL)
    if (isEtagMatch(req.get('if-none-match') ?? null, cached.etag)) {
      res.status(304).end()
      return
    }
    res.type('application/json').send(cached.body)
  }
}
