import type { Plugin } from 'payload'

import { PUBLIC_COLLECTION_SLUGS } from '../publicCollections'
import { advanceGenerationOnPublicWrites } from './advanceGenerationOnPublicWrites'
import { ensureContentGeneration } from './contentGeneration'
import { ContentGeneration } from './contentGenerationGlobal'

/**
 * Keeps the content generation (see contentGenerationGlobal.ts) in every process that writes:
 * the server, `npm run worker`, the import CLI. The delivery API's response cache reads it.
 */
export const trackContentGeneration: Plugin = (config) => ({
  ...config,
  globals: [...(config.globals ?? []), ContentGeneration],
  onInit: async (payload) => {
    await config.onInit?.(payload)
    await ensureContentGeneration(payload)
    advanceGenerationOnPublicWrites(payload, PUBLIC_COLLECTION_SLUGS)
  },
})
