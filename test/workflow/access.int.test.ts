import type { Payload, SanitizedCollectionConfig, TypedUser } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../../src/roles'

import { ACTORS, FIELD_EXAMPLES, isAllowed, situationsFor, type Actor, type Operation, type Situation } from '../support/accessRules'
import { callApi, createSignedInUser, type TestUser, userDocOf } from '../support/api'
import { createArticleAt } from '../support/articles'
import { publishAs, transitionAs } from '../support/publishing'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { makePhoto, uploadPhoto } from '../support/photos'

/**
 * Generated from the Payload config: every collection × operation × role × door, each tried for
 * real and judged by its effect (did the document appear, change, disappear, go live?) against the
 * rules table (test/support/accessRules.ts), with what anonymous readers get checked after each
 * attempt to publish. A new collection, or a new write door in the list below, is covered without a
 * new row of test code; a collection without rules must refuse every write.
 *
 * Payload's own bookkeeping collections (preferences, document locks, migrations) follow Payload's
 * rules and are left out; the jobs queue is in (a job runs as the user it names).
 */
const PAYLOAD_INTERNAL = new Set(['payload-preferences', 'payload-locked-documents', 'payload-migrations', 'payload-kv', 'payload-folders', 'payload-query-presets'])

interface Attempt {
  slug: string
  operation: Operation
  situation: Situation
  actor: Actor
  door: string
}

interface DoorCall {
  collection: SanitizedCollectionConfig
  operation: Operation
  id?: string
  versionId?: string
  data: Record<string, unknown>
  token?: string
  user?: TypedUser
}

/** What came back: an error the caller was shown, or none. */
type DoorResult = { error: string | null }

interface Door {
  name: string
  /** Whether this door exists for the collection and operation (GraphQL has no uploads; draft arguments need drafts). */
  opens(collection: SanitizedCollectionConfig, operation: Operation): boolean
  /** Bulk doors answer 200 with per-document errors: they are judged by effect alone. */
  bulk?: boolean
  call(server: TestServer, call: DoorCall): Promise<DoorResult>
}

const hasDrafts = (collection: SanitizedCollectionConfig) => Boolean(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts)
const isUpload = (collection: SanitizedCollectionConfig) => Boolean(collection.upload)

async function rest(server: TestServer, path: string, method: string, token: string | undefined, body?: unknown): Promise<DoorResult> {
  const response = await callApi(server.url, path, { method, token, body })
  if (response.status < 400 && !(Array.isArray(response.body?.errors) && response.body.errors.length > 0)) return { error: null }
  return { error: `${response.status} ${JSON.stringify(response.body?.errors?.[0]?.message ?? response.body).slice(0, 160)}` }
}

async function restCreate(server: TestServer, call: DoorCall, query = ''): Promise<DoorResult> {
  if (!isUpload(call.collection)) return rest(server, `/api/${call.collection.slug}${query}`, 'POST', call.token, call.data)
  const response = await uploadPhoto(server.url, await makePhoto({ width: 64, height: 48 }), { token: call.token, data: call.data })
  return { error: response.status < 400 ? null : `${response.status} ${JSON.stringify(response.body).slice(0, 160)}` }
}

/** GraphQL names, as Payload forms them from the slug (articles → Article, workflow-events → WorkflowEvent). */
function graphQLName(slug: string): string {
  const singular = slug.replace(/ies$/, 'y').replace(/s$/, '')
  return singular.split('-').map((word) => word[0]!.toUpperCase() + word.slice(1)).join('')
}

async function graphQL(server: TestServer, token: string | undefined, query: string, variables: Record<string, unknown>): Promise<DoorResult> {
  const response = await callApi(server.url, '/api/graphql', { method: 'POST', token, body: { query, variables } })
  const errors = response.body?.errors
  if (response.status < 400 && !(Array.isArray(errors) && errors.length > 0)) return { error: null }
  return { error: `${response.status} ${JSON.stringify(errors?.[0]?.message ?? response.body).slice(0, 160)}` }
}

