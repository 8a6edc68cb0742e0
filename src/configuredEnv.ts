import type { Payload } from 'payload'

import type { Env } from './env'

/**
 * The environment this Payload instance was configured with (buildNewsroomConfig puts it in the
 * server-only `custom` of the config). Hooks read settings here rather than from process.env, so
 * two instances configured differently in one process (tests) each see their own.
 */
export function configuredEnv(payload: Payload): Env {
  const env = (payload.config.custom as { env?: Env } | undefined)?.env
  if (!env) throw new Error('The Payload config was not built by buildNewsroomConfig: config.custom.env is missing')
  return env
}
