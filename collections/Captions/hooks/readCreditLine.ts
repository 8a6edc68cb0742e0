import type { FieldHook } from 'payload'

import { formatCredit } from '../../../src/photos/formatCredit'
import { loadCaptionPhoto } from './loadCaptionPhoto'

/**
 * The credit as printed under the photo ("郁佳敏 摄"): the caption's own credit, else the
 * photo's photographer. The article's default credit is the article's to print (formatCredit
 * takes it as articleDefaultCredit), so a caption without either gives null.
 */
export const readCreditLine: FieldHook = async (args) => {
  const captionCredit = args.siblingData?.credit as string | null | undefined
  const photo = captionCredit ? null : await loadCaptionPhoto(args)
  return formatCredit({ captionCredit, photographer: photo?.photographer, locale: args.req.locale })
}
