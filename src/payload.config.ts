/**
 * The configuration Payload's CLI (`npm run generate:types`) and the Next.js admin import
 * (the `@payload-config` alias): built from this process's environment. Everything else
 * builds its configuration with buildNewsroomConfig(env) from an environment it parsed.
 */
import { buildNewsroomConfig } from './buildNewsroomConfig'
import { loadEnv } from './env'

export default buildNewsroomConfig(loadEnv())
