import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { initI18n } from '@payloadcms/translations'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { queueScheduledChange } from '../../src/workflow/scheduling/scheduledChanges'
import { callApi, createSignedInUser, type TestUser, userDocOf } from '../support/api'
import { eventually } from '../support/eventually'
import { importAndCollect } from '../support/importer'
import { moveToStage } from '../support/publishing'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

const SEEDS = path.resolve(import.meta.dirname, '../../seeds')
/** The portal page whose text the importer flags as garbled (three mojibake warnings). */
const GARBLED_SEED = '004_1a09796742693f37.txt'

const GARBLED = { kind: 'mojibake', severity: 'warning', message: 'garbled characters in the summary (a wrong decoding upstream?)', snippet: '芬芳?偼顿Y25亿元', paragraph: 2 }
const LOST = { kind: 'lost-text', severity: 'warning', message: 'paragraph starts mid-sentence (its beginning was lost at a break?)', snippet: '的工业园区', paragraph: 4 }
const ELIDED = { kind: 'elision', severity: 'info', message: 'the summary is truncated', snippet: '萍乡市……' }

const soon = (ms: number) => new Date(Date.now() + ms).toISOString()

/**
 * A story whose imported text is garbled must not reach readers until someone has dealt with the
 * warning: every door to publishing refuses it with `unresolved-import-warnings`
 * naming the warnings; a warning marked resolved no longer blocks; the chief editor may go ahead
 * with a reason. Resolutions and overrides are in the audit trail.
 */
