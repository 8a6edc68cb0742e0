import type { Role } from '../../src/roles'

/**
 * The newsroom's write rules as a table: the specification the generated access test
 * (test/workflow/access.int.test.ts) checks every door of every collection against. It is written from
 * the README's rules, not computed from the collections' access functions, so a change to those
 * functions that breaks a rule fails the test.
 *
 * A collection, operation or situation with no row here is expected to refuse everyone, admins
 * included: a new collection that accepts writes fails the test until its rules are written down.
 */
export type Actor = Role | 'anonymous'
export type Operation = 'create' | 'update' | 'delete' | 'publish' | 'restore'
/**
 * What the document is when the operation is tried:
 * - `new`: nothing yet (create);
 * - `own-draft`: an article in 草稿 created by the test's reporter;
 * - `approved`: an article in 已审核;
 * - `unpublished`: an article taken down, with a published version in its history;
 * - `draft-story`: a caption of / photo unused by a story that is not live;
 * - `live`: an article that is live, a caption it shows, a photo it shows;
 * - `plain`: a document of a collection with no workflow (districts, users, …).
 */
export type Situation = 'new' | 'own-draft' | 'approved' | 'unpublished' | 'draft-story' | 'live' | 'plain'

const WRITERS: Actor[] = ['admin', 'chief-editor', 'editor', 'reporter']
const EDITORS: Actor[] = ['admin', 'chief-editor', 'editor']
const PUBLISHERS: Actor[] = ['admin', 'chief-editor']
const PHOTO_DESK: Actor[] = ['admin', 'chief-editor', 'editor', 'photographer']
const NEWSROOM: Actor[] = ['admin', 'chief-editor', 'editor', 'reporter', 'photographer']

export const ACCESS_RULES: Record<string, Partial<Record<Operation, Partial<Record<Situation, Actor[]>>>>> = {
  articles: {
    create: { new: WRITERS },
    update: { 'own-draft': WRITERS, approved: EDITORS, live: PUBLISHERS },
    // Stories with an audit trail (everything that ever left 草稿) are never deleted: they are unpublished.
    delete: { 'own-draft': PUBLISHERS, live: [] },
    // Admins may publish from any stage; a new story created as published is such a publish.
    publish: { new: ['admin'], 'own-draft': ['admin'], approved: PUBLISHERS },
    // Restoring a published version of a story that was taken down puts it live again.
    restore: { unpublished: PUBLISHERS },
  },
  captions: {
    create: { 'draft-story': NEWSROOM, live: PUBLISHERS },
    update: { 'draft-story': NEWSROOM, live: PUBLISHERS },
    delete: { 'draft-story': EDITORS, live: PUBLISHERS },
  },
  photos: {
    create: { new: PHOTO_DESK },
    update: { 'draft-story': PHOTO_DESK, live: PUBLISHERS },
    delete: { 'draft-story': PUBLISHERS, live: PUBLISHERS },
  },
  districts: {
    create: { new: EDITORS },
    update: { plain: EDITORS },
    delete: { plain: ['admin'] },
  },
  // Another person's account (everyone may edit their own profile; not tried here).
  users: {
    create: { new: ['admin'] },
    update: { plain: ['admin'] },
    delete: { plain: ['admin'] },
  },
  // The audit trail, the job claims, the jobs queue and the response caches' change log are written by the server only.
  'workflow-events': {},
  'job-claims': {},
  'payload-jobs': {},
  'cache-changes': {},
}

/** Values for required fields whose validators no generated value meets (a number makes each unique). */
export const FIELD_EXAMPLES: Record<string, (n: number) => unknown> = {
  'districts.slug': (n) => `test-district-${n}-${Date.now().toString(36)}`,
  'districts.code': (n) => String(900000 + ((n * 7919 + Date.now()) % 99999)),
  // Below every real entry: the caches read only entries after the last they saw, so a fixture row is never read as a change.
  'cache-changes.seq': (n) => -(n + 1) - (Date.now() % 1_000_000) * 1000,
}

export const ACTORS: Actor[] = ['anonymous', 'admin', 'chief-editor', 'editor', 'reporter', 'photographer']

/** The situations the test sets up for a collection and operation (`new` or `plain` when the table has none). */
export function situationsFor(slug: string, operation: Operation): Situation[] {
  const rows = ACCESS_RULES[slug]?.[operation]
  if (rows && Object.keys(rows).length > 0) return Object.keys(rows) as Situation[]
  return operation === 'create' ? ['new'] : ['plain']
}

export function isAllowed(slug: string, operation: Operation, situation: Situation, actor: Actor): boolean {
  return ACCESS_RULES[slug]?.[operation]?.[situation]?.includes(actor) ?? false
}
