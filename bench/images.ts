/**
 * `npm run bench:images`: 50 generated 12-megapixel JPEGs uploaded through the REST API of an
 * in-process CMS on SQLite, and the same files through a bare sharp pipeline that makes the same
 * files (metadata-free original, thumbnail/card/hero in JPEG and WebP, placeholder) and writes
 * them to disk, with no HTTP, no Payload and no database.
 *
 * The client (which also generates the corpus) runs in a child process, as a browser would be
 * elsewhere: its CPU time and memory are not the server's. The two pipelines take turns image by
 * image, so load from elsewhere on the machine weighs on both alike. Reports images per second,
 * CPU time and peak memory (RSS high-water mark, sampled every 10 ms) of each, and the CMS's
 * extra time over bare sharp (target: at most +25%). Prints figures; asserts nothing.
 *
 * Options: --count N (50), --concurrency N (1: one upload at a time, as a photographer's batch).
 */
import { type ChildProcess, fork } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import sharp from 'sharp'

import { detectImageFormat } from '../src/photos/detectImageFormat'
import { PHOTO_DERIVATIVES, WEBP_OPTIONS, kebabSizeName } from '../src/photos/photoSizes'
import { buildPlaceholder } from '../src/photos/preparePhotoUpload'
import { readExifFacts } from '../src/photos/readExifFacts'
import { stripMetadata } from '../src/photos/stripMetadata'
import { type Figure, describeMachine, formatFigures } from './support/report'

const WIDTH = 4000
const HEIGHT = 3000
const WARM_UP = 3

// ---------------------------------------------------------------- the client (a child process)

type ClientRequest =
  | { id: number; kind: 'generate'; directory: string; count: number }
  | { id: number; kind: 'upload'; url: string; token: string; file: string }
interface ClientReply {
  id: number
  files?: string[]
  status?: number
  error?: string
}

/**
 * The client process: generates the corpus (so that its memory is not the server's) and POSTs
 * each file it is sent as multipart to /api/photos, as the admin's upload form does.
 */
function runClient(): void {
  process.on('message', async (request: ClientRequest) => {
    const reply: ClientReply = { id: request.id }
    try {
      if (request.kind === 'generate') {
        reply.files = []
        for (let index = 0; index < request.count; index += 2) {
          const pair = [index, index + 1].filter((i) => i < request.count)
          reply.files.push(...(await Promise.all(pair.map((i) => generatePhoto(request.directory, i)))))
        }
      } else {
        const form = new FormData()
        form.append('file', await fs.openAsBlob(request.file, { type: 'image/jpeg' }), path.basename(request.file))
        form.append('_payload', JSON.stringify({ alt: '基准测试', photographer: '郁佳敏' }))
        const response = await fetch(`${request.url}/api/photos`, {
          method: 'POST',
          headers: { authorization: `JWT ${request.token}` },
          body: form,
        })
        const body = (await response.json()) as { doc?: { sizes?: Record<string, { filename: string | null }> } }
        reply.status = response.status
        const sizes = Object.values(body.doc?.sizes ?? {})
        if (response.status !== 201) reply.error = JSON.stringify(body)
        else if (sizes.length !== PHOTO_DERIVATIVES.length || sizes.some((size) => !size.filename)) reply.error = 'a size is missing'
      }
    } catch (error) {
      reply.error = String(error)
    }
    process.send!(reply)
  })
}

function startClient() {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--client'], { stdio: 'inherit' })
  const pending = new Map<number, (reply: ClientReply) => void>()
  let nextId = 0
  child.on('message', (reply: ClientReply) => pending.get(reply.id)?.(reply))
  const ask = (request: Omit<ClientRequest, 'id'>) =>
    new Promise<ClientReply>((resolve, reject) => {
      const id = nextId++
      pending.set(id, (reply) => {
        pending.delete(id)
        if (reply.error) reject(new Error(`${JSON.stringify(request)}: ${reply.status ?? ''} ${reply.error}`))
        else resolve(reply)
      })
      child.send({ ...request, id })
    })
  return {
    generate: async (directory: string, count: number) => (await ask({ kind: 'generate', directory, count } as never)).files!,
    upload: async (url: string, token: string, file: string) => void (await ask({ kind: 'upload', url, token, file } as never)),
    stop: () => child.kill(),
  }
}

// ---------------------------------------------------------------- the corpus

/**
 * A 12 MP camera-like JPEG: smooth colour fields (a random 40 × 30 image blown up and blurred),
 * fine grain, quality 92 with 4:2:0 chroma, and the EXIF a camera writes (make, model, time, GPS).
 */