describe('importer warnings block publishing until dealt with', () => {
  let server: TestServer
  let chief: TestUser
  let editor: TestUser
  let reporter: TestUser
  let photographer: TestUser

  beforeAll(async () => {
    server = await startTestServer('import-warnings')
    await createSignedInUser(server.payload, server.url, ['admin'])
    chief = await createSignedInUser(server.payload, server.url, ['chief-editor'])
    editor = await createSignedInUser(server.payload, server.url, ['editor'])
    reporter = await createSignedInUser(server.payload, server.url, ['reporter'])
    photographer = await createSignedInUser(server.payload, server.url, ['photographer'])
  })
  afterAll(async () => stopTestServer(server))

  /** A story stored as the importer stores one (no user), with these warnings, brought to a stage by the test admin. */
  async function createFlaggedStory(warnings: object[], stage: 'draft' | 'approved' = 'approved') {
    const created = await server.payload.create({
      collection: 'articles',
      data: { title: `导入稿件${Math.random().toString(36).slice(2, 8)}`, _status: 'draft', provenance: { sourceFile: 'flagged.txt', warnings } } as never,
      draft: true,
      overrideAccess: true,
    })
    const id = String(created.id)
    await moveToStage(server.payload, id, stage)
    return id
  }

  const isPublic = async (id: string) => (await callApi(server.url, `/api/articles/${id}`)).status === 200
  const transition = (id: string, token: string, body: Record<string, unknown>) =>
    callApi(server.url, `/api/articles/${id}/transition`, { method: 'POST', token, body })
  const resolve = (id: string, warningId: string, token: string, note?: string) =>
    callApi(server.url, `/api/articles/${id}/import-warnings/${warningId}/resolve`, { method: 'POST', token, body: note ? { note } : {} })
  const warningsOf = async (id: string) =>
    (await callApi(server.url, `/api/articles/${id}?draft=true&depth=0`, { token: editor.token })).body.provenance.warnings as any[]
  const auditOf = async (id: string) =>
    (
      await server.payload.find({ collection: 'workflow-events', where: { article: { equals: id } }, sort: 'at', depth: 0, overrideAccess: true })
    ).docs.map((event) => ({ action: event.action, by: String(event.by), comment: event.comment ?? null }))

  it('a chief editor publishing the imported garbled seed is refused with the warnings named in Chinese', async () => {
    const [result] = await importAndCollect(server.payload, [path.join(SEEDS, GARBLED_SEED)], { dryRun: false })
    const id = String(result!.id)
    expect((await transition(id, editor.token, { action: 'approve' })).status).toBe(200)

    const response = await transition(id, chief.token, { action: 'publish' })
    expect(response.status).toBe(409)
    expect(response.body.errors[0].data.code).toBe('unresolved-import-warnings')
    expect(response.body.errors[0].message).toMatch(/^不能发布：导入警告尚未处理——乱码（/)
    expect(await isPublic(id)).toBe(false)
    expect((await auditOf(id)).map((event) => event.action)).not.toContain('publish')

    // The editor fixes the text and marks each warning resolved; what the importer recorded stays whole.
    const stored = async () => (await server.payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })).provenance!
    const before = await stored()
    for (const warning of before.warnings!) expect((await resolve(id, String(warning.id), editor.token)).status).toBe(200)
    const after = await stored()
    expect(after.originalText).toBe(before.originalText)
    expect(after.importedSnapshot).toEqual(before.importedSnapshot)
    expect(after.warnings!.every((warning) => warning.resolution === 'resolved')).toBe(true)
    expect((await transition(id, chief.token, { action: 'publish' })).status).toBe(200)
    expect(await isPublic(id)).toBe(true)
  })

  describe('every door refuses a story with an unresolved serious warning', () => {
    it.each([
      { door: 'REST PATCH _status: published', path: '', body: { _status: 'published' } },
      { door: 'REST PATCH ?draft=false', path: '?draft=false', body: { _status: 'published' } },
      { door: 'REST PATCH ?draft=true with _status: published', path: '?draft=true', body: { _status: 'published' } },
    ])('$door, by the chief editor: 409 unresolved-import-warnings, not public', async ({ path: query, body }) => {
      const id = await createFlaggedStory([GARBLED])
      const response = await callApi(server.url, `/api/articles/${id}${query}`, { method: 'PATCH', token: chief.token, body })
      expect(response.status).toBe(409)
      expect(response.body.errors[0].data.code).toBe('unresolved-import-warnings')
      expect(response.body.errors[0].message).toContain('乱码（第3段：“芬芳?偼顿Y25亿元”）')
      expect(await isPublic(id)).toBe(false)
    })

    it('REST bulk update by where, by the chief editor: the story is refused and stays unpublished', async () => {
      const id = await createFlaggedStory([LOST])
      const response = await callApi(server.url, `/api/articles?where[id][equals]=${id}`, { method: 'PATCH', token: chief.token, body: { _status: 'published' } })
      expect(response.body.docs ?? []).toHaveLength(0)
      expect(response.body.errors[0].message).toMatch(/导入警告尚未处理——分页处丢失文字/)
      expect(await isPublic(id)).toBe(false)
    })

    it('GraphQL updateArticle, by the chief editor', async () => {
      const id = await createFlaggedStory([GARBLED])
      const response = await callApi(server.url, '/api/graphql', {
        method: 'POST',
        token: chief.token,
        body: { query: `mutation { updateArticle(id: "${id}", data: { _status: published }) { id _status } }` },
      })
      expect(response.body.errors[0].message).toMatch(/^不能发布：导入警告尚未处理——乱码/)
      expect(response.body.errors[0].extensions.statusCode).toBe(409)
      expect(await isPublic(id)).toBe(false)
    })

    it('the Local API with the chief editor as user, even writing the rows back as resolved', async () => {
      const id = await createFlaggedStory([GARBLED])
      const user = await userDocOf(server.payload, chief.id)
      await expect(server.payload.update({ collection: 'articles', id, data: { _status: 'published' } as never, user, overrideAccess: false })).rejects.toMatchObject({
        data: { code: 'unresolved-import-warnings' },
      })
      const forged = [{ ...GARBLED, resolution: 'resolved', resolvedBy: chief.id, resolvedAt: new Date().toISOString() }]
      await expect(
        server.payload.update({ collection: 'articles', id, data: { _status: 'published', provenance: { warnings: forged } } as never, user }),
      ).rejects.toMatchObject({ data: { code: 'unresolved-import-warnings' } })
      expect(await isPublic(id)).toBe(false)
    })

    it('scheduling is refused up front, and no job is queued', async () => {
      const id = await createFlaggedStory([GARBLED])
      const response = await transition(id, chief.token, { action: 'schedule', publishAt: soon(3_600_000) })
      expect(response.status).toBe(409)
      expect(response.body.errors[0].data.code).toBe('unresolved-import-warnings')
      const jobs = await server.payload.count({ collection: 'payload-jobs', where: { 'input.doc.value': { equals: id } }, overrideAccess: true })
      expect(jobs.totalDocs).toBe(0)
    })

    it('a scheduled publish whose story gained a serious warning after scheduling fails visibly and publishes nothing', async () => {
      const id = await createFlaggedStory([], 'approved')
      const scheduled = await transition(id, chief.token, { action: 'schedule', publishAt: soon(3_600_000) })
      expect(scheduled.status).toBe(200)
      // A re-import of a changed source brings a garbled paragraph (the importer saves drafts without a user).
      await server.payload.update({ collection: 'articles', id, draft: true, data: { provenance: { warnings: [GARBLED] } } as never, overrideAccess: true })
      // Then the time comes: the job the schedule queued, due now (the queued one waits an hour).
      const job = await queueScheduledChange(server.payload, { articleId: id, type: 'publish', at: new Date(Date.now() + 200), userId: chief.id })

      const tried = async () => (await server.payload.findByID({ collection: 'payload-jobs', id: job.id, overrideAccess: true, depth: 0 })).totalTried ?? 0
      expect(await eventually(async () => (await tried()) >= 1)).toBe(true)
      const seen = await callApi(server.url, `/api/payload-jobs/${job.id}`, { token: editor.token })
      const failures = seen.body.log.filter((entry: any) => entry.state === 'failed').map((entry: any) => JSON.stringify(entry.error))
      expect(failures[0]).toContain('导入警告尚未处理——乱码')
      expect(await isPublic(id)).toBe(false)
    })

    it('notes (an elided summary) do not block: the story publishes', async () => {
      const id = await createFlaggedStory([ELIDED])
      expect((await transition(id, chief.token, { action: 'publish' })).status).toBe(200)
      expect(await isPublic(id)).toBe(true)
    })
  })

  describe('the chief editor overrides with a reason', () => {
    it('an editor may not override (403), nor a chief editor without a reason (400); nothing is published', async () => {
      const id = await createFlaggedStory([GARBLED])
      const byEditor = await transition(id, editor.token, { action: 'publish', overrideWarnings: { reason: '赶时间' } })
      expect(byEditor.status).toBe(403)
      expect(byEditor.body.errors[0].data.code).toBe('warnings-override-refused')
      const byReporter = await transition(id, reporter.token, { action: 'publish', overrideWarnings: { reason: '赶时间' } })
      expect(byReporter.body.errors[0].data.code).toBe('warnings-override-refused')
      for (const reason of [undefined, '', '   ']) {
        const withoutReason = await transition(id, chief.token, { action: 'publish', overrideWarnings: reason === undefined ? {} : { reason } })
        expect(withoutReason.status).toBe(400)
        expect(withoutReason.body.errors[0].data.code).toBe('warnings-override-reason-required')
      }
      expect(await isPublic(id)).toBe(false)
      expect((await auditOf(id)).map((event) => event.action)).toEqual(['submit', 'approve'])
    })

    it('with a reason the story goes live; the override is audited with who and why, and the warnings are marked', async () => {
      const id = await createFlaggedStory([GARBLED, LOST, ELIDED])
      const response = await transition(id, chief.token, { action: 'publish', overrideWarnings: { reason: '原文如此，已与作者核实' } })
      expect(response.status).toBe(200)
      expect(await isPublic(id)).toBe(true)

      const audit = await auditOf(id)
      expect(audit.slice(-2).map(({ action, by }) => ({ action, by }))).toEqual([
        { action: 'override-import-warnings', by: chief.id },
        { action: 'publish', by: chief.id },
      ])
      expect(audit.at(-2)!.comment).toBe('越过导入警告：原文如此，已与作者核实（乱码（第3段：“芬芳?偼顿Y25亿元”）；分页处丢失文字（第5段：“的工业园区”））')

      const warnings = await warningsOf(id)
      expect(warnings.map((w) => [w.kind, w.resolution ?? null, w.resolvedBy ? String(w.resolvedBy) : null, w.resolutionNote ?? null])).toEqual([
        ['mojibake', 'overridden', chief.id, '原文如此，已与作者核实'],
        ['lost-text', 'overridden', chief.id, '原文如此，已与作者核实'],
        ['elision', null, null, null],
      ])
      expect(Date.parse(warnings[0].resolvedAt)).toBeGreaterThan(Date.now() - 60_000)
    })

    it('a schedule with the override goes live at its time', async () => {
      const id = await createFlaggedStory([GARBLED])
      const scheduled = await transition(id, chief.token, { action: 'schedule', publishAt: soon(2000), overrideWarnings: { reason: '禁发期结束即发' } })
      expect(scheduled.status).toBe(200)
      expect(await eventually(() => isPublic(id))).toBe(true)
      expect((await auditOf(id)).map((event) => event.action)).toContain('override-import-warnings')
    })
  })

  describe('what the newsroom sees', () => {
    it('the list counts open warnings (not notes); resolving and overriding bring it to 0; readers never see it', async () => {
      const id = await createFlaggedStory([GARBLED, LOST, ELIDED])
      const listed = async () => {
        const response = await callApi(server.url, `/api/articles?where[openImportWarnings][greater_than]=0&draft=true&depth=0&limit=100`, { token: editor.token })
        return response.body.docs.find((doc: any) => doc.id === id)?.openImportWarnings ?? 0
      }
      expect(await listed()).toBe(2)
      const [garbled] = await warningsOf(id)
      expect((await resolve(id, garbled.id, editor.token)).status).toBe(200)
      expect(await listed()).toBe(1)
      expect((await transition(id, chief.token, { action: 'publish', overrideWarnings: { reason: '作者确认原文如此' } })).status).toBe(200)
      expect(await listed()).toBe(0)
      const anonymous = await callApi(server.url, `/api/articles/${id}`)
      expect(anonymous.status).toBe(200)
      expect(anonymous.body).not.toHaveProperty('openImportWarnings')
      expect(anonymous.body).not.toHaveProperty('provenance')
    })

    it.each([
      { language: 'zh' as const, kind: '乱码', level: '警告', message: '摘要中有乱码（上游解码错误？）', card: '导入有问题的稿件' },
      { language: 'en' as const, kind: 'Garbled text', level: 'Warning', message: 'garbled characters in the summary (a wrong decoding upstream?)', card: 'Imported stories with problems' },
    ])('the admin in $language names kinds, levels and messages in $language (custom translations)', async ({ language, kind, level, message, card }) => {
      const i18n = await initI18n({ config: server.payload.config.i18n, language, context: 'client' })
      const t = (key: string, vars?: Record<string, unknown>) => i18n.t(key as never, vars)
      expect(t('importWarnings:kind-mojibake')).toBe(kind)
      expect(t('importWarnings:severity-warning')).toBe(level)
      expect(t('importWarnings:message-mojibake', { where: t('importWarnings:where-summary') })).toBe(message)
      expect(t('importWarnings:dashboardTitle')).toBe(card)
      // The field's option labels too (list filters, the version diff).
      const kindField = (server.payload.collections.articles.config.fields.find((field: any) => field.name === 'provenance') as any).fields
        .find((field: any) => field.name === 'warnings').fields.find((field: any) => field.name === 'kind')
      expect(kindField.options.find((option: any) => option.value === 'mojibake').label[language]).toBe(kind)
    })
  })

  describe('resolving a warning', () => {
    it('an editor resolves each serious warning; it is audited; then the chief editor publishes through REST PATCH', async () => {
      const id = await createFlaggedStory([GARBLED, LOST])
      const [garbled, lost] = await warningsOf(id)

      const first = await resolve(id, garbled.id, editor.token, '已按原稿改正')
      expect(first.status).toBe(200)
      // One still open: still refused, naming only that one.
      const refused = await callApi(server.url, `/api/articles/${id}`, { method: 'PATCH', token: chief.token, body: { _status: 'published' } })
      expect(refused.body.errors[0].data.code).toBe('unresolved-import-warnings')
      expect(refused.body.errors[0].message).toContain('分页处丢失文字')
      expect(refused.body.errors[0].message).not.toContain('乱码')

      expect((await resolve(id, lost.id, editor.token)).status).toBe(200)
      const warnings = await warningsOf(id)
      expect(warnings.map((w) => [w.resolution, String(w.resolvedBy)])).toEqual([
        ['resolved', editor.id],
        ['resolved', editor.id],
      ])
      expect(warnings[0].resolutionNote).toBe('已按原稿改正')

      const published = await callApi(server.url, `/api/articles/${id}`, { method: 'PATCH', token: chief.token, body: { _status: 'published' } })
      expect(published.status).toBe(200)
      expect(await isPublic(id)).toBe(true)

      const audit = await auditOf(id)
      expect(audit.filter((event) => event.action === 'resolve-import-warning')).toEqual([
        { action: 'resolve-import-warning', by: editor.id, comment: '导入警告已处理：乱码（第3段：“芬芳?偼顿Y25亿元”）；已按原稿改正' },
        { action: 'resolve-import-warning', by: editor.id, comment: '导入警告已处理：分页处丢失文字（第5段：“的工业园区”）' },
      ])
      expect(audit.at(-1)).toMatchObject({ action: 'publish', by: chief.id })
    })

    it('a re-import of a changed source keeps what was resolved; the other warnings stay open', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-warnings-'))
      const file = path.join(dir, 'garbled-reimport.txt')
      const source = fs.readFileSync(path.join(SEEDS, GARBLED_SEED), 'utf8')
      fs.writeFileSync(file, source)
      const [created] = await importAndCollect(server.payload, [file], { dryRun: false })
      const id = String(created!.id)
      const inSummary = (await warningsOf(id)).find((w) => w.kind === 'mojibake' && typeof w.paragraph !== 'number')
      expect((await resolve(id, inSummary.id, editor.token, '摘要已改正')).status).toBe(200)

      // The year in the fourth paragraph changes (the source prints pinyin after characters, so a digit is the plain edit).
      const at = source.lastIndexOf('2020')
      fs.writeFileSync(file, `${source.slice(0, at)}2021${source.slice(at + 4)}`)
      const [updated] = await importAndCollect(server.payload, [file], { dryRun: false })
      expect(updated).toMatchObject({ ok: true, action: 'updated', id })
      const garbled = (await warningsOf(id)).filter((w) => w.kind === 'mojibake')
      expect(garbled.map((w) => [w.paragraph ?? null, w.resolution ?? null, w.resolvedBy ? String(w.resolvedBy) : null])).toEqual([
        [null, 'resolved', editor.id],
        [0, null, null],
        [3, null, null],
      ])
    })

    it('only those who may edit the story resolve its warnings; an unknown warning is 404', async () => {
      const id = await createFlaggedStory([GARBLED])
      const [garbled] = await warningsOf(id)
      // Not the reporter's story, and photographers edit no stories.
      for (const user of [reporter, photographer]) {
        const response = await resolve(id, garbled.id, user.token)
        expect(response.status).toBe(403)
        expect(response.body.errors[0].data.code).toBe('import-warning-resolve-refused')
      }
      expect((await callApi(server.url, `/api/articles/${id}/import-warnings/${garbled.id}/resolve`, { method: 'POST', body: {} })).status).toBe(401)
      const unknown = await resolve(id, 'no-such-warning', editor.token)
      expect(unknown.status).toBe(404)
      expect(unknown.body.errors[0].data.code).toBe('import-warning-not-found')
      expect((await warningsOf(id))[0].resolution ?? null).toBeNull()
      expect((await auditOf(id)).map((event) => event.action)).not.toContain('resolve-import-warning')
    })

    it('a reporter resolves the warnings of their own draft', async () => {
      const created = await server.payload.create({
        collection: 'articles',
        data: { title: '记者的导入稿件', _status: 'draft', provenance: { warnings: [GARBLED] } } as never,
        draft: true,
        overrideAccess: true,
      })
      const id = String(created.id)
      await server.payload.update({ collection: 'articles', id, data: { createdBy: reporter.id } as never, overrideAccess: true })
      const [garbled] = await warningsOf(id)
      expect((await resolve(id, garbled.id, reporter.token)).status).toBe(200)
      expect((await warningsOf(id))[0]).toMatchObject({ resolution: 'resolved' })
    })
  })
})
