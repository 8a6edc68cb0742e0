import type { Endpoint } from 'payload'

import { getTranslation } from '@payloadcms/translations'
import { APIError } from 'payload'
import { z } from 'zod'

import { newsroomKey } from '../i18n/newsroomTranslations'
import { performTransition } from './performTransition'
import { stageLabels, type Stage } from './stages'

const transitionBody = z.object({
  action: z.string({ message: 'action: 缺少操作' }),
  comment: z.string().max(2000).optional(),
  publishAt: z.string().optional(),
  unpublishAt: z.string().optional(),
  overrideWarnings: z.object({ reason: z.string().max(2000).optional() }).optional(),
})

/**
 * POST /api/articles/:id/transition { action, comment?, publishAt?, unpublishAt?, overrideWarnings?: { reason } }
 * Moves a story through the workflow (src/workflow/transitions.ts); answers with the article.
 */
export const transitionEndpoint: Endpoint = {
  path: '/:id/transition',
  method: 'post',
  handler: async (req) => {
    const id = String(req.routeParams?.id ?? '')
    const body = transitionBody.safeParse(req.json ? await req.json().catch(() => undefined) : undefined)
    if (!body.success) {
      const issue = body.error.issues[0]!
      throw new APIError(issue.message.includes(':') ? issue.message : `${issue.path.join('.') || 'body'}: ${issue.message}`, 400, null, true)
    }
    const doc = await performTransition(req.payload, req, id, body.data)
    const stage = getTranslation(stageLabels[doc.workflowStage as Stage] ?? String(doc.workflowStage), req.i18n)
    return Response.json({ doc, message: req.t(newsroomKey('movedTo'), { stage }) })
  },
}
