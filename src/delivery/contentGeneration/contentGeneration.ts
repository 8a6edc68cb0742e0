import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { CONTENT_GENERATION_SLUG } from './contentGenerationGlobal'

/** The current content generation ('' before the first write to public content). */
export async function readContentGeneration(payload: Payload): Promise<string> {
  const row = (await payload.db.findGlobal({ slug: CONTENT_GENERATION_SLUG, where: {} })) as { token?: null | string } | null
  return row?.token ?? ''
}

/**
 * Moves the generation on. A random token, not a counter: two servers bumping at once would
 * both write n+1, and a response cached between the two writes would pass for current.
 */
export async function advanceContentGeneration(payload: Payload): Promise<void> {
  await payload.db.updateGlobal({ slug: CONTENT_GENERATION_SLUG, data: { token: randomUUID() }, returning: false })
}

/** Creates the row when missing (MongoDB's updateGlobal does not insert). */
export async function ensureContentGeneration(payload: Payload): Promise<void> {
  // Every token written is a UUID: '' means there is no row yet.
  if ((await readContentGeneration(payload)) === '') {
    await payload.db.createGlobal({ slug: CONTENT_GENERATION_SLUG, data: { token: randomUUID() }, returning: false })
  }
}
