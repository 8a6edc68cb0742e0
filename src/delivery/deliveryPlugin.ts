import type { Plugin } from 'payload'

import { ARTICLES_SLUG } from '../../collections/slugs'
import { addCollectionHooks } from '../plugins/addCollectionHooks'
import { advanceGenerationOnPublicWrites } from './contentGeneration/advanceGenerationOnPublicWrites'
import { ensureContentGeneration } from './contentGeneration/contentGeneration'
import { ContentGeneration } from './contentGeneration/contentGenerationGlobal'
import { omitNewsroomOnlyFields } from './omitNewsroomOnlyFields'
import { PUBLIC_COLLECTION_SLUGS } from './publicCollections'
import { revalidateArticle } from './revalidateArticle'

/**
 * What delivery adds to Payload, in every process that writes (the server, `npm run worker`, the
 * import CLI): front ends told to rebuild after a publish, unpublish or live edit (revalidateArticle);
 * anonymous reads that do not fetch newsroom-only fields (omitNewsroomOnlyFields); and the content
 * generation the API's response cache checks (src/http/), moved after every committed write to
 * public content by wrapping the database adapter's write methods at start-up.
 */
export function deliveryPlugin(): Plugin {
  const onArticles = addCollectionHooks(ARTICLES_SLUG, {
    beforeOperation: [omitNewsroomOnlyFields],
    afterChange: [revalidateArticle],
  })
  return async (incoming) => {
    const config = await onArticles(incoming)
    return {
      ...config,
      globals: [...(config.globals ?? []), ContentGeneration],
      onInit: async (payload) => {
        await config.onInit?.(payload)
        await ensureContentGeneration(payload)
        // Replaces payload.db's write and commit methods (the list is checked against both
        // adapters by test/delivery/adapterWrites.test.ts).
        advanceGenerationOnPublicWrites(payload, PUBLIC_COLLECTION_SLUGS)
      },
    }
  }
}
