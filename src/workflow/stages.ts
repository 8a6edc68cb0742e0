/** The stages a story moves through, in the order the newsroom reads them. */
export const STAGES = ['draft', 'in-review', 'changes-requested', 'approved', 'scheduled', 'published', 'unpublished'] as const
export type Stage = (typeof STAGES)[number]

export const stageLabels: Record<Stage, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  'in-review': { zh: '待审', en: 'In review' },
  'changes-requested': { zh: '退回修改', en: 'Changes requested' },
  approved: { zh: '已审核', en: 'Approved' },
  scheduled: { zh: '定时发布', en: 'Scheduled' },
  published: { zh: '已发布', en: 'Published' },
  unpublished: { zh: '已撤稿', en: 'Unpublished' },
}

/** Stages before anything went live: the ones editors may still edit. */
export const PRE_PUBLICATION_STAGES: readonly Stage[] = ['draft', 'in-review', 'changes-requested', 'approved']
/** Stages a reporter may edit their own story in. */
export const REPORTER_EDITABLE_STAGES: readonly Stage[] = ['draft', 'changes-requested']

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value)
}
