import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'

/**
 * Every environment variable the CMS reads, parsed once at start-up.
 * A bad value stops start-up with one line naming the variable (see formatEnvError).
 */
const booleanString = z
  .enum(['true', 'false', '1', '0'], { message: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1')

const databaseUri = z
  .string()
  .refine((value) => /^(file:|mongodb:\/\/|mongodb\+srv:\/\/)/.test(value), {
    message: 'expected a file: path (embedded SQLite) or a mongodb:// / mongodb+srv:// URI',
  })

/** A comma-separated list; empty items are dropped. */
const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
)

const corsOrigins = commaList.pipe(
  z.array(
    z.string().refine((origin) => origin === '*' || /^https?:\/\/[^/]+$/.test(origin), {
      message: 'expected comma-separated origins like https://www.example.cn (scheme and host, no path), or *',
    }),
  ),
)

const webhookUrls = commaList.pipe(z.array(z.url({ message: 'expected comma-separated absolute http(s) URLs' })))

/** The largest source document the importer reads (src/importer/readSourceFile.ts); larger files are refused by name. */
const importMaxBytes = z.coerce
  .number({ message: 'expected a number of bytes' })
  .int('expected a whole number of bytes')
  .positive('expected a positive number of bytes')
  .default(2 * 1024 * 1024)

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce
      .number({ message: 'expected a port number' })
      .int('expected a whole port number')
      .min(0, 'expected a port from 0 to 65535')
      .max(65535, 'expected a port from 0 to 65535')
      .default(3000),
    SERVER_URL: z.url({ message: 'expected an absolute http(s) URL' }).optional(),
    DATABASE_URI: databaseUri.optional(),
    MONGODB_COMPAT: z.enum(['none', 'ferretdb']).default('none'),
    DATABASE_INIT: booleanString.default(false),
    READY_MIN_FREE_MB: z.coerce
      .number({ message: 'expected a number of MiB' })
      .min(0, 'expected 0 (off) or more')
      .default(64),
    SEARCH_THREADS: z.coerce
      .number({ message: 'expected a number of threads' })
      .int('expected a whole number of threads')
      .min(0, 'expected 0 (off) or more')
      .max(16, 'expected at most 16')
      // One per core, at most 4 (src/search/threads).
      .default(Math.min(4, os.availableParallelism())),
    PAYLOAD_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    ADMIN_EMAIL: z.email({ message: 'expected an e-mail address' }).optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    MEDIA_DIR: z.string().min(1).default('media'),
    UPLOAD_MAX_BYTES: z.coerce
      .number({ message: 'expected a number of bytes' })
      .int()
      .positive('expected a positive number of bytes')
      .default(20 * 1024 * 1024),
    REQUEST_BODY_MAX_BYTES: z.coerce
      .number({ message: 'expected a number of bytes' })
      .int('expected a whole number of bytes')
      .positive('expected a positive number of bytes')
      .default(1024 * 1024),
    API_MAX_LIMIT: z.coerce
      .number({ message: 'expected a number of documents' })
      .int('expected a whole number of documents')
      .positive('expected a positive number of documents')
      .default(100),
    UPLOAD_MAX_PIXELS: z.coerce
      .number({ message: 'expected a number of pixels' })
      .int('expected a whole number of pixels')
      .positive('expected a positive number of pixels')
      .default(50_000_000),
    IMPORT_MAX_BYTES: importMaxBytes,
    SEED_ON_START: booleanString.default(true),
    JOBS_AUTORUN: booleanString.default(true),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CORS_ORIGINS: corsOrigins.default([]),
    REVALIDATE_WEBHOOK_URLS: webhookUrls.default([]),
    API_RATE_LIMIT_PER_MINUTE: z.coerce
      .number({ message: 'expected a number of requests' })
      .int('expected a whole number of requests')
      .min(0, 'expected 0 (off) or more')
      .default(600),
    API_CACHE_MAX_MB: z.coerce
      .number({ message: 'expected a number of MiB' })
      .min(0, 'expected 0 (off) or more')
      .default(64),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.PAYLOAD_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['PAYLOAD_SECRET'], message: 'is required when NODE_ENV=production' })
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      const missing = env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'
      ctx.addIssue({ code: 'custom', path: [missing], message: 'must be set together with ADMIN_EMAIL and ADMIN_PASSWORD' })
    }
    if (env.MONGODB_COMPAT !== 'none' && !env.DATABASE_URI?.startsWith('mongodb')) {
      ctx.addIssue({ code: 'custom', path: ['MONGODB_COMPAT'], message: 'only applies when DATABASE_URI is a mongodb:// URI' })
    }
  })

