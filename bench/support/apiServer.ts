/**
 * A lane of bench/api.ts, in a child process of its own (Payload keeps one instance per process):
 * starts the production-mode server without the admin on a fresh database, publishes the seeds
 * plus copies of them (so a district has more than ten stories), each copy with a hero photo and
 * a captioned photo (so depth 1 populates photos and their sizes, as on the real site), mounts
 * the bare handlers and the same API without its response cache on ports of their own, and tells
 * the parent the URLs over IPC, with the newsroom's accounts (editors with a draft each, a chief
 * editor with approved stories), whose writes the parent sends through the REST API. Stops on `stop`.
 */
import express from 'express'
import fs from 'node:fs'
import inspector from 'node:inspector'
import sharp from 'sharp'

import { mountDeliveryApi } from '../../src/http/mountDeliveryApi'
import { mountSyndication } from '../../src/http/mountSyndication'
import { getCaptionIdsInBody, linkCaptionBlocks } from '../../src/photos/captionBlocks'
import { mountBareHandlers } from './apiBareHandlers'
import { moveToStage, publishOverWarningsAs, workflowActor } from '../../test/support/publishing'
import { createRandom } from './createRandom'
import { zipfSampler, type NewsroomAccounts } from './newsroomDay'

type LexicalBody = { root: { children: unknown[] } }

