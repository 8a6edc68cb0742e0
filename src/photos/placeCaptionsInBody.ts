import { createHash } from 'node:crypto'

import { buildCaptionBlockNode, getCaptionIdsInBody } from './captionBlocks'

/** A caption as a story stored before photo blocks kept it: `position` is the index of the paragraph it preceded. */
export interface PositionedCaption {
  id: string | number
  position?: number | null
}

/**
 * A body stored before photo blocks existed, with a block for each of its captions before the
 * paragraph the caption's position names (captions past the last paragraph go after it; captions
 * sharing a place keep the order given). Null when there is nothing to do: no body, no captions,
 * or a body that already places photos (the editor's placing stands, whichever captions it left out).
 */
export function placeCaptionsInBody<Body extends { root: { children: unknown[] } }>(
  body: Body | null | undefined,
  captions: readonly PositionedCaption[],
): Body | null {
  if (!Array.isArray(body?.root?.children) || captions.length === 0) return null
  if (getCaptionIdsInBody(body).length > 0) return null
  const nodes = body.root.children
  const placeOf = (caption: PositionedCaption) => {
    const position = caption.position
    return typeof position === 'number' && Number.isFinite(position) && position >= 0 ? Math.min(Math.floor(position), nodes.length) : nodes.length
  }
  const children: unknown[] = []
  for (let index = 0; index <= nodes.length; index++) {
    for (const caption of captions) {
      if (placeOf(caption) === index) children.push(buildCaptionBlockNode(captionBlockKeyOf(caption.id), caption.id))
    }
    if (index < nodes.length) children.push(nodes[index])
  }
  return { ...body, root: { ...body.root, children } }
}

/** A block id (24 hex digits, like the editor's) derived from the caption: the same in both scripts and every version. */
function captionBlockKeyOf(captionId: string | number): string {
  return createHash('sha1').update(`captionedPhoto:${captionId}`).digest('hex').slice(0, 24)
}
