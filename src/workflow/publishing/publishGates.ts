import type { Payload } from 'payload'

import { ARTICLES_SLUG } from '../../../collections/slugs'

/** An override of a publish gate asked for with a transition (`overrideWarnings: { reason }`), checked. */
export interface PublishOverride {
  reason: string
}

/** What an override changed, for the audit trail. */
export interface SettledOverride {
  data: Record<string, unknown>
  overridden?: { by: string; at: string; comment: string }
}

/**
 * A rule another part of the newsroom adds to going live: the importer's warnings
 * (src/importWarnings/publishGate.ts) are one. The workflow calls its gates at every door to
 * publishing (the transition, the guard on every save) without knowing what they check, so the
 * workflow imports nothing from the parts that add them; workflowPlugin({ publishGates }) installs them.
 */
export interface PublishGate {
  /** Checks an override the caller asked for (who may, and the reason); throws a WorkflowError when refused. */
  acceptOverride(user: { roles?: readonly string[] | null }, request: { reason?: unknown }): PublishOverride
  /** Throws a WorkflowError naming what stops the story (as stored, with this save's changes) from going live. */
  assertMayGoLive(stored: unknown, incoming?: unknown): void
  /** A granted publish with an accepted override: the save's data with the override applied. */
  applyOverride(data: Record<string, unknown>, originalDoc: unknown, override: PublishOverride, by: string): SettledOverride
}

type WithCustom = { custom?: Record<string, unknown> } | undefined

/** The gates installed on the articles collection (its `custom`, set by workflowPlugin). */
export function publishGatesOf(collection: WithCustom): readonly PublishGate[] {
  return (collection?.custom?.publishGates as PublishGate[] | undefined) ?? []
}

export function publishGatesIn(payload: Payload): readonly PublishGate[] {
  return publishGatesOf(payload.collections[ARTICLES_SLUG]?.config)
}

/** The override as every gate accepts it, or undefined when none was asked for (or no gate is installed). */
export function acceptOverride(gates: readonly PublishGate[], user: { roles?: readonly string[] | null }, request: { reason?: unknown } | undefined) {
  if (request === undefined || gates.length === 0) return undefined
  let accepted: PublishOverride | undefined
  for (const gate of gates) accepted = gate.acceptOverride(user, request)
  return accepted
}

export function assertMayGoLive(gates: readonly PublishGate[], stored: unknown, incoming?: unknown): void {
  for (const gate of gates) gate.assertMayGoLive(stored, incoming)
}

/** Applies an accepted override through every gate; the audit comment names what each overrode. */
export function applyOverride(gates: readonly PublishGate[], data: Record<string, unknown>, originalDoc: unknown, override: PublishOverride | undefined, by: string): SettledOverride {
  if (!override) return { data }
  let settled: SettledOverride = { data }
  for (const gate of gates) {
    const next = gate.applyOverride(settled.data, originalDoc, override, by)
    const comment = [settled.overridden?.comment, next.overridden?.comment].filter(Boolean).join('；')
    settled = { data: next.data, overridden: next.overridden ? { ...next.overridden, comment } : settled.overridden }
  }
  return settled
}