/** Published stories in the lane (the seeds, then copies of them). */
const STORIES = Number(process.env.BENCH_STORIES ?? 500)
/** One seed is garbled on purpose: readers get it as it came, so it is published over its importer warnings. */
const SEED_AS_IT_CAME = '基准测试：按原样发布种子稿件'
/** Photographers of the bench's photos; null: a photo without one (its captions print no credit line). */
const PHOTOGRAPHERS = ['郁佳敏', '李文', null, '张强']
/** The newsroom at work in the "newsroom day" row: editors autosaving drafts, a chief editor publishing. */
const EDITORS = 10
const APPROVED_FOR_THE_CHIEF = 6
const NEWSROOM_PASSWORD = 'bench-newsroom-password'

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
  const photos: { id: string | number }[] = []
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
  for (const seed of seeds.docs) await publishOverWarningsAs(payload, String(seed.id), SEED_AS_IT_CAME, actor)
  // Copies spread over every district, a few districts with most of the stories (as a city paper's are).
  const districts = await payload.find({ collection: 'districts', limit: 0, pagination: false, depth: 0, overrideAccess: true })
  const random = createRandom(17)
  const districtRank = zipfSampler(districts.docs.length, random)
  let copies = 0
  /** A copy of a seed, as a draft with a hero photo and a captioned photo. */
  const makeCopy = async () => {
    copies++
    const seed = seeds.docs[copies % seeds.docs.length]!
    const { id: _id, slug: _slug, createdAt: _c, updatedAt: _u, provenance: _p, captions: _cap, workflowHistory: _w, workflowStage: _s, ...data } = seed as unknown as Record<string, unknown>
    // A photo block may show only its own story's captions: the copy is saved without the seed's blocks,
    // gets copies of the captions they showed, then its body with the blocks pointing at those.
    const seedBody = data.body as LexicalBody | null | undefined
    const shownCaptionIds = getCaptionIdsInBody(seedBody)
    const created = await payload.create({
      collection: 'articles',
      data: { ...data, body: seedBody ? linkCaptionBlocks(seedBody, []) : seedBody, title: `${String(seed.title)}（${copies}）`, districts: [districts.docs[districtRank()]!.id], heroPhoto: photos[copies % photos.length]!.id, _status: 'draft' } as never,
      overrideAccess: true,
    })
    if (seedBody && shownCaptionIds.length > 0) {
      const shown = await payload.find({ collection: 'captions', where: { id: { in: shownCaptionIds } }, depth: 0, limit: 0, pagination: false, overrideAccess: true })
      const byId = new Map(shown.docs.map((caption) => [String(caption.id), caption]))
      const copiedIds: string[] = []
      for (const [position, id] of shownCaptionIds.entries()) {
        const original = byId.get(id)!
        const copy = await payload.create({ collection: 'captions', data: { text: original.text, credit: original.credit, article: created.id, photo: original.photo, position } as never, overrideAccess: true })
        copiedIds.push(String(copy.id))
      }
      await payload.update({ collection: 'articles', id: created.id, data: { body: linkCaptionBlocks(seedBody, copiedIds) } as never, draft: true, overrideAccess: true })
    }
    // Every other caption has its own credit; the rest print the photo's photographer.
    const photo = photos[(copies + 1) % photos.length]!
    await payload.create({
      collection: 'captions',
      data: { text: `图片说明 ${copies}`, article: created.id, photo: photo.id, credit: copies % 2 === 0 ? '本报记者' : null, position: 0 } as never,
      overrideAccess: true,
    })
    return String(created.id)
  }
  for (let published = seeds.docs.length; published < STORIES; published++) await publishOverWarningsAs(payload, await makeCopy(), SEED_AS_IT_CAME, actor)
  // The newsroom of the "newsroom day": editors with a draft each, a chief editor with approved stories to publish.
  const newsroomUser = (role: string, index: number) =>
    payload.create({ collection: 'users', data: { email: `${role}-${index}@bench.test`, password: NEWSROOM_PASSWORD, name: `${role} ${index}`, roles: [role] } as never, overrideAccess: true })
  const editors = []
  for (let index = 1; index <= EDITORS; index++) editors.push({ email: (await newsroomUser('editor', index)).email, draftId: await makeCopy() })
  const chiefEditor = { email: (await newsroomUser('chief-editor', 1)).email }
  const approvedIds = []
  for (let index = 0; index < APPROVED_FOR_THE_CHIEF; index++) {
    const id = await makeCopy()
    await moveToStage(payload, id, 'approved', actor)
    approvedIds.push(id)
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
  const published = await payload.find({
    collection: 'articles',
    where: { _status: { equals: 'published' } },
    limit: 0,
    pagination: false,
    depth: 1,
    select: { slug: true, districts: true },
  })
  const slugs = published.docs.map((doc) => doc.slug).filter((slug): slug is string => Boolean(slug))
  const districtTotals = await Promise.all(
    districts.docs.map(async ({ slug }) => ({
      slug: slug!,
      totalDocs: (await payload.find({ collection: 'articles', where: { _status: { equals: 'published' }, 'districts.slug': { equals: slug } }, limit: 1, depth: 0 })).totalDocs,
    })),
  )
  const seedIds = new Set(seeds.docs.map((seed) => String(seed.id)))
  const newsroom: NewsroomAccounts = {
    password: NEWSROOM_PASSWORD,
    editors,
    chiefEditor,
    approvedIds,
    // Copies only: a seed's importer warnings would need the chief editor's override on every publish.
    liveIds: published.docs.map((doc) => String(doc.id)).filter((id) => !seedIds.has(id)),
  }
  process.send!({
    type: 'ready',
    lane,
    url,
    uncachedUrl: uncachedServer.url,
    bareUrl: bareServer.url,
    slugs,
    districts: districtTotals.filter(({ totalDocs }) => totalDocs > 0),
    publishedTotal: published.docs.length,
    newsroom,
  })
  // A CPU profile of one measurement at a time (the whole process's would be mostly the set-up).
  const profiler = new inspector.Session()
  profiler.connect()
  const post = (method: string) => new Promise<unknown>((resolve, reject) => profiler.post(method, (error, result) => (error ? reject(error) : resolve(result))))
  process.on('message', async (message: { type: string; file?: string }) => {
    // CPU time of this process (both servers), so the parent can tell work per request from waiting for a busy machine.
    if (message.type === 'cpu') process.send!({ type: 'cpu', usage: process.cpuUsage() })
    if (message.type === 'profile-start') {
      await post('Profiler.enable')
      await post('Profiler.start')
      process.send!({ type: 'profiling' })
    }
    if (message.type === 'profile-stop') {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown }
      fs.writeFileSync(message.file!, JSON.stringify(profile))
      process.send!({ type: 'profiled' })
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
