// The worker thread's entry point: worker threads do not inherit the TypeScript loader of the
// thread that starts them (tsx's --import), so it is registered here before the thread's code.
import { register } from 'tsx/esm/api'

register()
await import('./entryBuilderThread.ts')
