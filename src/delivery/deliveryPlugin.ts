import type { Plugin } from 'payload'

import { ARTICLES_SLUG } from '../../collections/slugs'
import { addCollectionHooks } from '../plugins/addCollectionHooks'
import { ChangeLog } from './changeLog/changeLogCollection'
import { ChangeLogHead, ensureChangeLogHead } from './changeLog/changeLogHead'
import { logPublicWrites } from './changeLog/logPublicWrites'
import { trackPublicReads } from './changeLog/trackReadDependencies'
import { omitNewsroomOnlyFields } from './omitNewsroomOnlyFields'
import { PUBLIC_COLLECTION_SLUGS } from './publicCollections'
import { revalidateArticle } from './revalidateArticle'

/**
 * What delivery adds to Payload, in every process that writes (the server, `npm run worker`, the
 * import CLI): front ends told to rebuild after a publish, unpublish or live edit (revalidateArticle);
 * anonymous reads that do not fetch newsroom-only fields (omitNewsroomOnlyFields); and the change
 * log the API's response cache follows (src/http/): the database adapter's write methods are
 * wrapped at start-up to log every committed change to public content with the dependency tags it
 * touches, and its read methods to collect the tags of what a cached answer read (changeLog/).
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
      collections: [...(config.collections ?? []), ChangeLog],
      globals: [...(config.globals ?? []), ChangeLogHead],
      onInit: async (payload) => {
        await config.onInit?.(payload)
        await ensureChangeLogHead(payload)
        // Replaces payload.db's write, commit and read methods (the lists are checked against both
        // adapters by test/delivery/adapterWrites.test.ts).
        logPublicWrites(payload, PUBLIC_COLLECTION_SLUGS)
        trackPublicReads(payload)
      },
    }
  }
}