async function generatePhoto(directory: string, index: number): Promise<string> {
  const fields = await sharp({
    create: { width: 40, height: 30, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 70 } },
  })
    .png()
    .toBuffer()
  const grain = await sharp({
    create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 12 } },
  })
    .png({ compressionLevel: 1 })
    .toBuffer()
  const bytes = await sharp(fields)
    .resize(WIDTH, HEIGHT, { kernel: 'cubic' })
    .blur(8)
    .composite([{ input: grain, blend: 'soft-light' }])
    .jpeg({ quality: 92 })
    .withExif({
      IFD0: { Make: 'Canon', Model: 'Canon EOS R6' },
      IFD2: { DateTimeOriginal: '2024:05:01 09:30:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '27/1 37/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 51/1 12/1' },
    })
    .toBuffer()
  const file = path.join(directory, `pingxiang-${String(index).padStart(3, '0')}.jpg`)
  fs.writeFileSync(file, bytes)
  return file
}

// ---------------------------------------------------------------- the bare pipeline

/**
 * The same files as the CMS stores, from the same helpers and sharp settings, with everything
 * that can run in parallel running in parallel (the best case for sharp).
 */
async function processBare(file: string, outputDir: string): Promise<void> {
  const bytes = fs.readFileSync(file)
  const format = detectImageFormat(bytes)
  if (format !== 'jpeg') throw new Error(`${file}: expected a JPEG`)
  const metadata = await sharp(bytes).metadata()
  readExifFacts(metadata.exif)
  const original = stripMetadata(bytes, format)
  const name = path.basename(file, '.jpg')
  const base = sharp(original).rotate()
  await Promise.all([
    fs.promises.writeFile(path.join(outputDir, `${name}.jpg`), original),
    ...PHOTO_DERIVATIVES.map(async ({ name: sizeName, width, format: sizeFormat }) => {
      let pipeline = base.clone().resize({ width, fit: 'inside', withoutEnlargement: true })
      if (sizeFormat === 'webp') pipeline = pipeline.webp(WEBP_OPTIONS)
      const { data, info } = await pipeline.toBuffer({ resolveWithObject: true })
      const extension = sizeFormat === 'webp' ? 'webp' : 'jpg'
      await fs.promises.writeFile(path.join(outputDir, `${name}-${kebabSizeName(sizeName)}-${info.width}x${info.height}.${extension}`), data)
      // The placeholder comes from the WebP thumbnail, as in the CMS.
      if (sizeName === 'thumbnailWebp') await buildPlaceholder(data)
    }),
  ])
}

// ---------------------------------------------------------------- measuring

interface Phase {
  label: string
  /** Wall-clock seconds, summed over the phase's turns. */
  seconds: number
  /** CPU seconds of this process (main thread and libvips/libuv threads) during the phase's turns. */
  cpuSeconds: number
  /** Wall-clock milliseconds per turn (one batch of `concurrency` images), for the median. */
  turns: number[]
  peakRss: number
}

const newPhase = (label: string): Phase => ({ label, seconds: 0, cpuSeconds: 0, turns: [], peakRss: 0 })

