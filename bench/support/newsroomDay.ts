/**
 * The "newsroom day" of bench/api.ts: what readers ask for (a long-tailed choice of stories,
 * districts and list pages) and what the newsroom writes meanwhile (editors autosaving drafts, a
 * chief editor publishing or editing a live story), all through the real REST API.
 */
import type { Random } from './createRandom'

/** The newsroom's accounts and stories, made by bench/support/apiServer.ts. */
export interface NewsroomAccounts {
  password: string
  /** One editor a draft (never published: its autosaves change no public answer). */
  editors: { email: string; draftId: string }[]
  chiefEditor: { email: string }
  /** Approved stories the chief editor publishes, one a turn. */
  approvedIds: string[]
  /** Live stories the chief editor edits (a new summary, published at once). */
  liveIds: string[]
}

export interface ReadPath {
  api: string
  /** The bare handler's path for the same answer. */
  bare: string
}

/** Share of reads per kind: a story page, a district's list page, the latest-stories list page. */
const READ_MIX = { story: 0.6, district: 0.3, latest: 0.1 }
const LIST_LIMIT = 10

/**
 * A Zipf sampler over ranks 0…n-1 (rank k drawn with weight 1/(k+1)^s): a few items take most
 * reads and a long tail the rest, as on a news site.
 */
export function zipfSampler(n: number, random: Random, s = 1): () => number {
  const cumulative: number[] = []
  let total = 0
  for (let k = 1; k <= n; k++) cumulative.push((total += 1 / k ** s))
  return () => {
    const target = random.next() * total
    let low = 0
    let high = n - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (cumulative[middle]! < target) low = middle + 1
      else high = middle
    }
    return low
  }
}

/** The items in a seeded random order: who is popular should not follow the order they were made in. */
function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/**
 * `count` reads in the order readers send them: 60 % a story by slug, 30 % a page of a district's
 * list, 10 % a page of the latest stories; stories, districts and page numbers each by Zipf rank.
 */
export function buildNewsroomReads(
  site: { slugs: string[]; districts: { slug: string; totalDocs: number }[]; publishedTotal: number },
  random: Random,
  count: number,
): ReadPath[] {
  const stories = shuffled(site.slugs, random)
  const districts = shuffled(
    site.districts.filter((district) => district.totalDocs > 0),
    random,
  )
  const story = zipfSampler(stories.length, random)
  const district = zipfSampler(districts.length, random)
  const pagesOf = (total: number) => Math.max(1, Math.ceil(total / LIST_LIMIT))
  const pageSamplers = new Map<number, () => number>()
  const page = (total: number) => {
    const pages = pagesOf(total)
    if (!pageSamplers.has(pages)) pageSamplers.set(pages, zipfSampler(pages, random))
    return pageSamplers.get(pages)!() + 1
  }
  const reads: ReadPath[] = []
  for (let i = 0; i < count; i++) {
    const roll = random.next()
    if (roll < READ_MIX.story) {
      const slug = encodeURIComponent(stories[story()]!)
      reads.push({ api: `/api/articles?where[slug][equals]=${slug}&limit=1&depth=1`, bare: `/bare/articles/by-slug/${slug}` })
    } else if (roll < READ_MIX.story + READ_MIX.district) {
      const { slug, totalDocs } = districts[district()]!
      const p = page(totalDocs)
      reads.push({ api: `/api/articles?where[districts.slug][equals]=${slug}&limit=${LIST_LIMIT}&depth=1&page=${p}`, bare: `/bare/articles/by-district/${slug}?page=${p}` })
    } else {
      const p = page(site.publishedTotal)
      reads.push({ api: `/api/articles?limit=${LIST_LIMIT}&depth=1&page=${p}`, bare: `/bare/articles/latest?page=${p}` })
    }
  }
  return reads
}

export interface WriterTally {
  autosaves: number
  publishes: number
  liveEdits: number
  /** Writes answered with anything but 2xx, with the first few reasons. */
  failed: number
  firstFailures: string[]
  /** Wall-clock ms per write, as the writer saw it. */
  writeMs: number[]
}

async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
  const body = (await res.json()) as { token?: string }
  if (!res.ok || !body.token) throw new Error(`sign-in of ${email} refused: ${res.status} ${JSON.stringify(body).slice(0, 200)}`)
  return body.token
}

/**
 * Starts the newsroom's writers against `baseUrl`, each signed in with its own JWT: every editor
 * autosaves its draft every `autosaveEveryMs` (staggered), and the chief editor, every
 * `chiefEveryMs`, publishes the next approved story or edits a live one, in turn.
 * Returns a function that stops them and gives the tally.
 */
export async function startNewsroomWriters(
  baseUrl: string,
  accounts: NewsroomAccounts,
  options: { autosaveEveryMs: number; chiefEveryMs: number },
): Promise<() => Promise<WriterTally>> {
  const tally: WriterTally = { autosaves: 0, publishes: 0, liveEdits: 0, failed: 0, firstFailures: [], writeMs: [] }
  const editorTokens = await Promise.all(accounts.editors.map(({ email }) => signIn(baseUrl, email, accounts.password)))
  const chiefToken = await signIn(baseUrl, accounts.chiefEditor.email, accounts.password)
  const pending = new Set<Promise<void>>()
  const send = (token: string, method: string, path: string, body: unknown, counted: 'autosaves' | 'publishes' | 'liveEdits') => {
    const started = performance.now()
    const request = fetch(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `JWT ${token}` }, body: JSON.stringify(body) })
      .then(async (res) => {
        const text = await res.text()
        tally.writeMs.push(performance.now() - started)
        if (res.ok) tally[counted]++
        else throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`)
      })
      .catch((error: Error) => {
        tally.failed++
        if (tally.firstFailures.length < 3) tally.firstFailures.push(error.message)
      })
      .finally(() => pending.delete(request))
    pending.add(request)
  }
  const timers: NodeJS.Timeout[] = []
  accounts.editors.forEach(({ draftId }, index) => {
    let saves = 0
    const autosave = () => send(editorTokens[index]!, 'PATCH', `/api/articles/${draftId}?draft=true&autosave=true`, { summary: `自动保存的摘要 ${++saves}` }, 'autosaves')
    // Staggered, as editors do not type in step.
    timers.push(setTimeout(() => timers.push(setInterval(autosave, options.autosaveEveryMs)), (index * options.autosaveEveryMs) / accounts.editors.length))
  })
  let turn = 0
  const chiefTurn = () => {
    const publish = turn % 2 === 0 && turn / 2 < accounts.approvedIds.length
    if (publish) send(chiefToken, 'POST', `/api/articles/${accounts.approvedIds[turn / 2]}/transition`, { action: 'publish' }, 'publishes')
    else {
      const id = accounts.liveIds[turn % accounts.liveIds.length]!
      // A live story's edit, made live at once: the guard turns `_status: published` into a publish transition.
      send(chiefToken, 'PATCH', `/api/articles/${id}`, { summary: `总编辑修改的摘要 ${turn}`, _status: 'published' }, 'liveEdits')
    }
    turn++
  }
  // The first turn half a period in, so that a short measurement still sees one.
  timers.push(setTimeout(() => (chiefTurn(), timers.push(setInterval(chiefTurn, options.chiefEveryMs))), options.chiefEveryMs / 2))
  return async () => {
    for (const timer of timers) clearInterval(timer)
    await Promise.all(pending)
    return tally
  }
}
