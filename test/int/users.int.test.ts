import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi, createSignedInUser, type TestUser } from '../support/api'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

/** Accounts and roles: only an admin manages them, and nobody changes their own roles. */
describe('users and roles over REST', () => {
  let server: TestServer
  let admin: TestUser
  let editor: TestUser
  let reporter: TestUser

  beforeAll(async () => {
    server = await startTestServer('users')
    admin = await createSignedInUser(server.payload, server.url, ['admin'])
    editor = await createSignedInUser(server.payload, server.url, ['editor'])
    reporter = await createSignedInUser(server.payload, server.url, ['reporter'])
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  it('an admin creates a photographer account through REST, and it can sign in', async () => {
    const created = await callApi(server.url, '/api/users', {
      method: 'POST',
      token: admin.token,
      body: { email: 'yu.jiamin@newsroom.test', password: 'photo-desk-password', name: '郁佳敏', roles: ['photographer'] },
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.roles).toEqual(['photographer'])
    const login = await callApi(server.url, '/api/users/login', {
      method: 'POST',
      body: { email: 'yu.jiamin@newsroom.test', password: 'photo-desk-password' },
    })
    expect(login.status).toBe(200)
    expect(login.body.user.name).toBe('郁佳敏')
  })

  it('an editor cannot create accounts', async () => {
    const response = await callApi(server.url, '/api/users', {
      method: 'POST',
      token: editor.token,
      body: { email: 'intruder@newsroom.test', password: 'intruder-password', name: '闯入者', roles: ['admin'] },
    })
    expect(response.status).toBe(403)
  })

  it('a reporter cannot promote themselves; the rest of their profile is theirs to edit', async () => {
    const response = await callApi(server.url, `/api/users/${reporter.id}`, {
      method: 'PATCH',
      token: reporter.token,
      body: { name: '新名字', roles: ['admin'] },
    })
    expect(response.status).toBe(200)
    expect(response.body.doc.name).toBe('新名字')
    expect(response.body.doc.roles).toEqual(['reporter'])
  })

  it('a reporter cannot edit a colleague’s account', async () => {
    const response = await callApi(server.url, `/api/users/${editor.id}`, {
      method: 'PATCH',
      token: reporter.token,
      body: { name: '被改名' },
    })
    expect(response.status).toBe(403)
  })

  it('an admin changes a colleague’s roles but not their own', async () => {
    const promote = await callApi(server.url, `/api/users/${editor.id}`, {
      method: 'PATCH',
      token: admin.token,
      body: { roles: ['chief-editor'] },
    })
    expect(promote.status).toBe(200)
    expect(promote.body.doc.roles).toEqual(['chief-editor'])

    const selfDemote = await callApi(server.url, `/api/users/${admin.id}`, {
      method: 'PATCH',
      token: admin.token,
      body: { roles: ['reporter'] },
    })
    expect(selfDemote.body.doc.roles).toEqual(['admin'])
  })

  it('anonymous callers cannot list accounts or see e-mail addresses', async () => {
    const response = await callApi(server.url, '/api/users')
    expect(response.status).toBe(403)
    const graphql = await callApi(server.url, '/api/graphql', {
      method: 'POST',
      body: { query: '{ Users { docs { email } } }' },
    })
    expect(JSON.stringify(graphql.body)).not.toContain('@newsroom.test')
  })
})
