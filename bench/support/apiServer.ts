/**
 * A lane of bench/api.ts, in a child process of its own (Payload keeps one instance per process):
 * starts the production-mode server without the admin on a fresh database, publishes the seeds
 * plus copies of them (so a district has more than ten stories), each copy with a hero photo and
 * a captioned photo (so depth 1 populates photos and their sizes, as on the real site), mounts
 * the bare handlers and the same API without its response cache on ports of their own, and tells
 * the parent the URLs over IPC. Edits a live story every so often on `edit-start`; stops on `stop`.
 */
import express from 'express'
import sharp from 'sharp'

import { mountDeliveryApi } from '../../src/http/mountDeliveryApi'
import { mountSyndication } from '../../src/http/mountSyndication'
import { mountBareHandlers } from './apiBareHandlers'
import { publishAs, workflowActor } from '../../test/support/publishing'

const COPIES = Number(process.env.BENCH_COPIES ?? 8)
/** Photographers of the bench's photos; null: a photo without one (its captions print no credit line). */
const PHOTOGRAPHERS = ['郁佳敏', '李文', null, '张强']

/** A small generated JPEG (derivatives are made from it as from any upload). */
async function makeJpeg(index: number): Promise<Buffer> {
  const background = ['#c04020', '#2060c0', '#40a040', '#806020'][index % 4]!
  return sharp({ create: { width: 1800, height: 1200, channels: 3, background } }).jpeg().toBuffer()
}

async function main() {
  const lane = process.env.DATABASE_URI!.startsWith('mongodb') ? 'mongodb' : 'sqlite'
  const { loadEnv } = await import('../../src/env')
  const env = loadEnv()
  const { default: config } = await import('../../src/payload.config')
  const { createNewsroomServer } = await import('../../src/http/createNewsroomServer')
  const server = await createNewsroomServer({ env, config, withAdmin: false })
  const { payload } = server
  // Published through the publishing service, as an admin (captions first: a live story's captions are live content).
  const actor = await workflowActor(payload)
  const photos = []
  for (const [index, photographer] of PHOTOGRAPHERS.entries()) {
    const data = await makeJpeg(index)
    photos.push(
      await payload.create({
        collection: 'photos',
        data: { alt: `示例图片 ${index + 1}`, photographer } as never,
        file: { data, mimetype: 'image/jpeg', name: `bench-${index + 1}.jpg`, size: data.length },
        overrideAccess: true,
      }),
    )
  }
  const seeds = await payload.find({ collection: 'articles', overrideAccess: true, draft: true, limit: 100, depth: 0 })
  for (const seed of seeds.docs) {
    await publishAs(payload, String(seed.id), actor)
    for (let copy = 1; copy <= COPIES; copy++) {
      const { id: _id, slug: _slug, createdAt: _c, updatedAt: _u, provenance: _p, captions: _cap, workflowHistory: _w, ...data } = seed as unknown as Record<string, unknown>
      const created = await payload.create({
        collection: 'articles',
        data: { ...data, title: `${String(seed.title)}（${copy}）`, heroPhoto: photos[copy % photos.length]!.id, _status: 'draft' } as never,
        overrideAccess: true,
      })
      // Every other caption has its own credit; the rest print the photo's photographer.
      const photo = photos[(copy + 1) % photos.length]!
      await payload.create({
        collection: 'captions',
        data: { text: `图片说明 ${copy}`, article: created.id, photo: photo.id, credit: copy % 2 === 0 ? '本报记者' : null, position: 0 } as never,
        overrideAccess: true,
      })
      await publishAs(payload, String(created.id), actor)
    }
  }
  const { url } = await server.listen()
  const listenOnFreePort = async (app: express.Express) => {
    const listening = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => listening.once('listening', resolve))
    return { server: listening, url: `http://127.0.0.1:${(listening.address() as { port: number }).port}` }
  }
  const bare = express()
  mountBareHandlers(bare, payload, lane)
  const bareServer = await listenOnFreePort(bare)
  // The same delivery API with the response cache off: what every read costs Payload.
  const uncached = express()
  const uncachedEdge = await mountDeliveryApi(uncached, payload, config, { ...env, API_CACHE_MAX_MB: 0 }, 'bench')
  mountSyndication(uncached, payload, env, uncachedEdge)
  const uncachedServer = await listenOnFreePort(uncached)
  const published = await payload.find({ collection: 'articles', limit: 0, pagination: false, depth: 1, select: { slug: true, districts: true } })
  const slugs = published.docs.map((doc) => doc.slug).filter((slug): slug is string => Boolean(slug))
  const districtSlugs = [...new Set(published.docs.flatMap((doc) => (doc.districts ?? []).map((district) => (typeof district === 'object' ? district.slug : undefined))))].filter(
    (slug): slug is string => Boolean(slug),
  )
  const anyuan = await payload.find({ collection: 'articles', where: { 'districts.slug': { equals: 'anyuan' } }, limit: 1, depth: 0 })
  process.send!({
    type: 'ready',
    lane,
    url,
    uncachedUrl: uncachedServer.url,
    bareUrl: bareServer.url,
    slugs,
    districtSlugs,
    publishedTotal: published.docs.length,
    anyuanTotal: anyuan.totalDocs,
  })
  // An editor at work during a measurement: an edit of a live story every `everyMs`, each a new content generation.
  let editing: NodeJS.Timeout | undefined
  let edits = 0
  const editLiveStory = async () => {
    edits++
    const target = published.docs[edits % published.docs.length]!
    await payload.update({ collection: 'articles', id: target.id, data: { summary: `编辑 ${edits}` } as never, overrideAccess: true, context: { skipRevalidate: true } })
  }
  process.on('message', async (message: { type: string }) => {
    // CPU time of this process (both servers), so the parent can tell work per request from waiting for a busy machine.
    if (message.type === 'cpu') process.send!({ type: 'cpu', usage: process.cpuUsage() })
    if (message.type === 'edit-start') {
      const { everyMs } = message as unknown as { everyMs: number }
      edits = 0
      editing = setInterval(() => void editLiveStory().catch((error) => console.error(error)), everyMs)
    }
    if (message.type === 'edit-stop') {
      clearInterval(editing)
      process.send!({ type: 'edits', edits })
    }
    if (message.type !== 'stop') return
    bareServer.server.close()
    uncachedServer.server.close()
    if (lane === 'mongodb') await (payload.db as unknown as { connection: { dropDatabase(): Promise<unknown> } }).connection.dropDatabase()
    await server.close()
    process.exit(0)
  })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
