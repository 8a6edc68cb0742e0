import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PHOTO_DERIVATIVES } from '../../src/photos/photoSizes'
import { callApi, type TestUser, signedInAs } from '../support/api'
import { startTestServer, stopTestServer, type TestServer } from '../support/startTestServer'
import { FIXTURE_CAMERA, makePhoto, makePixelBomb, readLocationTraces, truncate, uploadPhoto } from '../support/photos'

const MAX_BYTES = 3 * 1024 * 1024

const FORMATS = [
  { format: 'jpeg', mimeType: 'image/jpeg', extension: 'jpg' },
  { format: 'png', mimeType: 'image/png', extension: 'png' },
  { format: 'webp', mimeType: 'image/webp', extension: 'webp' },
  { format: 'avif', mimeType: 'image/avif', extension: 'avif' },
] as const

/** Photos through the REST API: formats from bytes, derivatives, metadata, refusals, and who sees what. */
describe('photos over REST', () => {
  let server: TestServer
  let staticDir: string
  let admin: TestUser
  let chief: TestUser
  let editor: TestUser
  let reporter: TestUser
  let photographer: TestUser

  beforeAll(async () => {
    server = await startTestServer('photos', { env: { UPLOAD_MAX_BYTES: String(MAX_BYTES) } })
    staticDir = server.payload.collections.photos.config.upload.staticDir!
    admin = await signedInAs(server, 'admin')
    chief = await signedInAs(server, 'chief-editor')
    editor = await signedInAs(server, 'editor')
    reporter = await signedInAs(server, 'reporter')
    photographer = await signedInAs(server, 'photographer')
  })
  afterAll(async () => {
    await stopTestServer(server)
  })

  const storedFiles = () => (fs.existsSync(staticDir) ? fs.readdirSync(staticDir).sort() : [])
  const readStored = (filename: string) => fs.readFileSync(path.join(staticDir, filename))
  const photoCount = async () => (await server.payload.count({ collection: 'photos', overrideAccess: true })).totalDocs

  it.each(FORMATS)(
    'accepts a $format image recognised from its bytes, with each size in its own format and as WebP',
    async ({ format, mimeType, extension }) => {
      const bytes = await makePhoto({ format, width: 1800, height: 1200 })
      // The name and declared type say nothing useful: the bytes decide.
      const response = await uploadPhoto(server.url, bytes, {
        name: `upload-${format}.dat`,
        type: 'application/octet-stream',
        data: { alt: `${format} 样张`, photographer: '郁佳敏' },
        token: photographer.token,
      })
      expect(response.status, JSON.stringify(response.body)).toBe(201)
      const doc = response.body.doc
      expect(doc.mimeType).toBe(mimeType)
      expect(doc.filename).toBe(`upload-${format}.${extension}`)
      expect([doc.width, doc.height]).toEqual([1800, 1200])
      expect((await sharp(readStored(doc.filename)).metadata()).format).toBe(format === 'jpeg' ? 'jpeg' : format === 'avif' ? 'heif' : format)

      const sizes = Object.keys(doc.sizes).sort()
      expect(sizes).toEqual(PHOTO_DERIVATIVES.map(({ name }) => name).sort())
      for (const { name, width, format: sizeFormat } of PHOTO_DERIVATIVES) {
        const size = doc.sizes[name]
        const expectedWidth = Math.min(width, 1800)
        expect({ name, width: size.width, height: size.height }).toEqual({
          name,
          width: expectedWidth,
          height: Math.round((expectedWidth * 1200) / 1800),
        })
        expect({ name, mimeType: size.mimeType }).toEqual({ name, mimeType: sizeFormat === 'webp' ? 'image/webp' : mimeType })
        const file = await sharp(readStored(size.filename)).metadata()
        expect({ name, width: file.width, height: file.height }).toEqual({ name, width: size.width, height: size.height })
      }

      const served = await fetch(doc.sizes.cardWebp.url, { headers: { authorization: `JWT ${editor.token}` } })
      expect(served.status).toBe(200)
      expect(served.headers.get('content-type')).toBe('image/webp')
      expect(Buffer.from(await served.arrayBuffer()).equals(readStored(doc.sizes.cardWebp.filename))).toBe(true)

      expect(doc.placeholder).toMatch(/^data:image\/webp;base64,/)
      const placeholder = await sharp(Buffer.from(doc.placeholder.split(',')[1], 'base64')).metadata()
      expect([placeholder.format, placeholder.width, placeholder.height]).toEqual(['webp', 16, 11])
      // Two thirds of the fixture are blue (#2040e0).
      expect(doc.dominantColor).toMatch(/^#[0-3][0-9a-f][3-5][0-9a-f][d-f][0-9a-f]$/)
    },
  )

  it('removes GPS and other location data from the stored original and every size, and keeps camera and capture time as fields', async () => {
    const bytes = await makePhoto({ format: 'jpeg', width: 1800, height: 1200, withCameraAndGps: true })
    expect(await readLocationTraces(bytes)).toEqual(['EXIF GPS', 'XMP GPS', 'GPSLatitude bytes'])

    const response = await uploadPhoto(server.url, bytes, { name: 'gps.jpg', token: photographer.token })
    expect(response.status).toBe(201)
    const doc = response.body.doc
    expect(doc.cameraMake).toBe(FIXTURE_CAMERA.make)
    expect(doc.cameraModel).toBe(FIXTURE_CAMERA.model)
    expect(doc.takenAt).toBe(FIXTURE_CAMERA.takenAt)

    const files = [doc.filename, ...PHOTO_DERIVATIVES.map(({ name }) => doc.sizes[name].filename)]
    expect(files).toHaveLength(7)
    for (const filename of files) {
      const stored = readStored(filename)
      expect({ filename, traces: await readLocationTraces(stored) }).toEqual({ filename, traces: [] })
      const metadata = await sharp(stored).metadata()
      expect({ filename, exif: metadata.exif, xmp: metadata.xmp }).toEqual({ filename, exif: undefined, xmp: undefined })
    }
  })

  it('a capture time entered with the upload wins over the camera clock', async () => {
    const bytes = await makePhoto({ width: 800, height: 600, withCameraAndGps: true })
    const response = await uploadPhoto(server.url, bytes, {
      token: photographer.token,
      data: { alt: '手动时间', takenAt: '2023-12-31T16:00:00.000Z' },
    })
    expect(response.body.doc.takenAt).toBe('2023-12-31T16:00:00.000Z')
  })

  it('applies the EXIF orientation: a portrait shot stored sideways comes out upright in the original and every size', async () => {
    // Drawn 1800 × 1200 with the red third on the left; orientation 6 means "turn 90° clockwise to view".
    const bytes = await makePhoto({ format: 'jpeg', width: 1800, height: 1200, orientation: 6 })
    const response = await uploadPhoto(server.url, bytes, { name: 'portrait.jpg', token: photographer.token })
    expect(response.status).toBe(201)
    const doc = response.body.doc
    expect([doc.width, doc.height]).toEqual([1200, 1800])
    expect([doc.sizes.thumbnail.width, doc.sizes.thumbnail.height]).toEqual([320, 480])
    expect([doc.sizes.heroWebp.width, doc.sizes.heroWebp.height]).toEqual([1200, 1800])
    for (const filename of [doc.filename, doc.sizes.thumbnail.filename, doc.sizes.cardWebp.filename]) {
      const { data, info } = await sharp(readStored(filename)).raw().toBuffer({ resolveWithObject: true })
      expect(info.height).toBeGreaterThan(info.width)
      const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)]
      // Upright: the red third is now the top third.
      expect({ filename, top: isRed(pixel(Math.floor(info.width / 2), 2)) }).toEqual({ filename, top: true })
      expect({ filename, bottom: isRed(pixel(Math.floor(info.width / 2), info.height - 3)) }).toEqual({ filename, bottom: false })
      expect((await sharp(readStored(filename)).metadata()).orientation ?? 1).toBe(1)
    }
  })

  it('keeps the focal point an editor sets (for front ends to crop around), and the stored files with it', async () => {
    const created = await uploadPhoto(server.url, await makePhoto({ width: 1800, height: 1200 }), { token: photographer.token })
    const before = created.body.doc
    expect([before.focalX, before.focalY]).toEqual([50, 50])
    const moved = await callApi(server.url, `/api/photos/${before.id}`, { method: 'PATCH', token: editor.token, body: { focalX: 20, focalY: 35 } })
    expect(moved.status).toBe(200)
    const after = moved.body.doc
    expect([after.focalX, after.focalY]).toEqual([20, 35])
    expect(after.placeholder).toBe(before.placeholder)
    for (const { name } of PHOTO_DERIVATIVES) {
      expect({ name, width: after.sizes[name].width, exists: fs.existsSync(path.join(staticDir, after.sizes[name].filename)) }).toEqual({
        name,
        width: before.sizes[name].width,
        exists: true,
      })
    }
    expect(readStored(after.filename).equals(readStored(before.filename))).toBe(true)
  })

  it('takes the type from the bytes: a PNG sent as photo.jpg (image/jpeg) is stored as a PNG named photo.png', async () => {
    const bytes = await makePhoto({ format: 'png', width: 640, height: 480 })
    const response = await uploadPhoto(server.url, bytes, { name: 'photo.jpg', type: 'image/jpeg', token: editor.token })
    expect(response.status).toBe(201)
    expect(response.body.doc.mimeType).toBe('image/png')
    expect(response.body.doc.filename).toBe('photo.png')
    expect(response.body.doc.sizes.thumbnail.mimeType).toBe('image/png')
  })

  describe('refused uploads', () => {
    const cases: { name: string; status: number; message: RegExp; reason?: string; make: () => Promise<Buffer>; file: string }[] = [
      {
        name: 'a text file named .jpg',
        status: 415,
        reason: 'unsupported-type',
        message: /not a JPEG, PNG, WebP or AVIF image: its contents are plain text/,
        make: async () => Buffer.from('萍乡新闻：这不是图片。\nJust text pretending to be a photo.\n'),
        file: 'notes.jpg',
      },
      {
        name: 'a GIF',
        status: 415,
        reason: 'unsupported-type',
        message: /its contents are a GIF image/,
        make: () => sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } }).gif().toBuffer(),
        file: 'animation.gif',
      },
      {
        name: 'a truncated JPEG',
        status: 422,
        reason: 'truncated',
        message: /JPEG file is truncated/,
        make: async () => truncate(await makePhoto({ format: 'jpeg', width: 1200, height: 800 })),
        file: 'cut.jpg',
      },
      {
        name: 'a truncated PNG',
        status: 422,
        reason: 'truncated',
        message: /PNG file is truncated/,
        make: async () => truncate(await makePhoto({ format: 'png', width: 1200, height: 800 })),
        file: 'cut.png',
      },
      {
        name: 'a corrupt JPEG (garbage in the image data)',
        status: 422,
        reason: 'corrupt',
        message: /JPEG file is corrupt: its image data cannot be decoded/,
        make: async () => {
          const bytes = await makePhoto({ format: 'jpeg', width: 1200, height: 800, withCameraAndGps: true })
          bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 2000)
          return bytes
        },
        file: 'broken.jpg',
      },
      {
        name: 'a decompression bomb (100 MP in a 300 KB PNG)',
        status: 413,
        reason: 'too-many-pixels',
        message: /too many pixels: 10000 × 10000 = 100 MP, above the limit of 50 MP \(UPLOAD_MAX_PIXELS\)/,
        make: makePixelBomb,
        file: 'bomb.png',
      },
      {
        name: 'a file over UPLOAD_MAX_BYTES',
        status: 413,
        message: /File size limit has been reached/,
        make: async () => {
          const bytes = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 80 } } })
            .jpeg({ quality: 100 })
            .toBuffer()
          expect(bytes.length).toBeGreaterThan(MAX_BYTES)
          return bytes
        },
        file: 'huge.jpg',
      },
    ]

    it.each(cases)('$name: $status with a message naming the problem; no file, no document', async ({ status, message, reason, make, file }) => {
      const before = { files: storedFiles(), count: await photoCount() }
      const response = await uploadPhoto(server.url, await make(), { name: file, token: photographer.token })
      expect(response.status, JSON.stringify(response.body)).toBe(status)
      expect(response.body.errors[0].message).toMatch(message)
      if (reason) expect(response.body.errors[0].data).toEqual({ reason, file })
      expect({ files: storedFiles(), count: await photoCount() }).toEqual(before)
    })
  })

  it('replacing a photo’s file goes through the same checks: a bad file changes nothing, a good one is cleaned and resized', async () => {
    const created = await uploadPhoto(server.url, await makePhoto({ width: 1800, height: 1200 }), { name: 'first.jpg', token: photographer.token })
    const before = { files: storedFiles(), doc: created.body.doc }
    const refused = await uploadPhoto(server.url, truncate(await makePhoto({ width: 1200, height: 800 })), {
      name: 'second.jpg',
      token: photographer.token,
      data: {},
      replace: before.doc.id,
    })
    expect(refused.status).toBe(422)
    expect(storedFiles()).toEqual(before.files)
    const unchanged = await callApi(server.url, `/api/photos/${before.doc.id}`, { token: photographer.token })
    expect(unchanged.body.filename).toBe(before.doc.filename)

    const replaced = await uploadPhoto(server.url, await makePhoto({ format: 'png', width: 600, height: 900, withCameraAndGps: true }), {
      name: 'second.jpg',
      token: photographer.token,
      data: {},
      replace: before.doc.id,
    })
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200)
    const doc = replaced.body.doc
    expect([doc.filename, doc.mimeType, doc.width, doc.height, doc.cameraModel]).toEqual(['second.png', 'image/png', 600, 900, FIXTURE_CAMERA.model])
    expect([doc.sizes.hero.width, doc.sizes.hero.height]).toEqual([600, 900])
    expect(await readLocationTraces(readStored(doc.filename))).toEqual([])
    expect(doc.placeholder).not.toBe(before.doc.placeholder)
    // The old files are gone.
    expect(fs.existsSync(path.join(staticDir, before.doc.filename))).toBe(false)
  })

  it('reporters cannot upload; photographers, editors and chief editors upload and edit; only chief editors and admins delete', async () => {
    const bytes = await makePhoto({ width: 640, height: 480 })
    const refused = await uploadPhoto(server.url, bytes, { token: reporter.token })
    expect(refused.status).toBe(403)
    expect(await uploadPhoto(server.url, bytes, { data: { alt: '匿名' } })).toMatchObject({ status: 403 })

    const ids: string[] = []
    for (const user of [photographer, editor, chief, admin]) {
      const created = await uploadPhoto(server.url, bytes, { token: user.token, data: { alt: '合影' } })
      expect(created.status).toBe(201)
      ids.push(created.body.doc.id)
    }
    const [id] = ids
    for (const user of [photographer, editor]) {
      const edited = await callApi(server.url, `/api/photos/${id}`, { method: 'PATCH', token: user.token, body: { alt: `${user.email} 改过` } })
      expect(edited.status).toBe(200)
    }
    const reporterEdit = await callApi(server.url, `/api/photos/${id}`, { method: 'PATCH', token: reporter.token, body: { alt: '记者改' } })
    expect(reporterEdit.status).toBe(403)
    // Reporters do read the library, to attach existing photos to their stories.
    const listed = await callApi(server.url, `/api/photos?where[id][equals]=${id}`, { token: reporter.token })
    expect(listed.body.docs).toHaveLength(1)

    for (const user of [photographer, editor, reporter]) {
      expect((await callApi(server.url, `/api/photos/${id}`, { method: 'DELETE', token: user.token })).status).toBe(403)
    }
    const deleted = await callApi(server.url, `/api/photos/${id}`, { method: 'DELETE', token: chief.token })
    expect(deleted.status).toBe(200)
    // Its files go with it.
    const gone = deleted.body.doc
    const files = [gone.filename, ...PHOTO_DERIVATIVES.map(({ name }) => gone.sizes[name].filename)]
    expect(files.filter((file) => fs.existsSync(path.join(staticDir, file)))).toEqual([])
  })

  it('system fields (placeholder, camera, usedByPublished) cannot be written through the API', async () => {
    const created = await uploadPhoto(server.url, await makePhoto({ width: 640, height: 480 }), {
      token: editor.token,
      data: { alt: '想公开', usedByPublished: true, placeholder: 'data:evil', cameraMake: 'Fake' },
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.usedByPublished).toBe(false)
    expect(created.body.doc.placeholder).toMatch(/^data:image\/webp;base64,/)
    expect(created.body.doc.cameraMake ?? null).toBeNull()
    const patched = await callApi(server.url, `/api/photos/${created.body.doc.id}`, {
      method: 'PATCH',
      token: editor.token,
      body: { usedByPublished: true },
    })
    expect(patched.body.doc.usedByPublished).toBe(false)
  })

  describe('anonymous readers', () => {
    async function newPhoto(alt: string) {
      const response = await uploadPhoto(server.url, await makePhoto({ width: 640, height: 480 }), { token: photographer.token, data: { alt } })
      return response.body.doc as { id: string; url: string; sizes: Record<string, { url: string }> }
    }
    // Stories go live and come down through the workflow, as an admin (audited): never by a userless save.
    const createArticle = async (title: string, data: Record<string, unknown>) => {
      const created = await callApi(server.url, '/api/articles', { method: 'POST', token: admin.token, body: { title, ...data } })
      expect(created.status).toBe(201)
      return created.body.doc as { id: string }
    }
    const setStatus = async (id: string, status: 'published' | 'draft') => {
      const body = status === 'published' ? { action: 'publish' } : { action: 'unpublish', comment: '测试撤稿' }
      expect((await callApi(server.url, `/api/articles/${id}/transition`, { method: 'POST', token: admin.token, body })).status).toBe(200)
    }
    const editLive = async (id: string, data: Record<string, unknown>) =>
      expect((await callApi(server.url, `/api/articles/${id}`, { method: 'PATCH', token: chief.token, body: data })).status).toBe(200)
    const anonymousSees = async (photoId: string) => {
      const one = await callApi(server.url, `/api/photos/${photoId}`)
      const list = await callApi(server.url, `/api/photos?limit=200&depth=0`)
      const listed = list.body.docs.some((doc: { id: string }) => doc.id === photoId)
      expect(listed).toBe(one.status === 200)
      return one.status === 200
    }

    it('get a photo only while a published article uses it as its hero photo', async () => {
      const photo = await newPhoto('头图')
      expect(await anonymousSees(photo.id)).toBe(false)
      const article = await createArticle('用头图的稿件', { _status: 'draft', heroPhoto: photo.id })
      expect(await anonymousSees(photo.id)).toBe(false)
      await setStatus(article.id, 'published')
      expect(await anonymousSees(photo.id)).toBe(true)
      const published = await callApi(server.url, `/api/articles/${article.id}?depth=1`)
      expect(published.body.heroPhoto.id).toBe(photo.id)
      expect(published.body.heroPhoto.sizes.heroWebp.url).toMatch(/\/api\/photos\/file\/.+-hero-webp-640x480\.webp$/)

      await setStatus(article.id, 'draft')
      expect(await anonymousSees(photo.id)).toBe(false)
      await setStatus(article.id, 'published')
      expect(await anonymousSees(photo.id)).toBe(true)
      // Another hero: the old photo is private again, the new one public.
      const other = await newPhoto('新头图')
      await editLive(article.id, { heroPhoto: other.id })
      expect([await anonymousSees(photo.id), await anonymousSees(other.id)]).toEqual([false, true])
      await setStatus(article.id, 'draft')
      expect(await anonymousSees(other.id)).toBe(false)
    })

    it('lose a photo when its story is unpublished while a newer draft of it is pending', async () => {
      const photo = await newPhoto('撤稿头图')
      const article = await createArticle('有待发草稿的稿件', { _status: 'published', heroPhoto: photo.id })
      expect(await anonymousSees(photo.id)).toBe(true)
      await server.payload.update({ collection: 'articles', id: article.id, data: { summary: '草稿修改' } as never, draft: true, overrideAccess: true })
      expect(await anonymousSees(photo.id)).toBe(true)
      await setStatus(article.id, 'draft')
      expect(await anonymousSees(photo.id)).toBe(false)
    })

    it('get a photo while a caption of a published article shows it, and not after the caption lets it go', async () => {
      const photo = await newPhoto('配图')
      const article = await createArticle('配图稿件', { _status: 'published' })
      const draftArticle = await createArticle('草稿稿件', { _status: 'draft' })
      const onDraft = await server.payload.create({
        collection: 'captions',
        data: { text: '草稿里的说明', article: draftArticle.id, photo: photo.id, position: 0 },
        overrideAccess: true,
      })
      expect(await anonymousSees(photo.id)).toBe(false)
      // Captions of a live story are live content: the chief editor changes them (liveContent.int.test.ts has the refusals).
      const caption = await callApi(server.url, '/api/captions', {
        method: 'POST',
        token: chief.token,
        body: { text: '已发布稿件的说明', article: article.id, photo: photo.id, position: 0 },
      })
      expect(caption.status).toBe(201)
      expect(await anonymousSees(photo.id)).toBe(true)

      await callApi(server.url, `/api/captions/${caption.body.doc.id}`, { method: 'PATCH', token: chief.token, body: { photo: null } })
      expect(await anonymousSees(photo.id)).toBe(false)
      await callApi(server.url, `/api/captions/${onDraft.id}`, { method: 'PATCH', token: chief.token, body: { article: article.id } })
      expect(await anonymousSees(photo.id)).toBe(true)
      await callApi(server.url, `/api/captions/${onDraft.id}`, { method: 'DELETE', token: chief.token })
      expect(await anonymousSees(photo.id)).toBe(false)
    })

    it('get the same answer through GraphQL', async () => {
      const used = await newPhoto('GraphQL 已用')
      const unused = await newPhoto('GraphQL 未用')
      await createArticle('GraphQL 公开稿件', { _status: 'published', heroPhoto: used.id })
      const response = await callApi(server.url, '/api/graphql', {
        method: 'POST',
        body: { query: '{ Photos(limit: 500) { docs { id alt usedByPublished } } }' },
      })
      const docs = response.body.data.Photos.docs as { id: string; usedByPublished: boolean }[]
      expect(docs.map((doc) => doc.id)).toContain(used.id)
      expect(docs.map((doc) => doc.id)).not.toContain(unused.id)
      expect(docs.every((doc) => doc.usedByPublished)).toBe(true)
    })

    it('download the files of used photos only', async () => {
      const used = await newPhoto('已用')
      const unused = await newPhoto('未用')
      await createArticle('公开稿件', { _status: 'published', heroPhoto: used.id })
      for (const url of [used.url, used.sizes.thumbnail.url, used.sizes.heroWebp.url]) {
        expect({ url, status: await download(url) }).toEqual({ url, status: 200 })
      }
      for (const url of [unused.url, unused.sizes.thumbnail.url]) {
        expect({ url, status: await download(url) }).toEqual({ url, status: 403 })
      }
      expect(await download(unused.url, reporter.token)).toBe(200)
    })
  })
})

/** GETs a file (reading the whole body) and returns the status. */
async function download(url: string, token?: string): Promise<number> {
  const response = await fetch(url, { headers: token ? { authorization: `JWT ${token}` } : {} })
  await response.arrayBuffer()
  return response.status
}

function isRed([r, g, b]: number[]): boolean {
  return r! > 150 && g! < 100 && b! < 100
}
