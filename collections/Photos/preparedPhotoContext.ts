import type { PayloadRequest } from 'payload'

import type { PreparedPhoto } from '../../src/photos/preparePhotoUpload'

/** What the beforeOperation hook learnt from the uploaded file, handed on through req.context. */
export interface PreparedPhotoFacts extends Pick<PreparedPhoto, 'exif' | 'cleaning'> {
  /** The name the client sent, for messages. */
  originalName: string
}

const KEY = 'photoDesk.preparedPhoto'

export function rememberPreparedPhoto(req: PayloadRequest, facts: PreparedPhotoFacts): void {
  req.context[KEY] = facts
}

/** The facts of the upload in progress, if any (the afterError hook reads them). */
export function peekPreparedPhoto(req: PayloadRequest): PreparedPhotoFacts | undefined {
  return req.context[KEY] as PreparedPhotoFacts | undefined
}

/** Returns the facts once; a later operation on the same request starts clean. */
export function takePreparedPhoto(req: PayloadRequest): PreparedPhotoFacts | undefined {
  const facts = peekPreparedPhoto(req)
  delete req.context[KEY]
  return facts
}
