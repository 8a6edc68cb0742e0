import { describe, expect, it } from 'vitest'

import { mayChangeLiveStatus } from '../../src/workflow/mayChangeLiveStatus'

describe('mayChangeLiveStatus', () => {
  it.each([
    { name: 'a publish', previous: 'draft', status: 'published', operation: 'update', draftSave: false, may: true },
    { name: 'an unpublish', previous: 'published', status: 'draft', operation: 'update', draftSave: false, may: true },
    { name: 'an unpublish while a draft of the live story is pending (previousDoc is that draft)', previous: 'draft', status: 'draft', operation: 'update', draftSave: false, may: true },
    { name: 'an edit of the live story', previous: 'published', status: 'published', operation: 'update', draftSave: false, may: true },
    { name: 'a new story', previous: undefined, status: 'draft', operation: 'create', draftSave: false, may: true },
    { name: 'a draft save of a draft', previous: 'draft', status: 'draft', operation: 'update', draftSave: true, may: false },
    { name: 'an autosave of a live story’s draft, again', previous: 'draft', status: 'draft', operation: 'update', draftSave: true, may: false },
  ] as const)('$name', ({ previous, status, operation, draftSave, may }) =>
    expect(mayChangeLiveStatus({ doc: { _status: status }, previousDoc: previous ? { _status: previous } : undefined, operation, context: { draftSave } })).toBe(may),
  )
})
