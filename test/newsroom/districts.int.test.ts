import { afterAll, describe, expect, it } from 'vitest'

import { callApi, signedInAs } from '../support/api'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'

/** Reference districts are loaded at start, once, and an editor's edits survive a restart. */
describe('reference districts', () => {
  let server: TestServer | undefined

  afterAll(async () => {
    await stopTestServer(server)
  })

  it('are loaded once across two starts and keep an editor’s edits', async () => {
    server = await startTestServer('districts')
    const first = await callApi(server.url, '/api/districts?limit=100&sort=code&depth=1')
    expect(first.status).toBe(200)
    expect(first.body.docs.map((d: { code: string; name: string }) => `${d.code} ${d.name}`)).toEqual([
      '360300 萍乡市',
      '360302 安源区',
      '360313 湘东区',
      '360321 莲花县',
      '360322 上栗县',
      '360323 芦溪县',
    ])
    const anyuan = first.body.docs.find((d: { slug: string }) => d.slug === 'anyuan')
    expect(anyuan).toMatchObject({ pinyin: 'Anyuan', level: 'district' })
    expect(anyuan.parent.name).toBe('萍乡市')

    await signedInAs(server, 'admin') // the first account is always an admin
    const editor = await signedInAs(server, 'editor')
    const edit = await callApi(server.url, `/api/districts/${anyuan.id}`, {
      method: 'PATCH',
      token: editor.token,
      body: { description: '编辑修改过的简介' },
    })
    expect(edit.status).toBe(200)

    const { databaseUri } = server
    await server.close()
    server = await startTestServer('districts', { databaseUri })

    const second = await callApi(server.url, '/api/districts?limit=100')
    expect(second.body.totalDocs).toBe(6)
    const anyuanAgain = second.body.docs.find((d: { slug: string }) => d.slug === 'anyuan')
    expect(anyuanAgain.id).toBe(anyuan.id)
    expect(anyuanAgain.description).toBe('编辑修改过的简介')
  })

  it('are public to read but not to change', async () => {
    const list = await callApi(server!.url, '/api/districts?where[code][equals]=360313')
    expect(list.body.docs[0].name).toBe('湘东区')
    const denied = await callApi(server!.url, `/api/districts/${list.body.docs[0].id}`, {
      method: 'PATCH',
      body: { name: '改名' },
    })
    expect(denied.status).toBe(403)
  })

  it('refuse an administrative code that is not six digits, naming the field', async () => {
    const editor = await signedInAs(server!, 'editor')
    const response = await callApi(server!.url, '/api/districts', {
      method: 'POST',
      token: editor.token,
      body: { name: '测试区', slug: 'ceshi', level: 'district', code: '3603' },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors[0].path).toBe('code')
  })
})
