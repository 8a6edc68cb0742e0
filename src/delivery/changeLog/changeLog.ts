import type { Payload } from 'payload'

import os from 'node:os'

import { CHANGE_LOG_SLUG } from './changeLogCollection'
import { moveChangeLogHead, readChangeLogHead } from './changeLogHead'
import { SEARCH_TAG } from './dependencyTags'

const ORIGIN = `${os.hostname()}:${process.pid}`

/** One committed change to public content: its place in the log and the dependency tags it touches. */
export interface PublicChange {
  seq: number
  tags: string[]
}

/** Rows kept after pruning: a server further behind than this drops its whole cache (FerretDB scans them on every append). */
export const CHANGE_LOG_KEPT_ROWS = 500
/** Pruning runs on every this many appends. */
const PRUNE_EVERY = 50
/** Appends that lose the race for a number try again this many times. */
const APPEND_ATTEMPTS = 20

async function readLatestSeq(payload: Payload): Promise<number> {
  const { docs } = await payload.db.find({ collection: CHANGE_LOG_SLUG, sort: '-seq', limit: 1, pagination: false, select: { seq: true } })
  return Number((docs[0] as { seq?: number } | undefined)?.seq ?? 0)
}

/**
 * Appends a change, numbered one after the latest row. Why not an auto-increment or an ObjectID:
 * MongoDB has no auto-increment, and neither gives commit order across processes. Here a number is
 * taken only by inserting it under a unique index, after reading the latest committed one: a row
 * can therefore only be inserted once every smaller number is committed, so a reader that has seen
 * row n never later finds a new row below n. Two appenders that read the same latest row race for
 * the same number; the loser reads again and takes the next.
 */
export async function appendChange(payload: Payload, tags: readonly string[]): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const seq = (await readLatestSeq(payload)) + 1
    try {
      await payload.db.create({ collection: CHANGE_LOG_SLUG, data: { seq, tags: [...new Set(tags)], origin: ORIGIN }, returning: false })
    } catch (error) {
      // Lost the race (the unique index refused the number) unless the latest row is still below it.
      if (attempt >= APPEND_ATTEMPTS || (await readLatestSeq(payload)) < seq) throw error
      continue
    }
    // After the row: a server that sees the new token reads the log and finds the row.
    await moveChangeLogHead(payload)
    if (seq % PRUNE_EVERY === 0) await pruneChanges(payload, seq)
    return seq
  }
}

/** Deletes the rows more than CHANGE_LOG_KEPT_ROWS behind `latestSeq`. */
export async function pruneChanges(payload: Payload, latestSeq: number): Promise<void> {
  await payload.db.deleteMany({ collection: CHANGE_LOG_SLUG, where: { seq: { less_than_equal: latestSeq - CHANGE_LOG_KEPT_ROWS } } })
}

/**
 * The changes after `afterSeq`, oldest first; with no `afterSeq` (a server's first read), none, and
 * the latest number to start from. `latest` is the last change's number (`afterSeq` when none).
 */
export async function readChangesAfter(payload: Payload, afterSeq: number | undefined): Promise<{ changes: PublicChange[]; latest: number }> {
  if (afterSeq === undefined) return { changes: [], latest: await readLatestSeq(payload) }
  const { docs } = await payload.db.find({ collection: CHANGE_LOG_SLUG, where: { seq: { greater_than: afterSeq } }, sort: 'seq', pagination: false, select: { seq: true, tags: true } })
  const changes = (docs as unknown as { seq: number; tags: unknown }[]).map((row) => ({
    seq: Number(row.seq),
    tags: Array.isArray(row.tags) ? row.tags.map(String) : typeof row.tags === 'string' ? (JSON.parse(row.tags) as string[]) : [],
  }))
  return { changes, latest: changes.at(-1)?.seq ?? afterSeq }
}

/**
 * A reader of the change log for one server: reads the head token first, and the log only when
 * the token moved since the one read before its last read of the log. Why that is enough: an
 * appender moves the token after inserting its row, so a row whose append finished before this
 * call either moved the token since, or was inserted before the last read of the log, which saw it.
 */
export function createChangeLogReader(payload: Payload) {
  /** The head token read before the last completed read of the log, and the last change that read saw. */
  let seen: { token: string; latest: number } | undefined
  return async (afterSeq: number | undefined): Promise<{ changes: PublicChange[]; latest: number }> => {
    const token = await readChangeLogHead(payload)
    // Skipped only once the cache has applied what that read saw (a concurrent caller may not have yet).
    if (afterSeq !== undefined && seen?.token === token && afterSeq >= seen.latest) return { changes: [], latest: afterSeq }
    const read = await readChangesAfter(payload, afterSeq)
    seen = { token, latest: read.latest }
    return read
  }
}

/** Logs a change of the word search index (src/search writes it outside the adapter's document methods). */
export async function logSearchIndexChange(payload: Payload): Promise<void> {
  await appendChange(payload, [SEARCH_TAG])
}
