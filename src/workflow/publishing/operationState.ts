import type { Stage } from '../stages'
import type { Action } from '../transitions'
import type { ArticleSaveDecision } from './classifyArticleSave'
import type { PublishOverride } from './publishGates'

/**
 * What the publishing decision carries from one step of a Payload operation to the next.
 *
 * Why through `req.context` at all: Payload tells a beforeChange hook neither the operation's
 * `draft` argument nor who asked for the save, and nested Local API calls copy `req.context` (a
 * shallow copy) rather than keep it. So each item lives in the context, but as an object this
 * module made and registered in a private WeakSet: a caller who passes `context: { … }` to the
 * Local API (or a test) cannot forge one, and an unregistered value is ignored — the guard then
 * decides as if the save wrote live content (fail closed). Only this folder reads or writes them.
 */
const SAVE_INTENT = 'workflow:saveIntent'
const GRANT = 'workflow:publishingGrant'
const DECISIONS = 'workflow:decisions'

type Context = Record<string, unknown>

/** The operation and its `draft` argument, noted before Payload starts the save. */
export interface SaveIntent {
  operation: 'create' | 'update' | 'restore'
  draft: boolean
}

/** A transition the publishing service checked against the table, for one article, used once. */
export interface PublishingGrant {
  articleId: string
  action: Action
  from: Stage
  to: Stage
  by: string
  comment?: string
  /** An override of the publish gates (the importer's warnings: src/importWarnings/), checked, with its reason. */
  overrideWarnings?: PublishOverride
  used: boolean
}

/** An audit entry to write once the article is saved. */
export interface PendingAudit {
  action: Action | 'restore'
  from: Stage
  to: Stage
  by?: string
  comment?: string
}

export interface RecordedDecision extends ArticleSaveDecision {
  audit?: PendingAudit
  /** An override of the publish gates made by this save, for the audit trail (src/importWarnings/recordWarningOverride.ts). */
  warningOverride?: { by: string; at: string; comment: string }
}

const genuine = new WeakSet<object>()

function make<T extends object>(value: T): T {
  genuine.add(value)
  return value
}

function readGenuine<T>(context: Context | undefined, key: string): T | undefined {
  const value = context?.[key]
  return typeof value === 'object' && value !== null && genuine.has(value) ? (value as T) : undefined
}

export function noteSaveIntent(context: Context, intent: SaveIntent): void {
  context[SAVE_INTENT] = make({ ...intent })
}

export function readSaveIntent(context: Context | undefined): SaveIntent | undefined {
  return readGenuine<SaveIntent>(context, SAVE_INTENT)
}

/** A context for a Local API save that carries the service's grant (src/workflow/publishing/publishingService.ts). */
export function contextWithGrant(context: Context | undefined, grant: Omit<PublishingGrant, 'used'>): Context {
  return { ...context, [GRANT]: make({ ...grant, used: false }) }
}

/** The grant for this article, once: a second save in the same operation chain gets none. */
export function takeGrant(context: Context | undefined, articleId: string): PublishingGrant | undefined {
  const grant = readGenuine<PublishingGrant>(context, GRANT)
  if (!grant || grant.used || grant.articleId !== articleId) return undefined
  grant.used = true
  return grant
}

/** The guard's decision for an article in this operation, for the afterChange hooks (audit, captions, webhooks). */
export function recordDecision(context: Context, articleId: string, decision: RecordedDecision): void {
  let decisions = readGenuine<Map<string, RecordedDecision>>(context, DECISIONS)
  if (!decisions) {
    decisions = make(new Map<string, RecordedDecision>())
    context[DECISIONS] = decisions
  }
  decisions.set(articleId, decision)
}

export function readDecision(context: Context | undefined, articleId: string): RecordedDecision | undefined {
  return readGenuine<Map<string, RecordedDecision>>(context, DECISIONS)?.get(articleId)
}

/** The audit entry decided for this article, once. */
export function takeAudit(context: Context | undefined, articleId: string): PendingAudit | undefined {
  const decision = readDecision(context, articleId)
  const audit = decision?.audit
  if (decision) delete decision.audit
  return audit
}
