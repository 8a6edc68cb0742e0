import { describe, expect, it } from 'vitest'

import { pinnedTags } from '../../src/delivery/changeLog/dependencyTags'

const published = { _status: { equals: 'published' } }

describe('pinnedTags: which list a where pins a read to (undefined: the whole collection)', () => {
  it.each([
    { name: 'by id, with the access rule beside it', where: { and: [{ id: { equals: 'a1' } }, published] }, tags: ['articles:a1'] },
    { name: 'by ids (in, as an array or a comma list)', where: { id: { in: 'a1,a2' } }, tags: ['articles:a1', 'articles:a2'] },
    { name: 'by slug', where: { and: [{ slug: { equals: 's' } }, published] }, tags: ['articles?slug=s'] },
    { name: 'by district slug (the front ends’ list)', where: { and: [{ 'districts.slug': { equals: 'anyuan' } }, published] }, tags: ['articles?districts.slug=anyuan'] },
    { name: 'by district id (contains)', where: { districts: { contains: 'd1' } }, tags: ['articles?districts=d1'] },
    { name: 'an or whose branches are all pinned', where: { or: [{ id: { equals: 'a1' } }, { slug: { equals: 's' } }] }, tags: ['articles:a1', 'articles?slug=s'] },
    { name: 'near miss: an or with one open branch', where: { or: [{ id: { equals: 'a1' } }, { title: { like: 'x' } }] }, tags: undefined },
    { name: 'near miss: a slug substring (contains on text)', where: { slug: { contains: 's' } }, tags: undefined },
    { name: 'near miss: stories in no district (equals null)', where: { districts: { equals: null } }, tags: undefined },
    { name: 'near miss: not in a district', where: { districts: { not_equals: 'd1' } }, tags: undefined },
    { name: 'near miss: a district by name', where: { 'districts.name': { equals: '安源区' } }, tags: undefined },
    { name: 'near miss: only the access rule', where: published, tags: undefined },
  ])('$name', ({ where, tags }) => {
    expect(pinnedTags('articles', where as never)).toEqual(tags)
  })
})