function graphQLMutation(call: DoorCall, draft: boolean): { query: string; variables: Record<string, unknown> } {
  const name = graphQLName(call.collection.slug)
  const draftArg = draft ? ', draft: true' : ''
  switch (call.operation) {
    case 'create':
      return { query: `mutation($data: mutation${name}Input!) { create${name}(data: $data${draftArg}) { id } }`, variables: { data: call.data } }
    case 'update':
    case 'publish':
      return {
        query: `mutation($id: ${'String'}!, $data: mutation${name}UpdateInput!) { update${name}(id: $id, data: $data${draftArg}) { id } }`,
        variables: { id: call.id, data: call.data },
      }
    case 'delete':
      return { query: `mutation($id: String!) { delete${name}(id: $id) { id } }`, variables: { id: call.id } }
    case 'restore':
      return { query: `mutation($id: String!) { restoreVersion${name}(id: $id${draftArg}) { id } }`, variables: { id: call.versionId } }
  }
}

async function localApi(payload: Payload, call: DoorCall, options: { draft?: boolean; bulk?: boolean } = {}): Promise<DoorResult> {
  const slug = call.collection.slug as 'articles'
  const common = { user: call.user, overrideAccess: false, depth: 0, ...(options.draft ? { draft: true } : {}) } as const
  try {
    switch (call.operation) {
      case 'create': {
        const file = isUpload(call.collection)
          ? { data: await makePhoto({ width: 64, height: 48 }), mimetype: 'image/jpeg', name: 'local.jpg', size: 1 }
          : undefined
        await payload.create({ collection: slug, data: call.data as never, ...common, ...(file ? { file: { ...file, size: file.data.length } } : {}) })
        break
      }
      case 'update':
      case 'publish': {
        if (options.bulk) {
          const result = await payload.update({ collection: slug, where: { id: { equals: call.id } }, data: call.data as never, ...common })
          if (result.errors.length > 0) return { error: String(result.errors[0]!.message) }
        } else await payload.update({ collection: slug, id: call.id!, data: call.data as never, ...common })
        break
      }
      case 'delete': {
        if (options.bulk) {
          const result = await payload.delete({ collection: slug, where: { id: { equals: call.id } }, ...common })
          if (result.errors.length > 0) return { error: String(result.errors[0]!.message) }
        } else await payload.delete({ collection: slug, id: call.id!, ...common })
        break
      }
      case 'restore':
        await payload.restoreVersion({ collection: slug, id: call.versionId!, ...common })
        break
    }
    return { error: null }
  } catch (error) {
    return { error: (error as Error).message.slice(0, 160) }
  }
}


/** Every door Payload opens for writing. A door added here is tried on every collection, role and operation. */
const DOORS: Door[] = [
  {
    name: 'REST',
    opens: () => true,
    call: (server, call) => {
      const path = `/api/${call.collection.slug}`
      if (call.operation === 'create') return restCreate(server, call)
      if (call.operation === 'delete') return rest(server, `${path}/${call.id}`, 'DELETE', call.token)
      if (call.operation === 'restore') return rest(server, `${path}/versions/${call.versionId}`, 'POST', call.token)
      return rest(server, `${path}/${call.id}`, 'PATCH', call.token, call.data)
    },
  },
  {
    name: 'REST draft=true',
    opens: (collection, operation) => hasDrafts(collection) && operation !== 'delete',
    call: (server, call) => {
      const path = `/api/${call.collection.slug}`
      if (call.operation === 'create') return restCreate(server, call, '?draft=true')
      if (call.operation === 'restore') return rest(server, `${path}/versions/${call.versionId}?draft=true`, 'POST', call.token)
      return rest(server, `${path}/${call.id}?draft=true`, 'PATCH', call.token, call.data)
    },
  },
  {
    name: 'REST autosave',
    opens: (collection, operation) => hasDrafts(collection) && (operation === 'update' || operation === 'publish'),
    call: (server, call) => rest(server, `/api/${call.collection.slug}/${call.id}?draft=true&autosave=true`, 'PATCH', call.token, call.data),
  },
  {
    name: 'GraphQL',
    opens: (collection, operation) => collection.graphQL !== false && !(isUpload(collection) && operation === 'create'),
    call: (server, call) => {
      const { query, variables } = graphQLMutation(call, false)
      return graphQL(server, call.token, query, variables)
    },
  },
  {
    name: 'GraphQL draft: true',
    opens: (collection, operation) => collection.graphQL !== false && hasDrafts(collection) && operation !== 'delete',
    call: (server, call) => {
      const { query, variables } = graphQLMutation(call, true)
      return graphQL(server, call.token, query, variables)
    },
  },
  {
    name: 'REST bulk where',
    bulk: true,
    opens: (_collection, operation) => operation === 'update' || operation === 'delete' || operation === 'publish',
    call: (server, call) => {
      const path = `/api/${call.collection.slug}?where[id][equals]=${encodeURIComponent(call.id!)}`
      return rest(server, path, call.operation === 'delete' ? 'DELETE' : 'PATCH', call.token, call.operation === 'delete' ? undefined : call.data)
    },
  },
  {
    name: 'Local API with a user',
    opens: () => true,
    call: (server, call) => localApi(server.payload, call),
  },
  {
    name: 'Local API draft with a user',
    // (The Local API's restoreVersion takes no `draft` option: a restore there is always a plain one.)
    opens: (collection, operation) => hasDrafts(collection) && (operation === 'update' || operation === 'publish'),
    call: (server, call) => localApi(server.payload, call, { draft: true }),
  },
  {
    name: 'Local API bulk with a user',
    bulk: true,
    opens: (_collection, operation) => operation === 'update' || operation === 'delete' || operation === 'publish',
    call: (server, call) => localApi(server.payload, call, { bulk: true }),
  },
]

