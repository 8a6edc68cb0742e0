import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'

import type { SearchParams } from '../../src/search/answerFromSearchStore'
import type { EntryAudience, SearchDocument } from '../../src/search/searchDocument'
import type { SearchStore } from '../../src/search/searchStore'

import { buildSearchDocument } from '../../src/search/searchDocument'
import { createSqliteSearchStore } from '../../src/search/sqliteSearchStore'

/** An SQLite search index in a file of its own (no Payload): the store the server writes, for tests of the index itself. */
export async function openTempSearchIndex(): Promise<{ store: SearchStore; indexFile: string; close(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-index-'))
  const client = createClient({ url: `file:${path.join(dir, 'newsroom.db')}` })
  const store = createSqliteSearchStore(client)
  await store.prepare()
  return {
    store,
    indexFile: (await store.indexFile!())!,
    close: () => {
      client.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

const body = (...paragraphs: string[]) => ({
  root: { type: 'root', children: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })) },
})

/** A published story's index entry, as the save hooks build it. */
export function storyEntry(id: string, title: string, text: string, publishedAt: string, audience: EntryAudience = 'both'): { articleId: string; documents: SearchDocument[] } {
  const article = { id, slug: id, title: { 'zh-Hans': title }, body: { 'zh-Hans': body(text) }, updatedAt: publishedAt, originalPublishedAt: publishedAt, _status: 'published' }
  return { articleId: id, documents: [buildSearchDocument(article as never, audience, [], [])] }
}

export const searchParams = (q: string, more: Partial<SearchParams> = {}): SearchParams => ({ q, locale: 'zh-Hans', page: 1, limit: 10, ...more })
