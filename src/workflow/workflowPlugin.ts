import type { CollectionConfig, Plugin } from 'payload'

import { ARTICLES_SLUG, CAPTIONS_SLUG, PHOTOS_SLUG } from '../../collections/slugs'
import { workflowAdminTranslations } from './admin/workflowAdminTranslations'
import { recordRestore } from './audit/recordRestore'
import { recordWorkflowEvent } from './audit/recordWorkflowEvent'
import { WorkflowEvents } from './audit/WorkflowEvents'
import { limitEditorsToNotesOnLiveStories } from './limitEditorsToNotesOnLiveStories'
import { performTransition, performTransitionAs } from './performTransition'
import { guardArticleSave } from './publishing/guardArticleSave'
import { auditCaptionDelete, auditCaptionSave, auditPhotoSave, guardCaptionDelete, guardCaptionSave, guardPhotoDelete, guardPhotoSave } from './publishing/guardLiveContent'
import type { PublishGate } from './publishing/publishGates'
import { noteArticleSaveIntent } from './publishing/saveIntent'
import { JobClaims } from './scheduling/JobClaims'
import { scheduledPublishJobs } from './scheduling/scheduledPublishJobs'
import { transitionEndpoint } from './transitionEndpoint'
import { payloadStatusField, returnReasonField, workflowHistoryField, workflowSidebarFields } from './workflowFields'

/** The articles collection with the workflow's fields, guard, audit, endpoint, admin buttons and publishing service. */
function withWorkflow(articles: CollectionConfig, options: WorkflowOptions): CollectionConfig {
  const hooks = articles.hooks ?? {}
  const drafts = typeof articles.versions === 'object' && typeof articles.versions.drafts === 'object' ? articles.versions.drafts : {}
  return {
    ...articles,
    admin: {
      ...articles.admin,
      components: {
        ...articles.admin?.components,
        // One status and one publish control: the header shows the workflow stage, and the workflow's
        // publish button (发布 / 发布修改) takes the place of Payload's; a takedown is the panel's 撤稿, with its reason.
        edit: {
          ...articles.admin?.components?.edit,
          Status: '/workflow/admin/WorkflowStatus#WorkflowStatus',
          PublishButton: '/workflow/admin/PublishControls#WorkflowPublishButton',
          UnpublishButton: '/workflow/admin/PublishControls#NoUnpublishButton',
        },
      },
    },
    // Payload's schedule-publish drawer and jobs: scheduling/.
    versions: { ...(typeof articles.versions === 'object' ? articles.versions : {}), drafts: { ...drafts, schedulePublish: true } },
    hooks: {
      ...hooks,
      // The save intent is noted before anything else runs; the guard runs after the article's own
      // beforeChange hooks, on the data they prepared; the audit entry is written first after the save.
      beforeOperation: [noteArticleSaveIntent, ...(hooks.beforeOperation ?? [])],
      beforeChange: [...(hooks.beforeChange ?? []), guardArticleSave, limitEditorsToNotesOnLiveStories],
      afterChange: [recordWorkflowEvent, ...(hooks.afterChange ?? [])],
      afterOperation: [...(hooks.afterOperation ?? []), recordRestore],
    },
    endpoints: [transitionEndpoint, ...(articles.endpoints || [])],
    // The publishing service, reached through the Payload instance by jobs, tests and benchmarks (publishing/publishingService.ts).
    // The publish gates other parts add (publishing/publishGates.ts), called at every door to publishing.
    custom: { ...articles.custom, publishingService: { performTransition, performTransitionAs }, publishGates: options.publishGates ?? [] },
    fields: [...workflowSidebarFields, returnReasonField, ...articles.fields, workflowHistoryField, payloadStatusField],
  }
}

type CollectionHooks = NonNullable<CollectionConfig['hooks']>

/** A caption or photo a live story shows is live content: changing it needs the right to publish, and is audited. */
const LIVE_CONTENT_HOOKS: Record<string, CollectionHooks> = {
  [CAPTIONS_SLUG]: { beforeChange: [guardCaptionSave], afterChange: [auditCaptionSave], beforeDelete: [guardCaptionDelete], afterDelete: [auditCaptionDelete] },
  [PHOTOS_SLUG]: { beforeChange: [guardPhotoSave], afterChange: [auditPhotoSave], beforeDelete: [guardPhotoDelete] },
}

/** The live-content guard first, before the collection's own hooks and those other plugins append. */
function withLiveContentGuard(collection: CollectionConfig): CollectionConfig {
  const added = LIVE_CONTENT_HOOKS[collection.slug]
  if (!added) return collection
  const hooks: Record<string, unknown[]> = { ...(collection.hooks as Record<string, unknown[]>) }
  for (const [name, first] of Object.entries(added) as [string, unknown[]][]) hooks[name] = [...first, ...(hooks[name] ?? [])]
  return { ...collection, hooks: hooks as CollectionHooks }
}

/**
 * The editorial workflow as one plugin (src/workflow/): on articles, the stage and schedule fields,
 * the publishing guard, the audit hooks, POST /api/articles/:id/transition and the admin's workflow
 * panel and publish buttons; the audit collection (workflow-events), the job claims, the jobs
 * queue's config and the dashboard's role queues. The schedulePublish task's retries are set on
 * the built config (scheduling/withScheduledPublishRetries.ts): Payload adds that task after plugins run.
 */
export interface WorkflowOptions {
  /** Rules another part adds to going live, with their override (the importer's warnings: src/importWarnings/publishGate.ts). */
  publishGates?: readonly PublishGate[]
}

export function workflowPlugin(options: WorkflowOptions = {}): Plugin {
  return (config) => ({
    ...config,
    i18n: {
      ...config.i18n,
      translations: {
        ...config.i18n?.translations,
        zh: { ...config.i18n?.translations?.zh, ...workflowAdminTranslations.zh },
        en: { ...config.i18n?.translations?.en, ...workflowAdminTranslations.en },
      },
    },
    admin: {
      ...config.admin,
      components: {
        ...config.admin?.components,
        beforeDashboard: [...(config.admin?.components?.beforeDashboard ?? []), '/workflow/admin/RoleQueues#RoleQueues'],
      },
    },
    collections: [...(config.collections ?? []).map((collection) => (collection.slug === ARTICLES_SLUG ? withWorkflow(collection, options) : withLiveContentGuard(collection))), WorkflowEvents, JobClaims],
    jobs: { ...scheduledPublishJobs, ...config.jobs, tasks: [...(scheduledPublishJobs.tasks ?? []), ...(config.jobs?.tasks ?? [])] },
  })
}
