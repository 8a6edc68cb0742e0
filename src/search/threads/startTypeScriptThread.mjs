// A worker thread's first module, plain JavaScript: a worker thread inherits neither tsx's loader
// (the server's runner) nor vitest's, so it registers tsx itself and then loads the TypeScript
// module named by `workerData.entry` (the search threads, the reindex's entry builders).
import { workerData } from 'node:worker_threads'

import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
