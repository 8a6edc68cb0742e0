// A search thread's first module, plain JavaScript: a worker thread inherits neither tsx's loader
// (the server's runner) nor vitest's, so it registers tsx itself and then loads the TypeScript.
import { workerData } from 'node:worker_threads'

import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
