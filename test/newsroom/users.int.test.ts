import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callApi, type TestUser, signedInAs } from '../support/api'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

/** Accounts and roles: only an admin manages them, and nobody changes their own roles. */
describe('users and roles over REST', () => {
  let server: TestServer
  let admin: TestUser
  let editor: TestUser
  let reporter: TestUser

  beforeAll(async () => {
    server = await startTestServer('users')
    admin = await signedInAs(server, 'admin')
    editor = await signedInAs(server, 'editor')
    reporter = await signedInAs(server, 'reporter')
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

  it('colleagues see each other’s names and roles, not e-mails, through every door; admins and the owner do', async () => {
    const photographer = await signedInAs(server, 'photographer')
    const story = await server.payload.create({ collection: 'articles', data: { title: '邮箱：谁写的稿', createdBy: admin.id } as never, overrideAccess: true, draft: true })
    const asPhotographer = (pathAndQuery: string, body?: unknown) =>
      callApi(server.url, pathAndQuery, { token: photographer.token, ...(body ? { method: 'POST', body } : {}) })

    const list = await asPhotographer('/api/users?limit=100')
    expect(list.status).toBe(200)
    const adminRow = list.body.docs.find((doc: { id: string }) => doc.id === admin.id)
    expect(adminRow.roles).toEqual(['admin'])
    expect(adminRow.name).toBeTruthy()
    const seen = JSON.stringify(list.body)
    for (const colleague of [admin, editor, reporter]) expect(seen).not.toContain(colleague.email)
    expect(seen).toContain(photographer.email)

    expect(JSON.stringify((await asPhotographer(`/api/users/${admin.id}`)).body)).not.toContain(admin.email)
    expect(JSON.stringify((await asPhotographer('/api/graphql', { query: '{ Users(limit: 100) { docs { name email } } }' })).body)).not.toContain(admin.email)
    const populated = await asPhotographer(`/api/articles/${story.id}?depth=2&draft=true`)
    expect(populated.body.createdBy.id).toBe(admin.id)
    expect(JSON.stringify(populated.body)).not.toContain(admin.email)
    const populatedGraphql = await asPhotographer('/api/graphql', { query: `{ Article(id: "${story.id}", draft: true) { createdBy { name email } } }` })
    expect(populatedGraphql.body.data.Article.createdBy.name).toBeTruthy()
    expect(JSON.stringify(populatedGraphql.body)).not.toContain(admin.email)

    // Side channels: a where or sort on e-mail would tell addresses apart without showing them.
    for (const query of [
      `where[email][equals]=${encodeURIComponent(admin.email)}`,
      'where[email][like]=admin',
      'where[or][0][email][like]=admin&where[or][1][name][equals]=nobody',
      'sort=email',
    ]) {
      const probe = await asPhotographer(`/api/users?${query}`)
      expect(probe.status, query).toBe(400)
      expect(probe.body.errors[0].message, query).toBe('The following path cannot be queried: email')
    }
    expect((await asPhotographer(`/api/users/count?where[email][like]=admin`)).status).toBe(400)
    expect((await asPhotographer(`/api/articles?where[createdBy.email][like]=admin&draft=true`)).status).toBe(400)
    const graphqlWhere = await asPhotographer('/api/graphql', { query: `{ Users(where: { email: { equals: "${admin.email}" } }) { totalDocs } }` })
    expect(graphqlWhere.body.data.Users).toBeNull()

    const own = await asPhotographer(`/api/users/${photographer.id}`)
    expect(own.body.email).toBe(photographer.email)
    const asAdmin = await callApi(server.url, `/api/users?where[email][equals]=${encodeURIComponent(reporter.email)}`, { token: admin.token })
    expect(asAdmin.body.docs.map((doc: { email: string }) => doc.email)).toEqual([reporter.email])
  })

  describe('sign-in throttle', () => {
    const signIn = (email: string, password: string, address: string) =>
      callApi(server.url, '/api/users/login', { method: 'POST', body: { email, password }, headers: { 'x-forwarded-for': address } })

    it('bad passwords from one address hold back that address only: the account still signs in from elsewhere', async () => {
      const attacker = '203.0.113.66'
      const failures = []
      for (let i = 0; i < 8; i++) failures.push(await signIn(admin.email, `guess-${i}`, attacker))
      expect(failures.map((response) => response.status)).toEqual(Array(8).fill(401))
      // Throttled or wrong: one message, so nobody learns which e-mails have accounts or are held back.
      const messages = new Set(failures.map((response) => response.body.errors[0].message))
      expect(messages.size).toBe(1)
      const unknownAccount = await signIn('nobody-here@newsroom.test', 'whatever', '203.0.113.67')
      expect(unknownAccount.status).toBe(401)
      expect(unknownAccount.body.errors[0].message).toBe([...messages][0])

      // Even the right password is refused from the attacker's address for now, by every door…
      expect((await signIn(admin.email, admin.password, attacker)).status).toBe(401)
      const graphqlLogin = await callApi(server.url, '/api/graphql', {
        method: 'POST',
        headers: { 'x-forwarded-for': attacker },
        body: { query: `mutation { loginUser(email: "${admin.email}", password: "${admin.password}") { token } }` },
      })
      expect(graphqlLogin.body.data.loginUser).toBeNull()
      expect(graphqlLogin.body.errors[0].message).toBe([...messages][0])
      // …while the admin, at their own desk, signs in as usual: no lock for everyone.
      const fromDesk = await signIn(admin.email, admin.password, '198.51.100.200')
      expect(fromDesk.status).toBe(200)
      expect(fromDesk.body.user.id).toBe(admin.id)
    })

    it('an address guessing many accounts is held back on all of them (30 failures)', async () => {
      const sprayer = '203.0.113.77'
      for (let i = 0; i < 30; i++) await signIn(`guess-${i}@newsroom.test`, 'password-guess', sprayer)
      expect((await signIn(reporter.email, reporter.password, sprayer)).status).toBe(401)
      expect((await signIn(reporter.email, reporter.password, '198.51.100.201')).status).toBe(200)
    })
  })
})
