import { CAPTIONED_PHOTO_BLOCK } from '../../collections/Articles/blocks/captionedPhoto'

/** A caption's id, or the caption itself when the body was read at depth. */
type CaptionRef = string | number | { id: string | number } | null

/** The Lexical node of a `captionedPhoto` block, as Payload's BlocksFeature stores it. */
export interface CaptionBlockNode {
  type: 'block'
  version: 2
  format: ''
  fields: { id: string; blockName: ''; blockType: typeof CAPTIONED_PHOTO_BLOCK; caption: CaptionRef }
}

interface LexicalNodeLike {
  type?: unknown
  fields?: { blockType?: unknown; caption?: unknown }
  children?: unknown
}

/**
 * A caption block. `blockKey` is the block's id within the body (Payload's editor keys blocks by
 * it): the importer derives it from the caption's place so a re-import writes the same body.
 */
export function buildCaptionBlockNode(blockKey: string, caption: CaptionRef): CaptionBlockNode {
  return { type: 'block', version: 2, format: '', fields: { id: blockKey, blockName: '', blockType: CAPTIONED_PHOTO_BLOCK, caption } }
}

export function isCaptionBlockNode(node: unknown): node is CaptionBlockNode {
  const candidate = node as LexicalNodeLike | null
  return candidate?.type === 'block' && candidate.fields?.blockType === CAPTIONED_PHOTO_BLOCK
}

function captionIdOf(ref: unknown): string | null {
  if (ref === null || ref === undefined || ref === '') return null
  if (typeof ref === 'object') return 'id' in ref ? String((ref as { id: unknown }).id) : null
  return String(ref)
}

function* walk(nodes: unknown): Generator<unknown> {
  if (!Array.isArray(nodes)) return
  for (const node of nodes) {
    yield node
    yield* walk((node as LexicalNodeLike | null)?.children)
  }
}

/** The ids of the captions a Lexical body shows, in body order (at any depth of population). */
export function getCaptionIdsInBody(body: unknown): string[] {
  const root = (body as { root?: { children?: unknown } } | null | undefined)?.root
  const ids: string[] = []
  for (const node of walk(root?.children)) {
    if (!isCaptionBlockNode(node)) continue
    const id = captionIdOf(node.fields.caption)
    if (id !== null) ids.push(id)
  }
  return ids
}

/**
 * The ids of the captions shown by a body stored per locale (`{ 'zh-Hans': …, 'zh-Hant': … }`, a
 * `locale: 'all'` read) or by a single body: a caption is shown when any script's body places it.
 */
export function getCaptionIdsInLocalizedBody(body: unknown): Set<string> {
  if (body && typeof body === 'object' && !('root' in body)) {
    return new Set(Object.values(body as Record<string, unknown>).flatMap(getCaptionIdsInBody))
  }
  return new Set(getCaptionIdsInBody(body))
}

/**
 * The body with its caption blocks, in order, pointing at the given captions: the importer builds
 * the body before the captions exist (they need the article's id), then links them. Blocks left
 * without a caption are left out, so the article can be saved before its captions are.
 */
export function linkCaptionBlocks<Body extends { root: { children: unknown[] } }>(body: Body, captionIds: readonly (string | number)[]): Body {
  let next = 0
  const children = body.root.children.flatMap((node) => {
    if (!isCaptionBlockNode(node)) return [node]
    const id = captionIds[next++]
    return id === undefined ? [] : [{ ...node, fields: { ...node.fields, caption: id } }]
  })
  return { ...body, root: { ...body.root, children } }
}
