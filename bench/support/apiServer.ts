/**
 * A lane of bench/api.ts, in a child process of its own (Payload keeps one instance per process):
 * starts the production-mode server without the admin on a fresh database, publishes the seeds
 * plus copies of them (so a district has more than ten stories), mounts the bare handlers on a
 * second port, and tells the parent the URLs over IPC. Stops on `stop`.
 */
import express from 'express'

import { mountBareHandlers } from './apiBareHandlers'

const COPIES = Number(process.env.BENCH_COPIES ?? 8)

async function main() {
  const lane = process.env.DATABASE_URI!.startsWith('mongodb') ? 'mongodb' : 'sqlite'
  const { loadEnv } = await import('../../src/env')
  const env = loadEnv()
  const { default: config } = await import('../../src/payload.config')
  const { createNewsroomServer } = await import('../../src/http/createNewsroomServer')
  const server = await createNewsroomServer({ env, config, withAdmin: false })
  const { payload } = server
  const publish = { workflowTransition: { action: 'publish', from: 'approved', to: 'published' }, skipRevalidate: true }
  const seeds = await payload.find({ collection: 'articles', overrideAccess: true, draft: true, limit: 100, depth: 0 })
  for (const seed of seeds.docs) {
    await payload.update({ collection: 'articles', id: seed.id, data: { _status: 'published' } as never, overrideAccess: true, context: publish })
    for (let copy = 1; copy <= COPIES; copy++) {
      const { id: _id, slug: _slug, createdAt: _c, updatedAt: _u, provenance: _p, captions: _cap, workflowHistory: _w, ...data } = seed as unknown as Record<string, unknown>
      const created = await payload.create({
        collection: 'articles',
        data: { ...data, title: `${String(seed.title)}（${copy}）`, _status: 'published' } as never,
        overrideAccess: true,
        context: publish,
      })
      await payload.create({ collection: 'captions', data: { text: `图片说明 ${copy}`, article: created.id, position: 0 } as never, overrideAccess: true })
    }
  }
  const { url } = await server.listen()
  const bare = express()
  mountBareHandlers(bare, payload, lane)
  const bareServer = bare.listen(0, '127.0.0.1')
  await new Promise((resolve) => bareServer.once('listening', resolve))
  const address = bareServer.address() as { port: number }
  const anyuan = await payload.find({ collection: 'articles', where: { 'districts.slug': { equals: 'anyuan' } }, limit: 1, depth: 0 })
  process.send!({ type: 'ready', lane, url, bareUrl: `http://127.0.0.1:${address.port}`, slug: anyuan.docs[0]?.slug, anyuanTotal: anyuan.totalDocs })
  process.on('message', async (message: { type: string }) => {
    if (message.type !== 'stop') return
    bareServer.close()
    await server.close()
    process.exit(0)
  })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
