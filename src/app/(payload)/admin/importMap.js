import { ImportWarningsPanel as ImportWarningsPanel_2f89f8a5f3990e9a3996edaec7c16384 } from '../../../importWarnings/components/ImportWarningsPanel'
import { WorkflowPanel as WorkflowPanel_85a02c031d3996824293ffc8431c29c1 } from '../../../workflow/admin/WorkflowPanel'
import { ReviewComparisonLink as ReviewComparisonLink_e150240958e96072a54b52dc7286bb6f } from '../../../workflow/admin/ReviewComparisonLink'
import { BeijingTimeCell as BeijingTimeCell_a1589af98118e9c17dc771771e535e01 } from '../../../components/admin/BeijingTime'
import { BeijingTimeField as BeijingTimeField_a1589af98118e9c17dc771771e535e01 } from '../../../components/admin/BeijingTime'
import { ReturnReasonNotice as ReturnReasonNotice_feadd39cee24b42d4fdda06c491b3418 } from '../../../workflow/admin/ReturnReasonNotice'
import { CharacterCount as CharacterCount_64389ae008c6b5101c5d71cacbe3850b } from '../../../components/admin/CharacterCount'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { BlocksFeatureClient as BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { CaptionedPhotoLabel as CaptionedPhotoLabel_e12bc90456d0b0a4cebf18625b38eb09 } from '../../../components/photos/CaptionedPhotoLabel'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BeijingDateTimeField as BeijingDateTimeField_a1589af98118e9c17dc771771e535e01 } from '../../../components/admin/BeijingTime'
import { DocumentTimes as DocumentTimes_a1589af98118e9c17dc771771e535e01 } from '../../../components/admin/BeijingTime'
import { WorkflowPublishButton as WorkflowPublishButton_ea6aa1ca2f07d19e64d96397d1e4ba25 } from '../../../workflow/admin/PublishControls'
import { WorkflowStatus as WorkflowStatus_b842d03547e2b578f23504f417de2e22 } from '../../../workflow/admin/WorkflowStatus'
import { NoUnpublishButton as NoUnpublishButton_ea6aa1ca2f07d19e64d96397d1e4ba25 } from '../../../workflow/admin/PublishControls'
import { AwaitingPhotoQueue as AwaitingPhotoQueue_88d7b7a03555e1f0d2175f48f816a342 } from '../../../components/photos/AwaitingPhotoQueue'
import { RolesField as RolesField_f7e3391204dea6f66538e893bc766024 } from '../../../components/admin/RolesField'
import { Icon as Icon_dfe4008080d895d460898c3a6155e9ba } from '../../../components/admin/Icon'
import { Logo as Logo_91a09b539d3c86b0aebf520e7564ce08 } from '../../../components/admin/Logo'
import { AwaitingPhotoCard as AwaitingPhotoCard_a524b50774b0b07a7b5fa41dc54e0522 } from '../../../components/photos/AwaitingPhotoCard'
import { RoleQueues as RoleQueues_232f7a286d13d53d4ed8d0810eaea3ae } from '../../../workflow/admin/RoleQueues'
import { ImportProblemsCard as ImportProblemsCard_c13d0b26b32db2f4f39e93a9445b3581 } from '../../../importWarnings/components/ImportProblemsCard'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/importWarnings/components/ImportWarningsPanel#ImportWarningsPanel": ImportWarningsPanel_2f89f8a5f3990e9a3996edaec7c16384,
  "/workflow/admin/WorkflowPanel#WorkflowPanel": WorkflowPanel_85a02c031d3996824293ffc8431c29c1,
  "/workflow/admin/ReviewComparisonLink#ReviewComparisonLink": ReviewComparisonLink_e150240958e96072a54b52dc7286bb6f,
  "/components/admin/BeijingTime#BeijingTimeCell": BeijingTimeCell_a1589af98118e9c17dc771771e535e01,
  "/components/admin/BeijingTime#BeijingTimeField": BeijingTimeField_a1589af98118e9c17dc771771e535e01,
  "/workflow/admin/ReturnReasonNotice#ReturnReasonNotice": ReturnReasonNotice_feadd39cee24b42d4fdda06c491b3418,
  "/components/admin/CharacterCount#CharacterCount": CharacterCount_64389ae008c6b5101c5d71cacbe3850b,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#BlocksFeatureClient": BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/photos/CaptionedPhotoLabel#CaptionedPhotoLabel": CaptionedPhotoLabel_e12bc90456d0b0a4cebf18625b38eb09,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/admin/BeijingTime#BeijingDateTimeField": BeijingDateTimeField_a1589af98118e9c17dc771771e535e01,
  "/components/admin/BeijingTime#DocumentTimes": DocumentTimes_a1589af98118e9c17dc771771e535e01,
  "/workflow/admin/PublishControls#WorkflowPublishButton": WorkflowPublishButton_ea6aa1ca2f07d19e64d96397d1e4ba25,
  "/workflow/admin/WorkflowStatus#WorkflowStatus": WorkflowStatus_b842d03547e2b578f23504f417de2e22,
  "/workflow/admin/PublishControls#NoUnpublishButton": NoUnpublishButton_ea6aa1ca2f07d19e64d96397d1e4ba25,
  "/components/photos/AwaitingPhotoQueue#AwaitingPhotoQueue": AwaitingPhotoQueue_88d7b7a03555e1f0d2175f48f816a342,
  "/components/admin/RolesField#RolesField": RolesField_f7e3391204dea6f66538e893bc766024,
  "/components/admin/Icon#Icon": Icon_dfe4008080d895d460898c3a6155e9ba,
  "/components/admin/Logo#Logo": Logo_91a09b539d3c86b0aebf520e7564ce08,
  "/components/photos/AwaitingPhotoCard#AwaitingPhotoCard": AwaitingPhotoCard_a524b50774b0b07a7b5fa41dc54e0522,
  "/workflow/admin/RoleQueues#RoleQueues": RoleQueues_232f7a286d13d53d4ed8d0810eaea3ae,
  "/importWarnings/components/ImportProblemsCard#ImportProblemsCard": ImportProblemsCard_c13d0b26b32db2f4f39e93a9445b3581,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