/** The field an update writes and a create marks: the first plain text field anyone may write. */
function markerField(collection: SanitizedCollectionConfig): string {
  const field = collection.fields.find(
    (candidate) =>
      (candidate.type === 'text' || candidate.type === 'textarea') &&
      !('unique' in candidate && candidate.unique) &&
      !('hasMany' in candidate && candidate.hasMany) &&
      !candidate.access?.update &&
      !candidate.access?.create &&
      !['slug', 'email', 'filename', 'url'].includes(candidate.name),
  )
  if (!field || !('name' in field)) throw new Error(`${collection.slug}: no plain text field to mark writes with`)
  return field.name
}

let sequence = 0
const uniqueMarker = (label: string) => `标记-${label}-${Date.now().toString(36)}-${++sequence}`

describe('access: every collection × operation × role × door, generated from the Payload config', () => {
  let server: TestServer
  const tokens: Partial<Record<Role, string>> = {}
  const users: Partial<Record<Role, TypedUser>> = {}
  const testUsers: Partial<Record<Role, TestUser>> = {}

  beforeAll(async () => {
    server = await startTestServer('access')
    for (const role of ['admin', 'chief-editor', 'editor', 'reporter', 'photographer'] as Role[]) {
      const user = await createSignedInUser(server.payload, server.url, [role])
      testUsers[role] = user
      tokens[role] = user.token
      users[role] = await userDocOf(server.payload, user.id)
    }
  })
  afterAll(async () => stopTestServer(server))

  const collections = () => server.payload.config.collections.filter((collection) => !PAYLOAD_INTERNAL.has(collection.slug))

  /** Values for a create: every required field, the marker, and what the situation needs. */
  async function createData(collection: SanitizedCollectionConfig, marker: string, live: boolean): Promise<Record<string, unknown>> {
    const data: Record<string, unknown> = { [markerField(collection)]: marker }
    for (const field of collection.fields) {
      if (!('name' in field) || !('required' in field) || !field.required || field.name in data) continue
      const example = FIELD_EXAMPLES[`${collection.slug}.${field.name}`]
      if (example) data[field.name] = example(++sequence)
      else if ('defaultValue' in field && field.defaultValue !== undefined && typeof field.defaultValue !== 'function') data[field.name] = field.defaultValue
      else if (field.type === 'email') data[field.name] = `user${++sequence}-${Date.now().toString(36)}@newsroom.test`
      else if (field.type === 'text' || field.type === 'textarea') data[field.name] = `${marker}-${field.name}`
      else if (field.type === 'number') data[field.name] = 1
      else if (field.type === 'date') data[field.name] = new Date().toISOString()
      else if (field.type === 'select') data[field.name] = field.hasMany ? [field.options[0]!.valueOf()] : (field.options[0] as { value: string }).value
      else if (field.type === 'json') data[field.name] = {}
      else if (field.type === 'relationship' || field.type === 'upload') {
        const target = Array.isArray(field.relationTo) ? field.relationTo[0]! : field.relationTo
        data[field.name] = await fixtureOf(target, live ? 'live' : 'draft-story')
      }
    }
    if (collection.auth) data.password = 'a-long-enough-password'
    return data
  }

  /** A new draft article; `live` publishes it through the service as the test admin (who may publish from any stage: one transition). */
  async function newArticle(label: string, options: { live?: boolean; createdBy?: string; heroPhoto?: string } = {}): Promise<string> {
    const created = await server.payload.create({
      collection: 'articles',
      data: { title: uniqueMarker(label), _status: 'draft', ...(options.heroPhoto ? { heroPhoto: options.heroPhoto } : {}), ...(options.createdBy ? { createdBy: options.createdBy } : {}) } as never,
      overrideAccess: true,
    })
    if (options.live) await publishAs(server.payload, String(created.id))
    return String(created.id)
  }

  /**
   * A fresh document of the collection in the situation, made as cheaply as the situation allows
   * (the MongoDB lane runs on FerretDB, where every write costs): overrideAccess for drafts, the
   * publishing service for anything live.
   */
  async function fixtureOf(slug: string, situation: Situation): Promise<string> {
    const payload = server.payload
    if (slug === 'articles') {
      if (situation === 'approved') return (await createArticleAt(payload, 'approved', { title: uniqueMarker('稿件') })).id
      const id = await newArticle('稿件', { live: situation === 'live' || situation === 'unpublished', createdBy: testUsers.reporter!.id })
      if (situation === 'unpublished') await transitionAs(payload, id, { action: 'unpublish', comment: '测试撤稿' })
      return id
    }
    if (slug === 'photos') {
      const photo = await uploadPhoto(server.url, await makePhoto({ width: 64, height: 48 }), { token: tokens.photographer, data: { alt: uniqueMarker('图片') } })
      if (situation === 'live') await newArticle('用图稿件', { live: true, heroPhoto: String(photo.body.doc.id) })
      return String(photo.body.doc.id)
    }
    if (slug === 'captions') {
      const article = await newArticle('说明稿件')
      const caption = await payload.create({ collection: 'captions', data: { text: uniqueMarker('说明'), article, position: 0 }, overrideAccess: true })
      if (situation === 'live') await publishAs(payload, article)
      return String(caption.id)
    }
    const collection = payload.collections[slug as 'districts']!.config
    const created = await payload.create({ collection: slug as 'districts', data: (await createData(collection, uniqueMarker(slug), false)) as never, overrideAccess: true })
    return String(created.id)
  }

  async function readBack(slug: string, id: string): Promise<Record<string, unknown> | null> {
    return (await server.payload.findByID({ collection: slug as 'articles', id, draft: true, depth: 0, overrideAccess: true, disableErrors: true })) as Record<string, unknown> | null
  }

  const isPublic = async (slug: string, id: string) => (await callApi(server.url, `/api/${slug}/${id}`)).status === 200

  /** The id of the newest published version of an article taken down. */
  async function publishedVersionOf(id: string): Promise<string> {
    const versions = await server.payload.findVersions({
      collection: 'articles',
      where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
      sort: '-updatedAt',
      limit: 1,
      overrideAccess: true,
    })
    return String(versions.docs[0]!.id)
  }

  /** Tries one operation of one collection through every door, as every actor, in every situation; returns the mismatches. */
  async function tryOperation(operation: Operation): Promise<string[]> {
    const mismatches: string[] = []
    for (const collection of collections()) {
      if ((operation === 'publish' || operation === 'restore') && !hasDrafts(collection)) continue
      const marker = markerField(collection)
      for (const situation of situationsFor(collection.slug, operation)) {
        let shared: string | undefined // the fixture refused attempts share (a refused attempt changes nothing)
        for (const actor of ACTORS) {
          // Publishing a new story is a create with `_status: published`: the create doors.
          const doorOperation: Operation = operation === 'publish' && situation === 'new' ? 'create' : operation
          for (const door of DOORS.filter((candidate) => candidate.opens(collection, doorOperation))) {
            const attempt: Attempt = { slug: collection.slug, operation, situation, actor, door: door.name }
            const allowed = isAllowed(collection.slug, operation, situation, actor)
            const value = uniqueMarker(`${actor}-${door.name}`)
            const token = actor === 'anonymous' ? undefined : tokens[actor]
            const user = actor === 'anonymous' ? undefined : users[actor]
            let id: string | undefined
            if (situation !== 'new' && operation !== 'create') {
              // An allowed attempt that publishes, deletes or leaves a pending draft on a live story gets its own document.
              const changesSituation = allowed && (operation !== 'update' || situation === 'live')
              id = changesSituation ? await fixtureOf(collection.slug, situation) : (shared ??= await fixtureOf(collection.slug, situation))
            }
            const data =
              operation === 'create' || (operation === 'publish' && situation === 'new')
                ? { ...(await createData(collection, value, situation === 'live')), ...(operation === 'publish' ? { _status: 'published' } : {}) }
                : operation === 'publish'
                  ? { _status: 'published' }
                  : { [marker]: value }
            const versionId = operation === 'restore' ? await publishedVersionOf(id!) : undefined
            const result = await door.call(server, { collection, operation: doorOperation, id, versionId, data, token, user })

            let happened: boolean
            if (operation === 'create') {
              const found = await server.payload.find({ collection: collection.slug as 'articles', where: { [marker]: { equals: value } }, draft: true, overrideAccess: true, limit: 1, depth: 0 })
              happened = found.docs.length > 0
            } else if (operation === 'update') happened = (await readBack(collection.slug, id!))?.[marker] === value
            else if (operation === 'delete') happened = (await readBack(collection.slug, id!)) === null
            else if (situation === 'new' && door.name.includes('draft')) {
              // A create with `draft` is saved as a draft whatever `_status` says: nothing may go live.
              const found = await server.payload.find({ collection: 'articles', where: { [marker]: { equals: value } }, draft: true, overrideAccess: true, limit: 1, depth: 0 })
              if (found.docs[0] && (await isPublic('articles', String(found.docs[0].id)))) mismatches.push(`${describeAttempt(attempt)}: a draft create went live`)
              continue
            } else if (situation === 'new') {
              const found = await server.payload.find({ collection: 'articles', where: { [marker]: { equals: value } }, draft: true, overrideAccess: true, limit: 1, depth: 0 })
              happened = found.docs.length > 0 && (await isPublic('articles', String(found.docs[0]!.id)))
            } else if (operation === 'restore' && door.name.includes('draft')) {
              // A restore as a draft never puts anything live; it is for those who may edit the story.
              if (await isPublic('articles', id!)) mismatches.push(`${describeAttempt(attempt)}: a restore as a draft put the story live`)
              if (allowed !== (result.error === null)) mismatches.push(`${describeAttempt(attempt)}: expected ${allowed ? 'allowed' : 'refused'}, got ${result.error ?? 'success'}`)
              continue
            } else happened = await isPublic('articles', id!)

            const refusedVisibly = door.bulk || result.error !== null
            if (allowed && (!happened || result.error)) mismatches.push(`${describeAttempt(attempt)}: expected allowed, got ${result.error ?? 'no effect'}`)
            if (!allowed && (happened || !refusedVisibly)) mismatches.push(`${describeAttempt(attempt)}: expected refused, but ${happened ? 'it took effect' : 'no error was shown'}`)
          }
        }
      }
    }
    return mismatches
  }

  function describeAttempt(attempt: Attempt): string {
    return `${attempt.slug} ${attempt.operation} (${attempt.situation}) as ${attempt.actor} through ${attempt.door}`
  }

  it('every collection has rules, or refuses every write', () => {
    const slugs = collections().map((collection) => collection.slug)
    expect(slugs).toEqual(expect.arrayContaining(['articles', 'captions', 'photos', 'districts', 'users', 'workflow-events', 'payload-jobs']))
  })

  for (const operation of ['create', 'update', 'delete', 'publish', 'restore'] as const) {
    it(`${operation}: every role through every door gets what the rules say`, async () => {
      expect(await tryOperation(operation)).toEqual([])
    }, 900_000)
  }
})
