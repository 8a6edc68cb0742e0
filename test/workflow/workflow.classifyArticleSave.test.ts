import { describe, expect, it } from 'vitest'

import { classifyArticleSave } from '../../src/workflow/publishing/classifyArticleSave'

describe('classifyArticleSave: what a save does to what readers see, from what will be written', () => {
  it.each([
    { name: 'a new draft', operation: 'create', draft: true, incoming: 'draft', latest: undefined, wasLive: false, writes: true, change: 'none' },
    { name: 'a new story created as published', operation: 'create', draft: false, incoming: 'published', latest: undefined, wasLive: false, writes: true, change: 'publish' },
    { name: 'a draft save of a draft', operation: 'update', draft: true, incoming: 'draft', latest: 'draft', wasLive: false, writes: false, change: 'none' },
    { name: 'an autosave of a live story’s pending draft', operation: 'update', draft: true, incoming: 'draft', latest: 'draft', wasLive: true, writes: false, change: 'none' },
    { name: 'draft=true with _status published publishes (Payload writes the document)', operation: 'update', draft: true, incoming: 'published', latest: 'draft', wasLive: false, writes: true, change: 'publish' },
    { name: 'draft=true with _status published on a live story is a live edit', operation: 'update', draft: true, incoming: 'published', latest: 'draft', wasLive: true, writes: true, change: 'live-edit' },
    { name: 'a plain publish', operation: 'update', draft: false, incoming: 'published', latest: 'draft', wasLive: false, writes: true, change: 'publish' },
    { name: 'a plain save of a live story with no pending draft', operation: 'update', draft: false, incoming: undefined, latest: 'published', wasLive: true, writes: true, change: 'live-edit' },
    { name: 'a plain save of a live story with a pending draft takes it down', operation: 'update', draft: false, incoming: undefined, latest: 'draft', wasLive: true, writes: true, change: 'unpublish' },
    { name: 'a plain save with _status draft of a live story', operation: 'update', draft: false, incoming: 'draft', latest: 'published', wasLive: true, writes: true, change: 'unpublish' },
    { name: 'a plain save of a story never live', operation: 'update', draft: false, incoming: undefined, latest: 'draft', wasLive: false, writes: true, change: 'none' },
    { name: 'an unknown draft argument counts as a plain save (fail closed)', operation: 'update', draft: undefined, incoming: 'draft', latest: 'draft', wasLive: true, writes: true, change: 'unpublish' },
    { name: 'restoring a published version as a draft', operation: 'restore', draft: true, incoming: 'published', latest: 'draft', wasLive: false, writes: false, change: 'none' },
    { name: 'restoring a published version', operation: 'restore', draft: false, incoming: 'published', latest: 'draft', wasLive: false, writes: true, change: 'publish' },
    { name: 'restoring a draft version over a live story', operation: 'restore', draft: false, incoming: 'draft', latest: 'published', wasLive: true, writes: true, change: 'unpublish' },
  ] as const)('$name', ({ operation, draft, incoming, latest, wasLive, writes, change }) => {
    const decision = classifyArticleSave({ operation, draft, incomingStatus: incoming, latestStatus: latest, wasLive })
    expect(decision.writesLiveDocument).toBe(writes)
    expect(decision.change).toBe(change)
  })
})