/** Runs one turn of a phase, adding its wall time, CPU time and memory high-water mark (sampled every 10 ms). */
async function measure(phase: Phase, run: () => Promise<unknown>): Promise<void> {
  const sampler = setInterval(() => {
    phase.peakRss = Math.max(phase.peakRss, process.memoryUsage.rss())
  }, 10)
  const cpu = process.cpuUsage()
  const started = performance.now()
  try {
    await run()
  } finally {
    const elapsed = performance.now() - started
    const { user, system } = process.cpuUsage(cpu)
    clearInterval(sampler)
    phase.turns.push(elapsed)
    phase.seconds += elapsed / 1000
    phase.cpuSeconds += (user + system) / 1e6
    phase.peakRss = Math.max(phase.peakRss, process.memoryUsage.rss())
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
const percent = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%`

// ---------------------------------------------------------------- the CMS (this process)

/**
 * The CMS as `npm start` runs it (the same factory as src/server.ts), in this process, on a fresh
 * SQLite file and media directory, with an admin and a signed-in photographer.
 */
async function startCms(workDir: string) {
  Object.assign(process.env, {
    DATABASE_URI: `file:${path.join(workDir, 'bench.db')}`,
    DATABASE_INIT: 'true',
    MEDIA_DIR: path.join(workDir, 'media'),
    PAYLOAD_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    HOST: '127.0.0.1',
    PORT: '0',
    SEED_ON_START: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    UPLOAD_MAX_BYTES: String(50 * 1024 * 1024),
  })
  const { loadEnv } = await import('../src/env')
  const env = loadEnv()
  const { default: config } = await import('../src/payload.config')
  const { createNewsroomServer } = await import('../src/http/createNewsroomServer')
  const server = await createNewsroomServer({ env, config, withAdmin: false })
  const { url } = await server.listen()
  const password = 'bench-password-correct-horse'
  for (const [email, roles] of [
    ['admin@bench.test', ['admin']],
    ['photographer@bench.test', ['photographer']],
  ] as const) {
    await server.payload.create({ collection: 'users', data: { email, password, name: roles[0], roles: [...roles] }, overrideAccess: true })
  }
  const login = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'photographer@bench.test', password }),
  })
  const { token } = (await login.json()) as { token: string }
  return { server, url, token }
}

// ---------------------------------------------------------------- the run

async function main(): Promise<void> {
  const { values: options } = parseArgs({
    options: { count: { type: 'string', default: '50' }, concurrency: { type: 'string', default: '1' } },
  })
  const count = Number(options.count)
  const concurrency = Number(options.concurrency)
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-images-'))
  const inputDir = path.join(workDir, 'input')
  const bareDir = path.join(workDir, 'bare')
  fs.mkdirSync(inputDir)
  fs.mkdirSync(bareDir)

  const client = startClient()
  console.log(`Generating ${count} JPEGs of ${WIDTH} × ${HEIGHT} (12 MP) in ${inputDir} …`)
  const files = await client.generate(inputDir, count)
  const averageMb = files.reduce((sum, file) => sum + fs.statSync(file).size, 0) / count / 1024 / 1024

  const cms = await startCms(workDir)
  const staticDir = cms.server.payload.collections.photos.config.upload.staticDir!
  try {
    const { url, token } = cms
    const inBatches = async (batch: string[], task: (file: string) => Promise<void>) => void (await Promise.all(batch.map(task)))

    // Warm-up (not counted): JIT, sharp's and the database's first-use costs, for both.
    for (const file of files.slice(0, WARM_UP)) {
      await client.upload(url, token, file)
      await processBare(file, bareDir)
    }

    global.gc?.()
    const baselineRss = process.memoryUsage.rss()
    const viaCms = newPhase('CMS (REST upload, SQLite)')
    const bare = newPhase('bare sharp (same files)')
    for (let start = 0; start < files.length; start += concurrency) {
      const batch = files.slice(start, start + concurrency)
      await measure(viaCms, () => inBatches(batch, (file) => client.upload(url, token, file)))
      await measure(bare, () => inBatches(batch, (file) => processBare(file, bareDir)))
    }

    const medianPerImage = (run: Phase) => median(run.turns) / concurrency
    const extra = (ratio: number) => (ratio - 1) * 100
    const phaseFigures = (run: Phase): Figure[] => [
      { name: `${run.label}: images per second`, value: count / run.seconds, unit: 'img/s', digits: 2 },
      { name: `${run.label}: time per image (median)`, value: `${((run.seconds / count) * 1000).toFixed(0)} ms (${medianPerImage(run).toFixed(0)} ms)` },
      { name: `${run.label}: CPU per image`, value: (run.cpuSeconds / count) * 1000, unit: 'ms' },
      { name: `${run.label}: peak RSS`, value: mb(run.peakRss) },
    ]
    const wallExtra = extra(viaCms.seconds / bare.seconds)
    console.log(
      `\n${count} × 12 MP JPEG (${averageMb.toFixed(1)} MB each), concurrency ${concurrency}; sharp ${sharp.versions.sharp}, ` +
        `libvips ${sharp.versions.vips} (${sharp.concurrency()} thread per image); ${describeMachine()}\n`,
    )
    console.log(
      formatFigures([
        ...phaseFigures(viaCms),
        ...phaseFigures(bare),
        { name: 'CMS extra time over bare sharp (wall clock)', value: `${percent(viaCms.seconds / bare.seconds)}`, target: '≤ +25%', met: wallExtra <= 25 },
        { name: 'CMS extra time over bare sharp (median per image)', value: percent(medianPerImage(viaCms) / medianPerImage(bare)) },
        { name: 'CMS extra CPU over bare sharp', value: percent(viaCms.cpuSeconds / bare.cpuSeconds) },
      ]),
    )
    console.log(
      `RSS of this process (CMS server and bare pipeline; the client is another process): ${mb(baselineRss)} before measuring, ` +
        `high-water mark of the whole run ${mb(process.resourceUsage().maxRSS * 1024)}`,
    )
    console.log(`files stored by the CMS: ${fs.readdirSync(staticDir).length} (expected ${(count + WARM_UP) * 7}: original + 6 sizes each)`)
  } finally {
    client.stop()
    await cms.server.close()
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

if (process.argv.includes('--client')) {
  runClient()
} else {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
