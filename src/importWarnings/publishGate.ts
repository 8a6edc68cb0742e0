import type { PublishGate } from '../workflow/publishing/publishGates'

import { applyWarningOverride, assertNoUnresolvedImportWarnings, assertWarningOverride } from './overrideImportWarnings'

/**
 * No story goes live over unresolved serious importer warnings (garbled text, text lost at a page
 * break, a missing title) unless the chief editor overrides them with a reason: the rule as one of
 * the workflow's publish gates, installed by buildNewsroomConfig through workflowPlugin({ publishGates }).
 */
export const importWarningsPublishGate: PublishGate = {
  acceptOverride: assertWarningOverride,
  assertMayGoLive: assertNoUnresolvedImportWarnings,
  applyOverride: applyWarningOverride,
}
