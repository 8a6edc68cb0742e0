import type { Action } from './transitions'
import type { Stage } from './stages'

/** A transition to record in the audit trail once the article is saved. */
export interface WorkflowAudit {
  action: Action | 'restore'
  from: Stage
  to: Stage
  comment?: string
  by?: string | number
}

/** What the workflow keeps in Payload's req.context for one operation. */
export interface WorkflowContext {
  /** Set by performTransition: the change was checked against the table already. */
  workflowTransition?: WorkflowAudit
  /** Set by the guard when a save is a transition (publish/unpublish through Payload's own buttons or the jobs queue). */
  workflowAudit?: WorkflowAudit
  /** The update saves a draft version (Payload's `draft: true`), not the live document. */
  draftSave?: boolean
  /** The operation restores an earlier version: its content, never its workflow stage. */
  restoring?: boolean
  /** Written by the seed importer. */
  importing?: boolean
}
