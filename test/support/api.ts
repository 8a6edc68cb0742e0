import type { Payload, TypedUser } from 'payload'

import type { Role } from '../../src/roles'

/** Calls the REST API as a user would; returns status and parsed JSON. */
export async function callApi(
  baseUrl: string,
  pathAndQuery: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...init.headers }
  if (init.token) headers.authorization = `JWT ${init.token}`
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${baseUrl}${pathAndQuery}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await response.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // Not JSON (an HTML page, say): the raw text is what the caller sees.
  }
  return { status: response.status, body, headers: response.headers }
}

export interface TestUser {
  id: string
  email: string
  password: string
  token: string
}

let userCounter = 0

/** Creates a newsroom user with the given roles (Local API) and signs in through REST. */
export async function createSignedInUser(payload: Payload, baseUrl: string, roles: Role[]): Promise<TestUser> {
  userCounter++
  const email = `${roles.join('-')}-${userCounter}-${Date.now()}@newsroom.test`
  const password = `pw-${roles.join('-')}-correct-horse`
  const user = await payload.create({
    collection: 'users',
    data: { email, password, name: `测试${roles.join('/')}${userCounter}`, roles },
    overrideAccess: true,
  })
  // The first account of a database is always made an admin (collections/Users/makeFirstUserAdmin.ts).
  if (JSON.stringify(user.roles) !== JSON.stringify(roles)) {
    throw new Error(`${email} got roles ${JSON.stringify(user.roles)}, not ${JSON.stringify(roles)}: create an admin first`)
  }
  const login = await callApi(baseUrl, '/api/users/login', { method: 'POST', body: { email, password } })
  if (login.status !== 200) throw new Error(`login failed for ${email}: ${login.status} ${JSON.stringify(login.body)}`)
  return { id: String(user.id), email, password, token: login.body.token }
}

/**
 * A newsroom user with one role, signed in through REST: what a test means by "as an editor".
 * The database's first account is always made an admin (collections/Users/makeFirstUserAdmin.ts),
 * so on a database without accounts an admin is created first.
 */
export async function signedInAs(server: { payload: Payload; url: string }, role: Role): Promise<TestUser> {
  if (role !== 'admin' && (await server.payload.count({ collection: 'users', overrideAccess: true })).totalDocs === 0) {
    await createSignedInUser(server.payload, server.url, ['admin'])
  }
  return createSignedInUser(server.payload, server.url, [role])
}

/** A user as the Local API's `user` option takes it (what `req.user` is in a REST request). */
export async function userDocOf(payload: Payload, id: string): Promise<TypedUser> {
  return { ...(await payload.findByID({ collection: 'users', id, overrideAccess: true })), collection: 'users' } as TypedUser
}