export type Env = z.infer<typeof envSchema> & { PAYLOAD_SECRET: string; DATABASE_URI: string; SERVER_URL: string }

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`Invalid environment: ${variable} ${reason}`)
    this.name = 'EnvError'
  }
}

/** Raw variables as the process (or a test) supplies them. */
export type RawEnv = Record<string, string | undefined>

/** Empty strings count as unset, as they do in most .env tooling. */
function withoutEmptyValues(source: RawEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== '')) as Record<
    string,
    string
  >
}

/** Parses raw variables; throws EnvError naming the first bad variable. Pure: no file system. */
export function parseEnv(source: RawEnv): z.infer<typeof envSchema> {
  const result = envSchema.safeParse(withoutEmptyValues(source))
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const variable = String(issue.path[0] ?? 'environment')
  const received = source[variable]
  const shown = received === undefined || variable.includes('SECRET') || variable.includes('PASSWORD') ? '' : ` (got "${received}")`
  throw new EnvError(variable, `${issue.message}${shown}`)
}

/**
 * IMPORT_MAX_BYTES alone, for `npm run import -- --dry-run`, which touches no database and
 * so needs none of the other variables (parseEnv would demand PAYLOAD_SECRET in production).
 */
export function parseImportMaxBytes(source: RawEnv): number {
  const result = z.object({ IMPORT_MAX_BYTES: importMaxBytes }).safeParse(withoutEmptyValues(source))
  if (result.success) return result.data.IMPORT_MAX_BYTES
  throw new EnvError('IMPORT_MAX_BYTES', `${result.error.issues[0]!.message} (got "${source.IMPORT_MAX_BYTES}")`)
}

export const DATA_DIR = path.resolve(process.cwd(), 'data')
export const DEFAULT_DATABASE_URI = `file:${path.join(DATA_DIR, 'newsroom.db')}`

/**
 * Outside production a missing PAYLOAD_SECRET is generated once and kept in
 * data/payload-secret (git-ignored), so sessions survive restarts without setup.
 */
function readOrCreateDevSecret(): string {
  const file = path.join(DATA_DIR, 'payload-secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  fs.mkdirSync(DATA_DIR, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
  return secret
}

function ensureSqliteDirectory(uri: string): void {
  const filePath = uri.replace(/^file:(\/\/)?/, '')
  if (filePath && filePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true })
}

/**
 * The environment the CMS runs with, from a set of variables: parsed (a bad value throws an
 * EnvError naming it) and completed with what start-up derives (the SQLite file's directory,
 * the development secret, the server URL). Takes the variables as an argument so a test can
 * build the environment it wants without touching process.env.
 */
export function resolveEnv(variables: Record<string, string | undefined>): Env {
  // `next build` evaluates the config to collect pages; the runtime secret is not needed (nor wanted) there.
  const building = variables.NEXT_PHASE === 'phase-production-build'
  const parsed = parseEnv(building ? { PAYLOAD_SECRET: randomBytes(32).toString('hex'), ...variables } : variables)
  const DATABASE_URI = parsed.DATABASE_URI ?? DEFAULT_DATABASE_URI
  if (DATABASE_URI.startsWith('file:')) ensureSqliteDirectory(DATABASE_URI)
  return {
    ...parsed,
    DATABASE_URI,
    PAYLOAD_SECRET: parsed.PAYLOAD_SECRET ?? readOrCreateDevSecret(),
    SERVER_URL: parsed.SERVER_URL ?? `http://${parsed.HOST}:${parsed.PORT}`,
  }
}

let cachedEnv: Env | undefined

/** This process's environment (.env, if present, then process.env), resolved once. */
export function loadEnv(): Env {
  if (cachedEnv) return cachedEnv
  if (fs.existsSync('.env') && typeof process.loadEnvFile === 'function') process.loadEnvFile('.env')
  cachedEnv = resolveEnv(process.env)
  return cachedEnv
}


/** For entry points: the environment, or one line naming the bad variable and exit code 1. */
export function loadEnvOrExit(): Env {
  try {
    return loadEnv()
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
}
