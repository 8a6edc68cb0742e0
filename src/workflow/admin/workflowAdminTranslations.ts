import { STAGES, stageLabels } from '../stages'

type Language = 'zh' | 'en'

function translationsIn(language: Language) {
  const zh = language === 'zh'
  return {
    ...Object.fromEntries(STAGES.map((stage) => [`stage-${stage}`, stageLabels[stage][language]])),
    status: zh ? '状态' : 'Status',
    pendingChanges: zh ? '有未发布的修改' : 'unpublished changes',
    publish: zh ? '发布' : 'Publish',
    publishChanges: zh ? '发布修改' : 'Publish changes',
    publishFailed: zh ? '发布失败（{{status}}）' : 'Publishing failed ({{status}})',
    published: zh ? '已发布' : 'Published',
    returnedTitle: zh ? '退回修改的原因' : 'Returned for changes',
    returnedBy: zh ? '{{by}}，{{at}}' : '{{by}}, {{at}}',
    changesSinceReturn: zh ? '查看退回以来的修改' : 'Changes since it was returned',
    changesSinceApproval: zh ? '查看审核通过以来的修改' : 'Changes since it was approved',
    noChangesSinceReturn: zh ? '退回以来没有修改' : 'No changes since it was returned',
    noChangesSinceApproval: zh ? '审核通过以来没有修改' : 'No changes since it was approved',
  }
}

/** The admin's custom translations for the workflow's status, publish control, return reason and comparison link (namespace `workflowAdmin`). */
export const workflowAdminTranslations = {
  zh: { workflowAdmin: translationsIn('zh') },
  en: { workflowAdmin: translationsIn('en') },
}

export type WorkflowAdminTranslationKey = `workflowAdmin:${keyof ReturnType<typeof translationsIn>}`
