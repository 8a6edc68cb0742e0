import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Payload, SanitizedConfig } from 'payload'

import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import { getPayload } from 'payload'

import type { Env } from '../env'

import { NEWSROOM_NAME } from '../newsroom'
import { PREVIEW_PATH_PREFIXES } from '../site/previewPath'

import { ScheduleRunner } from '../workflow/scheduling/ScheduleRunner'
import { ensureFirstAdmin } from '../startup/ensureFirstAdmin'
import { assertDatabaseFileMayOpen, assertNewsroomPresentOrInit, markDatabaseFileInUse } from '../startup/guardDatabaseFile'
import { importSeedsOnFirstStart } from '../startup/importSeedsOnFirstStart'
import { placeCaptionsInStoredBodiesOnStart } from '../startup/placeCaptionsInStoredBodies'
import { seedReferenceDistricts } from '../startup/seedReferenceDistricts'
import { syncCaptionPublicationOnStart } from '../visibility/syncCaptionPublicationOnStart'
import { buildHealthRouter } from './health'
import { securityHeaders } from './securityHeaders'
import { isRequestBodyTooLarge, limitRequestBody } from './limitRequestBody'
import { mountDeliveryApi } from './mountDeliveryApi'
import { mountSyndication } from './mountSyndication'
import { PRIVATE_CACHE_CONTROL } from './withHttpCaching'

export interface NewsroomServerOptions {
  env: Env
  config: Promise<SanitizedConfig> | SanitizedConfig
  /** Serve the Next.js app, the admin panel and the reader site (off in API-only tests). */
  withAdmin: boolean
  /** Next.js dev mode (on-demand compilation) instead of the production build. */
  dev?: boolean
}

export interface NewsroomServer {
  app: Express
  payload: Payload
  /** The in-process job runner (scheduled publishing), when JOBS_AUTORUN is on. */
  jobRunner?: ScheduleRunner
  /** Starts listening on env.HOST:env.PORT (PORT 0 picks a free port). */
  listen(): Promise<{ url: string; server: Server }>
  /** Graceful stop: refuse new connections, finish in-flight requests, stop jobs, close the database. */
  close(): Promise<void>
}

/** Admin pages follow the newsroom's language (简体中文) until a user picks another in their account. */
function defaultAdminLanguage(req: Request, _res: Response, next: NextFunction) {
  if (!/(^|;\s*)payload-lng=/.test(req.headers.cookie ?? '')) {
    req.headers.cookie = req.headers.cookie ? `${req.headers.cookie}; payload-lng=zh` : 'payload-lng=zh'
  }
  next()
}

/**
 * Draft previews are per user and must never be stored by a browser or a shared cache. Set
 * here because an App Router page cannot set its own headers; Next keeps a Cache-Control that
 * is already on the response.
 */
function privateNoStore(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('Cache-Control', PRIVATE_CACHE_CONTROL)
  next()
}

async function startNext(options: NewsroomServerOptions) {
  const { default: next } = await import('next')
  const nextApp = next({
    dev: options.dev ?? false,
    dir: process.cwd(),
    hostname: options.env.HOST,
    port: options.env.PORT,
  })
  await nextApp.prepare()
  return nextApp
}

/** Closes the database; Payload caches its instance per process, so it is forgotten for a later start. */
async function destroyPayload(payload: Payload): Promise<void> {
  await payload.destroy()
  ;(global as unknown as { _payload?: Map<string, unknown> })._payload?.delete('default')
}

/**
 * The Express edge of the CMS: health checks, Payload's REST and GraphQL API
 * (mounted directly with Payload's Fetch handlers, so the API does not go through
 * Next.js), and the Next.js app for everything else: the admin panel at /admin and
 * the reader site (`/`, `/news/<slug>`, `/preview/…`). It knows nothing about collections.
 */
export async function createNewsroomServer(options: NewsroomServerOptions): Promise<NewsroomServer> {
  const { env, config } = options
  assertDatabaseFileMayOpen(env)
  const payload = await getPayload({ config })
  try {
    await assertNewsroomPresentOrInit(payload, env)
  } catch (error) {
    await destroyPayload(payload)
    throw error
  }
  markDatabaseFileInUse(env)
  await seedReferenceDistricts(payload)
  await ensureFirstAdmin(payload, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD })
  // Before the seeds: the upgrade is for stories stored before photo blocks; imports place their own
  // (run after them, it read their caption positions, indexes among blocks too, as paragraph numbers).
  await placeCaptionsInStoredBodiesOnStart(payload)
  if (env.SEED_ON_START) await importSeedsOnFirstStart(payload)
  await syncCaptionPublicationOnStart(payload)
  const jobRunner = env.JOBS_AUTORUN ? new ScheduleRunner(payload) : undefined
  await jobRunner?.start()

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(securityHeaders({ dev: options.dev ?? false }))
  app.use(limitRequestBody({ maxBytes: env.REQUEST_BODY_MAX_BYTES, uploadMaxBytes: env.UPLOAD_MAX_BYTES }))
  app.use(buildHealthRouter(payload, { databaseUri: env.DATABASE_URI, minFreeMb: env.READY_MIN_FREE_MB, mediaDir: env.MEDIA_DIR }))

  const deliveryEdge = await mountDeliveryApi(app, payload, config, env, `${NEWSROOM_NAME} API`)
  mountSyndication(app, payload, env, deliveryEdge)

  const nextApp = options.withAdmin ? await startNext(options) : undefined
  if (nextApp) {
    const handle = nextApp.getRequestHandler()
    app.use('/admin', defaultAdminLanguage)
    app.use([...PREVIEW_PATH_PREFIXES], privateNoStore)
    app.all('/{*path}', (req, res) => handle(req, res))
  }

  // Answered at once, even while a body still streams in (Express's default 404 would wait for the
  // body's end and then write over a 413 already sent for it).
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ errors: [{ message: 'Not found' }] })
  })
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // A body over its limit was answered 413 when it went over; its reader's error is expected.
    if (isRequestBodyTooLarge(req)) return void (res.headersSent || res.status(413).end())
    payload.logger.error({ err: error, url: req.originalUrl }, 'Unhandled request error')
    if (!res.headersSent) res.status(500).json({ errors: [{ message: 'Internal server error' }] })
    else res.end()
  })

  let httpServer: Server | undefined

  return {
    app,
    payload,
    jobRunner,
    listen: () =>
      new Promise((resolve, reject) => {
        const server = app.listen(env.PORT, env.HOST, (error?: Error) => {
          if (error) return reject(error)
          const { port } = server.address() as AddressInfo
          resolve({ url: `http://${env.HOST}:${port}`, server })
        })
        if (nextApp && options.dev) server.on('upgrade', nextApp.getUpgradeHandler())
        httpServer = server
      }),
    close: async () => {
      if (httpServer) {
        const closed = new Promise<void>((resolve) => httpServer!.close(() => resolve()))
        // Keep-alive sockets with no request in flight would otherwise hold close() open.
        httpServer.closeIdleConnections()
        await closed
      }
      await jobRunner?.stop()
      await deliveryEdge.close()
      await nextApp?.close()
      await destroyPayload(payload)
    },
  }
}
