import { createHash } from 'node:crypto'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import type { SearchDistrict, SearchSources } from '../../src/search/searchDocument'

import { createStoryGenerator } from '../../bench/support/generateSearchStories'
import { encodeSqliteEntry } from '../../src/search/encodeSqliteEntry'
import { startEntryBuilderPool } from '../../src/search/threads/entryBuilderPool'
import { buildSearchDocument } from '../../src/search/searchDocument'
import { referenceDistricts } from '../../src/reference/districts'
import { toTraditional } from '../../src/text/chineseConverters'

const STORIES = 120

const lexicalBody = (paragraphs: string[]) => ({
  root: { type: 'root', children: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })) },
})

const districts: SearchDistrict[] = referenceDistricts.map((district, index) => ({ id: `district-${index}`, name: district.name, slug: `slug-${index}` }))

/**
 * Generated stories from the seeds (both scripts, as the importer stores them), with what real
 * articles add: a pending draft beside the live text, a draft never published, captions with
 * credits, tags, a traditional text an editor changed.
 */
function buildFixtureSources(): SearchSources[] {
  const nextStory = createStoryGenerator([path.resolve(import.meta.dirname, '../../seeds')])
  return Array.from({ length: STORIES }, (_, n) => {
    const story = nextStory()
    const articleId = `article-${String(n).padStart(4, '0')}`
    const hant = n % 6 === 3 ? [...story.paragraphs['zh-Hant'].slice(1), '編輯改寫的一段：蘆溪的茶油遠銷海外。'] : story.paragraphs['zh-Hant']
    const article = {
      id: articleId,
      title: story.title,
      summary: story.summary,
      body: { 'zh-Hans': lexicalBody(story.paragraphs['zh-Hans']), 'zh-Hant': lexicalBody(hant) },
      authors: story.authors,
      tags: n % 4 === 0 ? ['民生', `专题${n % 3}`] : [],
      districts: [districts[story.districtIndex]!.id],
      slug: `story-${n}`,
      originalPublishedAt: story.originalPublishedAt,
      updatedAt: story.originalPublishedAt,
      _status: n % 9 === 5 ? ('draft' as const) : ('published' as const),
    }
    const draft = { ...article, title: { 'zh-Hans': `${story.title['zh-Hans']}（更新）`, 'zh-Hant': `${story.title['zh-Hant']}（更新）` }, _status: 'draft' as const }
    const versions =
      article._status === 'draft'
        ? [{ article, audience: 'newsroom' }]
        : n % 5 === 1
          ? [
              { article, audience: 'public' },
              { article: draft, audience: 'newsroom' },
            ]
          : [{ article, audience: 'both' }]
    const captions = n % 7 === 2 ? [{ text: { 'zh-Hans': '萍乡安源煤矿旧址', 'zh-Hant': toTraditional('萍乡安源煤矿旧址') }, credit: '杨伟胜摄' }] : []
    return { articleId, versions, captions } as unknown as SearchSources
  })
}

const sources = buildFixtureSources()
const pool = startEntryBuilderPool(2)
afterAll(() => pool.close())

describe('search entries', () => {
  it('are built as before the rebuild ran in worker threads (the same bytes for the same stories)', () => {
    const documents = sources.flatMap(({ versions, captions }) => versions.map(({ article, audience }) => buildSearchDocument(article, audience, captions, districts)))
    expect(documents).toHaveLength(STORIES + sources.filter(({ versions }) => versions.length === 2).length)
    // Of the entries as built at dba329d, before this change; changed only on purpose.
    expect(createHash('sha256').update(JSON.stringify(documents)).digest('hex')).toBe('58980bd1ada8f16035b03a03f46f2cfba64bc1f3dcf09c190fd27a73efaa9a76')
  })

  it('are encoded in the worker threads exactly as on the main thread', async () => {
    const ids = sources.map(({ articleId }) => articleId)
    const half = Math.floor(ids.length / 2)
    // Two batches at once, one per thread, and an id without sources (a deleted article): no entries.
    const built = (await Promise.all([pool.build(ids.slice(0, half), sources.slice(0, half), districts), pool.build([...ids.slice(half), 'gone'], sources.slice(half), districts)])).flat()
    const expected = [
      ...sources.map(({ articleId, versions, captions }) => ({ articleId, rows: versions.map(({ article, audience }) => encodeSqliteEntry(buildSearchDocument(article, audience, captions, districts))) })),
      { articleId: 'gone', rows: [] },
    ]
    expect(built).toEqual(expected)
  })
})
