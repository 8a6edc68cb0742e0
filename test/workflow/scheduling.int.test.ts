import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ScheduleRunner } from '../../src/workflow/scheduling/ScheduleRunner'
import { queueScheduledChange } from '../../src/workflow/scheduling/scheduledChanges'
import { callApi, createSignedInUser, type TestUser, signedInAs } from '../support/api'
import { createArticleAt } from '../support/articles'
import { eventually, sleep } from '../support/eventually'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { startWorkerProcess } from '../support/worker'

const soon = (ms: number) => new Date(Date.now() + ms).toISOString()

describe('scheduled publishing through the jobs queue', () => {
  let server: TestServer
  let chief: TestUser
  let editor: TestUser

  beforeAll(async () => {
    server = await startTestServer('scheduling')
    await signedInAs(server, 'admin')
    chief = await signedInAs(server, 'chief-editor')
    editor = await signedInAs(server, 'editor')
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  const transition = (id: string, token: string, body: Record<string, unknown>) =>
    callApi(server.url, `/api/articles/${id}/transition`, { method: 'POST', token, body })
  const isLive = async (id: string) => (await callApi(server.url, `/api/articles/${id}`)).status === 200
  const stageOf = async (id: string) =>
    (await server.payload.findByID({ collection: 'articles', id, depth: 0, overrideAccess: true })).workflowStage
  const eventsOf = async (id: string) =>
    (
      await server.payload.find({ collection: 'workflow-events', where: { article: { equals: id } }, sort: 'at', depth: 0, overrideAccess: true })
    // The chief editor's entries: the others are the set-up's, by the test admin.
    ).docs.filter((event) => String(event.by) === chief.id)

  it('a scheduled story goes live on time, as the chief editor who scheduled it', async () => {
    const article = await createArticleAt(server.payload, 'approved')
    // Far enough ahead that the schedule request itself is answered first, even on a busy machine.
    const publishAt = soon(4000)
    const scheduled = await transition(article.id, chief.token, { action: 'schedule', publishAt })
    expect(scheduled.status).toBe(200)
    expect(scheduled.body.doc.workflowStage).toBe('scheduled')
    expect(scheduled.body.doc.scheduledPublishAt).toBe(publishAt)
    expect(await isLive(article.id)).toBe(false)

    const pending = await callApi(server.url, '/api/payload-jobs?where[taskSlug][equals]=schedulePublish&where[completedAt][exists]=false', {
      token: editor.token,
    })
    expect(pending.body.docs.some((job: any) => job.input.doc.value === article.id)).toBe(true)

    expect(await eventually(() => isLive(article.id), 15_000)).toBe(true)
    expect(await stageOf(article.id)).toBe('published')
    // Without transactions (FerretDB) the audit entry lands a moment after the article.
    expect(await eventually(async () => (await eventsOf(article.id)).length === 2)).toBe(true)
    expect((await eventsOf(article.id)).map((e) => [e.action, e.fromStage, e.toStage, String(e.by), e.comment ?? null])).toEqual([
      ['schedule', 'approved', 'scheduled', chief.id, null],
      ['publish', 'scheduled', 'published', chief.id, '定时发布'],
    ])
  })

  it('a takedown scheduled with its reason brings a live story down at its time', async () => {
    const article = await createArticleAt(server.payload, 'published')
    const response = await transition(article.id, chief.token, { action: 'unpublish', comment: '禁发期结束', unpublishAt: soon(1500) })
    expect(response.status).toBe(200)
    expect(response.body.doc.workflowStage).toBe('published')
    expect(await isLive(article.id)).toBe(true)
    expect(await eventually(async () => !(await isLive(article.id)))).toBe(true)
    expect(await stageOf(article.id)).toBe('unpublished')
    // The audit entry is written just after the row goes live or down (no transaction on every database).
    await eventually(async () => (await eventsOf(article.id)).length === 2, 3000)
    expect((await eventsOf(article.id)).map((e) => e.action)).toEqual(['unpublish', 'unpublish'])
  })

  it('an unscheduled story stays unpublished and its job is gone', async () => {
    const article = await createArticleAt(server.payload, 'approved')
    await transition(article.id, chief.token, { action: 'schedule', publishAt: soon(1500) })
    const unscheduled = await transition(article.id, chief.token, { action: 'unschedule' })
    expect(unscheduled.body.doc.workflowStage).toBe('approved')
    await sleep(2500)
    expect(await isLive(article.id)).toBe(false)
    const jobs = await server.payload.find({
      collection: 'payload-jobs',
      where: { 'input.doc.value': { equals: article.id } },
      overrideAccess: true,
    })
    expect(jobs.totalDocs).toBe(0)
  })

  it('a failing job is retried, and editors see it with its error', async () => {
    const job = await queueScheduledChange(server.payload, {
      articleId: 'no-such-article',
      type: 'publish',
      at: new Date(Date.now() + 200),
      userId: chief.id,
    })
    const failedOnce = await eventually(async () => {
      const stored = await server.payload.findByID({ collection: 'payload-jobs', id: job.id, overrideAccess: true })
      return (stored.totalTried ?? 0) >= 1
    })
    expect(failedOnce).toBe(true)
    const visible = await callApi(server.url, `/api/payload-jobs/${job.id}`, { token: editor.token })
    expect(visible.status).toBe(200)
    expect(visible.body.log.some((entry: any) => entry.state === 'failed' && JSON.stringify(entry.error).length > 2)).toBe(true)
    // Not given up after one failure: the next attempt is due after a backoff.
    expect(visible.body.hasError).not.toBe(true)
    expect(Date.parse(visible.body.waitUntil)).toBeGreaterThan(Date.parse(visible.body.log[0].completedAt) - 1)
  })
})

describe('scheduled publishing across restarts and runners', () => {
  let server: TestServer | undefined

  afterAll(async () => {
    await stopTestServer(server)
  })

  it('a schedule that came due while the server was down is carried out within seconds of start-up', async () => {
    server = await startTestServer('catch-up', { env: { JOBS_AUTORUN: 'false' } })
    await signedInAs(server, 'admin')
    const chief = await signedInAs(server, 'chief-editor')
    const article = await createArticleAt(server.payload, 'approved')
    const response = await callApi(server.url, `/api/articles/${article.id}/transition`, {
      method: 'POST',
      token: chief.token,
      body: { action: 'schedule', publishAt: soon(1000) },
    })
    expect(response.status).toBe(200)
    const { databaseUri } = server
    await server.close()
    await sleep(1500)

    const startedAt = Date.now()
    server = await startTestServer('catch-up', { databaseUri })
    const live = await eventually(async () => (await callApi(server!.url, `/api/articles/${article.id}`)).status === 200, 5000)
    expect(live).toBe(true)
    expect(Date.now() - startedAt).toBeLessThan(5000)
  })

})

describe('several job runners', () => {
  let server: TestServer
  let payload: TestServer['payload']

  beforeAll(async () => {
    // No runner in the server itself: the tests start their own.
    server = await startTestServer('runners', { env: { JOBS_AUTORUN: 'false' } })
    payload = server.payload
    await createSignedInUser(payload, server.url, ['admin'])
    await createSignedInUser(payload, server.url, ['chief-editor'])
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  it('two runners never publish the same job twice', async () => {
    const chief = (await payload.find({ collection: 'users', where: { roles: { contains: 'chief-editor' } }, overrideAccess: true })).docs[0]!
    const articles = await Promise.all(Array.from({ length: 12 }, () => createArticleAt(payload, 'approved')))
    const at = new Date(Date.now() + 1000)
    for (const article of articles) {
      await queueScheduledChange(payload, { articleId: article.id, type: 'publish', at, userId: chief.id })
    }
    const runners = [new ScheduleRunner(payload, { name: 'runner-a' }), new ScheduleRunner(payload, { name: 'runner-b' })]
    await Promise.all(runners.map((runner) => runner.start()))
    const ids = articles.map((article) => article.id)
    const allLive = await eventually(async () => {
      const { totalDocs } = await payload.count({ collection: 'articles', where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] }, overrideAccess: true })
      return totalDocs === ids.length
    }, 10_000)
    await Promise.all(runners.map((runner) => runner.stop()))
    expect(allLive).toBe(true)

    const countPublishEvents = async () =>
      (await payload.count({ collection: 'workflow-events', where: { and: [{ article: { in: ids } }, { action: { equals: 'publish' } }] }, overrideAccess: true })).totalDocs
    // The audit entry is written just after the row goes live (no transaction on every database).
    await eventually(async () => (await countPublishEvents()) >= ids.length, 3000)
    const publishEvents = await payload.find({
      collection: 'workflow-events',
      where: { and: [{ article: { in: ids } }, { action: { equals: 'publish' } }] },
      limit: 100,
      depth: 0,
      overrideAccess: true,
    })
    const perArticle = new Map<string, number>()
    for (const event of publishEvents.docs) perArticle.set(String(event.article), (perArticle.get(String(event.article)) ?? 0) + 1)
    expect([...perArticle.values()].filter((count) => count > 1)).toEqual([])
    expect(publishEvents.totalDocs).toBe(ids.length)
    const claims = await payload.find({ collection: 'job-claims', limit: 200, depth: 0, overrideAccess: true, where: { claimedAt: { greater_than_equal: at.toISOString() } } })
    // One claim per job and attempt: a job is never run by both runners.
    expect(new Set(claims.docs.map((claim) => claim.job)).size).toBe(ids.length)
    expect(claims.docs.filter((claim) => claim.key.endsWith(':0'))).toHaveLength(ids.length)
  })

  it('a runner whose poll is a minute away publishes at the instant, never before, also a story due before the one it waits for', async () => {
    const chief = (await payload.find({ collection: 'users', where: { roles: { contains: 'chief-editor' } }, overrideAccess: true })).docs[0]!
    const [later, sooner] = await Promise.all([createArticleAt(payload, 'approved'), createArticleAt(payload, 'approved')])
    await queueScheduledChange(payload, { articleId: later!.id, type: 'publish', at: new Date(Date.now() + 3_600_000), userId: chief.id })
    const runner = new ScheduleRunner(payload, { name: 'timer-only', pollIntervalMs: 60_000 })
    await runner.start() // now waiting for the story an hour away
    const at = new Date(Date.now() + 1500)
    await queueScheduledChange(payload, { articleId: sooner!.id, type: 'publish', at, userId: chief.id })
    const publishEntry = async () =>
      (await payload.find({ collection: 'workflow-events', where: { and: [{ article: { equals: sooner!.id } }, { action: { equals: 'publish' } }] }, depth: 0, overrideAccess: true }))
        .docs[0]
    const published = await eventually(async () => Boolean(await publishEntry()), 8000)
    await runner.stop()
    expect(published).toBe(true)
    const lateness = Date.parse((await publishEntry())!.at) - at.getTime()
    // An embargo is never lifted early; late by a job's run, not by a poll (a generous bound: the machine may be busy).
    expect(lateness).toBeGreaterThanOrEqual(0)
    expect(lateness).toBeLessThan(1500)
    expect((await payload.findByID({ collection: 'articles', id: later!.id, overrideAccess: true }))._status).not.toBe('published')
  })

  it('a database error just after a runner claims a job does not strand the story: it goes live on a later pass', async () => {
    const chief = (await payload.find({ collection: 'users', where: { roles: { contains: 'chief-editor' } }, overrideAccess: true })).docs[0]!
    const article = await createArticleAt(payload, 'approved')
    await queueScheduledChange(payload, { articleId: article.id, type: 'publish', at: new Date(Date.now() - 1000), userId: chief.id })
    // What SQLite answers while another process holds the write lock, once, right after the claim.
    const findByID = payload.findByID.bind(payload)
    let failures = 0
    payload.findByID = (async (args: Parameters<typeof findByID>[0]) => {
      if (args.collection === 'payload-jobs' && failures++ === 0) throw new Error('SQLITE_BUSY: database is locked')
      return findByID(args)
    }) as typeof payload.findByID
    const runner = new ScheduleRunner(payload, { name: 'after-lock', pollIntervalMs: 300 })
    try {
      await runner.start()
      const live = await eventually(async () => (await findByID({ collection: 'articles', id: article.id, overrideAccess: true }))._status === 'published', 5000)
      expect(failures).toBeGreaterThan(1)
      expect(live).toBe(true)
    } finally {
      await runner.stop()
      payload.findByID = findByID
    }
  })

  it('a claim its runner could not free (a second database error) is released after the lease: the story goes live late, not never', async () => {
    const chief = (await payload.find({ collection: 'users', where: { roles: { contains: 'chief-editor' } }, overrideAccess: true })).docs[0]!
    const article = await createArticleAt(payload, 'approved')
    const job = await queueScheduledChange(payload, { articleId: article.id, type: 'publish', at: new Date(Date.now() - 1000), userId: chief.id })
    // What a runner leaves when the claim's free fails too: the claim of this attempt, the job pending and not processing.
    await payload.create({ collection: 'job-claims', data: { key: `${job.id}:0`, job: String(job.id), runner: 'lost', claimedAt: new Date(Date.now() - 1000).toISOString() }, overrideAccess: true })

    const runner = new ScheduleRunner(payload, { name: 'after-lost-claim', leaseMs: 500, pollIntervalMs: 300 })
    try {
      await runner.start()
      const live = await eventually(async () => (await payload.findByID({ collection: 'articles', id: article.id, overrideAccess: true }))._status === 'published', 5000)
      expect(live).toBe(true)
    } finally {
      await runner.stop()
    }
  })

  it('a job left processing by a crashed runner is released and run on the next start', async () => {
    const chief = (await payload.find({ collection: 'users', where: { roles: { contains: 'chief-editor' } }, overrideAccess: true })).docs[0]!
    const article = await createArticleAt(payload, 'approved')
    const job = await queueScheduledChange(payload, { articleId: article.id, type: 'publish', at: new Date(Date.now() - 1000), userId: chief.id })
    // What a runner that died mid-job leaves behind: processing, with its claim.
    await payload.db.updateOne({ collection: 'payload-jobs', id: job.id, data: { processing: true } })
    await payload.create({ collection: 'job-claims', data: { key: `${job.id}:0`, job: String(job.id), runner: 'dead', claimedAt: new Date().toISOString() }, overrideAccess: true })
    await sleep(300)

    const runner = new ScheduleRunner(payload, { name: 'after-crash', leaseMs: 200 })
    await runner.start()
    const live = await eventually(async () => (await payload.findByID({ collection: 'articles', id: article.id, overrideAccess: true }))._status === 'published', 5000)
    await runner.stop()
    expect(live).toBe(true)
  })

  it('a worker process (npm run worker) beside the server shares the database: every story goes live once, no lock errors', async () => {
    const chief = (await payload.find({ collection: 'users', where: { roles: { contains: 'chief-editor' } }, overrideAccess: true })).docs[0]!
    // The worker: src/worker.ts in a process of its own, on the same database as this server.
    const worker = startWorkerProcess(server.databaseUri)
    const inServer = new ScheduleRunner(payload, { name: 'in-server' })
    try {
      await inServer.start()
      const articles = await Promise.all(Array.from({ length: 30 }, () => createArticleAt(payload, 'approved')))
      const ids = articles.map((article) => article.id)
      // Due a few seconds on, once the worker has started and polls; both runners then drain the same burst.
      const at = new Date(Date.now() + 8000)
      for (const id of ids) await queueScheduledChange(payload, { articleId: id, type: 'publish', at, userId: chief.id })
      const allLive = await eventually(async () => {
        const { totalDocs } = await payload.count({ collection: 'articles', where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] }, overrideAccess: true })
        return totalDocs === ids.length
      }, 40_000)
      const jobs = await payload.find({ collection: 'payload-jobs', where: { 'input.doc.value': { in: ids } }, limit: 100, depth: 0, overrideAccess: true })
      const unfinished = jobs.docs.filter((job) => !job.completedAt).map((job) => ({ processing: job.processing, tried: job.totalTried, error: job.error, waitUntil: job.waitUntil }))
      expect(allLive, `${JSON.stringify(unfinished)}\n${worker.output()}`).toBe(true)
      const findPublishEvents = () =>
        payload.find({
          collection: 'workflow-events',
          where: { and: [{ article: { in: ids } }, { action: { equals: 'publish' } }] },
          limit: 100,
          depth: 0,
          overrideAccess: true,
        })
      // The audit entry is written just after the row goes live (no transaction on every database).
      await eventually(async () => (await findPublishEvents()).totalDocs >= ids.length, 3000)
      await sleep(500) // a second entry for any story, were there one, would be written by now
      const publishEvents = await findPublishEvents()
      expect(publishEvents.totalDocs).toBe(ids.length)
      expect(new Set(publishEvents.docs.map((event) => String(event.article))).size).toBe(ids.length)
      expect(worker.output()).not.toMatch(/database is locked|failed/i)
    } finally {
      await inServer.stop()
      await worker.stop()
    }
  }, 90_000)
})
