import type { Endpoint } from 'payload'

import { APIError } from 'payload'
import { z } from 'zod'

import { resolveImportWarning } from './resolveImportWarning'

const resolveBody = z.object({ note: z.string().max(2000).optional() }).optional()

/**
 * POST /api/articles/:id/import-warnings/:warningId/resolve { note? }
 * Marks one importer warning as dealt with (hand-written: the warnings are written by the server
 * only, and a resolution is an audited act, not a field edit). Answers with the article.
 */
export const resolveWarningEndpoint: Endpoint = {
  path: '/:id/import-warnings/:warningId/resolve',
  method: 'post',
  handler: async (req) => {
    const id = String(req.routeParams?.id ?? '')
    const warningId = String(req.routeParams?.warningId ?? '')
    const body = resolveBody.safeParse(req.json ? await req.json().catch(() => undefined) : undefined)
    if (!body.success) throw new APIError(`note: ${body.error.issues[0]!.message}`, 400, null, true)
    const doc = await resolveImportWarning(req.payload, req, id, warningId, body.data?.note)
    return Response.json({ doc, message: '导入警告已标记为已处理' })
  },
}
