import { describe, expect, it } from 'vitest'

import { describeSkippedLanes, listSkippedLanes } from '../support/lanes'

/** `npm test` on a fresh clone: each lane it leaves out is named, with why and the command that runs it. */
describe('lanes a run leaves out', () => {
  it('without TEST_MONGODB_URI the MongoDB lanes are named, with the variable and the command', () => {
    const skipped = listSkippedLanes({})
    expect(skipped.find((lane) => lane.lane === 'mongodb')).toEqual({
      lane: 'mongodb',
      why: 'TEST_MONGODB_URI is not set',
      command: expect.stringContaining('TEST_MONGODB_URI=mongodb://127.0.0.1:27017/ npm test -- --project mongodb'),
    })
    expect(skipped.find((lane) => lane.lane === 'e2e-mongodb')?.why).toContain('TEST_MONGODB_URI is not set')
  })

  it('with a MongoDB URI the MongoDB lane is not named', () => {
    expect(listSkippedLanes({ TEST_MONGODB_URI: 'mongodb://127.0.0.1:1/' }).map((lane) => lane.lane)).not.toContain('mongodb')
  })

  it('the summary says what to run, one lane at a time, and nothing when every lane ran', () => {
    const summary = describeSkippedLanes([{ lane: 'e2e', why: 'no production build (npm run build)', command: 'npm run build && npm test -- --project e2e' }])
    expect(summary).toContain('e2e: skipped, no production build (npm run build)')
    expect(summary).toContain('run it: npm run build && npm test -- --project e2e')
    expect(describeSkippedLanes([])).toBe('')
  })
})
