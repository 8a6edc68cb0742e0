import { randomUUID } from 'node:crypto'

import type { GlobalConfig, Payload } from 'payload'

export const CHANGE_LOG_HEAD_SLUG = 'change-log-head'

/**
 * One row: a token replaced after every append to the change log. A server reads it before every
 * anonymous answer and reads the log itself only when it differs from the token it read before its
 * last read of the log, so an unchanged log costs one read of one row (the log's `seq > n` query
 * scans the collection on FerretDB). Nobody reads or edits it through the API.
 */
export const ChangeLogHead: GlobalConfig = {
  slug: CHANGE_LOG_HEAD_SLUG,
  admin: { hidden: true },
  graphQL: false,
  access: { read: () => false, update: () => false },
  fields: [{ name: 'token', type: 'text' }],
}

/** The current token ('' before the row exists). */
export async function readChangeLogHead(payload: Payload): Promise<string> {
  const row = (await payload.db.findGlobal({ slug: CHANGE_LOG_HEAD_SLUG, where: {} })) as { token?: null | string } | null
  return row?.token ?? ''
}

/**
 * Replaces the token, after a row was appended. A random token, not the row's number: two
 * appenders replacing it in the opposite order would leave a number that hides the later row.
 */
export async function moveChangeLogHead(payload: Payload): Promise<void> {
  await payload.db.updateGlobal({ slug: CHANGE_LOG_HEAD_SLUG, data: { token: randomUUID() }, returning: false })
}

/** Creates the row when missing (MongoDB's updateGlobal does not insert). */
export async function ensureChangeLogHead(payload: Payload): Promise<void> {
  if ((await readChangeLogHead(payload)) === '') {
    await payload.db.createGlobal({ slug: CHANGE_LOG_HEAD_SLUG, data: { token: randomUUID() }, returning: false })
  }
}
