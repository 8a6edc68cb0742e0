import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SearchStore } from '../../src/search/searchStore'

import { answerFromSearchStore } from '../../src/search/answerFromSearchStore'
import { createSearchThreads, type SearchThreads } from '../../src/search/threads/searchThreads'
import { openTempSearchIndex, searchParams as params, storyEntry } from '../support/searchIndex'

/** Until every thread has started (they start on the first search, which the server's thread answers). */
async function untilThreadsAnswer(threads: SearchThreads, q: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const answer = await threads.answer(params(q))
    if (answer) return answer
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('no search thread became ready in 10 s')
}

describe('search threads (SQLite)', () => {
  let index: Awaited<ReturnType<typeof openTempSearchIndex>>
  let store: SearchStore
  let threads: SearchThreads
  const errors: unknown[] = []

  beforeAll(async () => {
    index = await openTempSearchIndex()
    store = index.store
    await store.replaceArticles([
      storyEntry('a1', '安源煤矿的百年往事', '安源路矿工人运动纪念馆今天开放。', '2024-05-01T02:00:00.000Z'),
      storyEntry('a2', '湘东区瓷器远销海外', '湘东的瓷器企业今年出口增长。', '2024-05-02T02:00:00.000Z'),
      storyEntry('a3', '上栗烟花节', '上栗烟花名声在外，安源游客也来观看。', '2024-05-03T02:00:00.000Z'),
    ])
    threads = createSearchThreads(index.indexFile, 2, (error) => errors.push(error))
  }, 60_000)

  afterAll(async () => {
    await threads?.close()
    index?.close()
  })

  it('answers as the server thread does, in either script', async () => {
    await untilThreadsAnswer(threads, '安源')
    for (const query of [params('安源'), params('煤礦'), params('瓷器', { locale: 'zh-Hant' }), params('安源', { from: '2024-05-02T00:00:00.000Z' }), params('没有这个词')]) {
      expect(await threads.answer(query)).toEqual(await answerFromSearchStore(store, query, 'public'))
    }
    expect((await threads.answer(params('安源')))!.docs.map((doc) => doc.id).sort()).toEqual(['a1', 'a3'])
    expect(errors).toEqual([])
  }, 30_000)

  it('finds a story as soon as the store has written it, and not once it is gone', async () => {
    await store.replaceArticles([storyEntry('a4', '芦溪茶油', '芦溪的茶油远近闻名。', '2024-05-04T02:00:00.000Z')])
    expect((await threads.answer(params('茶油')))!.docs.map((doc) => doc.id)).toEqual(['a4'])
    await store.replaceArticles([{ articleId: 'a4', documents: [] }])
    expect((await threads.answer(params('茶油')))!.totalDocs).toBe(0)
  })

  it('searches many at once, each answered once', async () => {
    const queries = Array.from({ length: 40 }, (_, index) => params(['安源', '瓷器', '烟花', '湘東'][index % 4]!))
    const answers = await Promise.all(queries.map((query) => threads.answer(query)))
    expect(answers.map((answer) => answer?.totalDocs)).toEqual(queries.map((query) => ({ 安源: 2, 瓷器: 1, 烟花: 1, 湘東: 1 })[query.q]))
  })

  it('never finds a newsroom-only entry: a thread answers for the public', async () => {
    await store.replaceArticles([storyEntry('a5', '草稿标题武功山', '武功山草稿。', '2024-05-05T02:00:00.000Z', 'newsroom')])
    expect((await threads.answer(params('武功山')))!.totalDocs).toBe(0)
    expect((await answerFromSearchStore(store, params('武功山'), 'newsroom')).totalDocs).toBe(1)
  })

  it('gives no answer once closed (the caller then searches itself)', async () => {
    const closed = createSearchThreads(index.indexFile, 1, () => {})
    await untilThreadsAnswer(closed, '安源')
    await closed.close()
    expect(await closed.answer(params('安源'))).toBeUndefined()
  }, 30_000)
})
