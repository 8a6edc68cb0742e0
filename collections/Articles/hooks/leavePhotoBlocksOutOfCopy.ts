import type { FieldHook } from 'payload'

import { linkCaptionBlocks } from '../../../src/photos/captionBlocks'

type Body = { root: { children: unknown[] } }

/**
 * Payload's duplicate (the admin's 复制, POST /api/articles/:id/duplicate, payload.duplicate): the copy
 * is a new story and owns no caption, so its body (each script's) keeps the text and leaves the photo
 * blocks out, rather than showing the original's captions, which a copy could not be saved with.
 * The original keeps its captions; the copy gets its own from the photo desk.
 */
export const leavePhotoBlocksOutOfCopy: FieldHook = ({ value }) =>
  value && typeof value === 'object' && Array.isArray((value as Body).root?.children) ? linkCaptionBlocks(value as Body, []) : value
