import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { answerFromSearchStore } from '../../src/search/answerFromSearchStore'
import { RANKED_MATCHES } from '../../src/search/searchStore'
import { openTempSearchIndex, searchParams, storyEntry } from '../support/searchIndex'

/**
 * A query matching more stories than are ranked by bm25 (RANKED_MATCHES): among the newest of its
 * matches, headline matches first (every word, then some), then the rest, newest first in each.
 */
describe('a query matching more than RANKED_MATCHES stories (SQLite index)', () => {
  let index: Awaited<ReturnType<typeof openTempSearchIndex>>
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString()
  // Story n is published n hours after 2024-01-01: the highest n is the newest.
  const STORIES = RANKED_MATCHES + 200

  beforeAll(async () => {
    index = await openTempSearchIndex()
    const entries = Array.from({ length: STORIES }, (_, n) => {
      // Headlines: 安源 and 煤矿 in ten long ones, 安源 alone in five older short ones (bm25 would
      // put those first), the rest only in the body; five bodies say 安源 five times (bm25 would put them before the newest).
      const title = n >= 500 && n < 510 ? `安源煤矿工人运动纪念馆今日开放第${n}期` : n >= 400 && n < 405 ? `安源${n}` : `本地新闻${n}`
      const text = n >= 1100 && n < 1105 ? `安源安源安源安源安源的煤矿工人在第${n}天开会。` : `安源的煤矿工人在第${n}天开会。`
      return storyEntry(`s${n}`, title, text, day(n))
    })
    for (let start = 0; start < entries.length; start += 300) await index.store.replaceArticles(entries.slice(start, start + 300))
    // The newest of all, with 安源 in the headline: drafts (newsroom only), never found by the public.
    await index.store.replaceArticles([0, 1, 2].map((n) => storyEntry(`draft${n}`, `安源草稿${n}`, '安源的草稿。', day(STORIES + n), 'newsroom')))
  }, 60_000)

  afterAll(() => index?.close())

  it('puts the stories with the word in the headline first, newest first, then the newest others', async () => {
    const answer = await answerFromSearchStore(index.store, searchParams('安源', { limit: 20 }), 'public')
    expect(answer.totalDocs).toBe(STORIES)
    expect(answer.docs.map((doc) => doc.id)).toEqual([
      ...['s509', 's508', 's507', 's506', 's505', 's504', 's503', 's502', 's501', 's500', 's404', 's403', 's402', 's401', 's400'],
      ...['s1199', 's1198', 's1197', 's1196', 's1195'],
    ])
  })

  it('never shows the public a newsroom-only entry, which the newsroom finds first', async () => {
    const forPublic = await answerFromSearchStore(index.store, searchParams('安源', { limit: 50 }), 'public')
    expect(forPublic.docs.map((doc) => doc.id).filter((id) => id.startsWith('draft'))).toEqual([])
    const forNewsroom = await answerFromSearchStore(index.store, searchParams('安源', { limit: 3 }), 'newsroom')
    expect(forNewsroom.docs.map((doc) => doc.id)).toEqual(['draft2', 'draft1', 'draft0'])
  })

  it('puts every word in the headline before some of them', async () => {
    const answer = await answerFromSearchStore(index.store, searchParams('安源 煤矿', { limit: 12 }), 'public')
    expect(answer.docs.map((doc) => doc.id)).toEqual([
      ...['s509', 's508', 's507', 's506', 's505', 's504', 's503', 's502', 's501', 's500'],
      ...['s404', 's403'],
    ])
  })

  it('pages on through the same order, each story once', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => answerFromSearchStore(index.store, searchParams('安源', { page, limit: 10 }), 'public')))
    const ids = pages.flatMap((page) => page.docs.map((doc) => doc.id))
    expect(new Set(ids).size).toBe(30)
    expect(ids.slice(15, 20)).toEqual(['s1199', 's1198', 's1197', 's1196', 's1195'])
    expect(ids.slice(20)).toEqual(['s1194', 's1193', 's1192', 's1191', 's1190', 's1189', 's1188', 's1187', 's1186', 's1185'])
  })

  it('keeps the date range: only the window asked for, headline matches first', async () => {
    // 1,101 matches up to s1100: the newest 1,000 of them are s101–s1100.
    const answer = await answerFromSearchStore(index.store, searchParams('安源', { to: day(1100), limit: 17 }), 'public')
    expect(answer.docs.map((doc) => doc.id)).toEqual([...Array.from({ length: 10 }, (_, n) => `s${509 - n}`), 's404', 's403', 's402', 's401', 's400', 's1100', 's1099'])
  })

  it('ranks a query with fewer matches by bm25: term frequency counts', async () => {
    // A window of 20 stories, five of them saying 安源 five times.
    const answer = await answerFromSearchStore(index.store, searchParams('安源', { from: day(1095), to: day(1114), limit: 5 }), 'public')
    expect(answer.totalDocs).toBe(20)
    expect(new Set(answer.docs.map((doc) => doc.id))).toEqual(new Set(['s1100', 's1101', 's1102', 's1103', 's1104']))
  })
})
