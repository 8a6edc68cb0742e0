import type { Reporter } from 'vitest/node'

import { describeSkippedLanes, listSkippedLanes } from './lanes'

/**
 * Says at the end of a run which lanes it left out, why, and the command that runs each: a lane
 * without its database, build or browser is skipped outside CI, and a skip should not pass unseen.
 * (Named by path in vitest.config.ts, so the config itself imports nothing of the project's.)
 */
export default class SkippedLanesReporter implements Reporter {
  onTestRunEnd() {
    const summary = describeSkippedLanes(listSkippedLanes())
    if (summary) process.stdout.write(summary)
  }
}
