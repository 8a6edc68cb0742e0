export interface CreditSources {
  /** The caption's own credit as stored (e.g. "郁佳敏", "王五、李四", "新华社记者 王五 摄"). */
  captionCredit?: string | null
  /** The photo's photographer, used when the caption has no credit of its own. */
  photographer?: string | null
  /** The article's default credit ("图片除署名外由安源区委宣传部提供"), used when neither of the above is known. */
  articleDefaultCredit?: string | null
  /** zh-Hant prints 攝; everything else 摄. */
  locale?: string | null
}

/** Ends in a credit word (…摄, …摄影, …供图, …提供, …发) or starts with a label ("摄影：…", "图/…", "来源：…"). */
const WORDED = /(?:[摄攝]影?|供[图圖]|提供|[发發])$|^(?:[摄攝]影|[图圖]片?|供[图圖]|[来來]源)\s*[:：/／]/u
/** Han names glued to 摄, as print layouts write them: "郁佳敏摄", "王五、李四/摄". */
const GLUED = /^(\p{Script=Han}+(?:[·•]\p{Script=Han}+)*(?:、\p{Script=Han}+(?:[·•]\p{Script=Han}+)*)*)\s*[/／]?[摄攝]$/u
/** "记者 王五", "通讯员 李四 王五": a role word before the names keeps the spacing as written. */
const ROLE_FIRST = /^\p{Script=Han}{0,4}(?:[记記]者|通[讯訊][员員]|[实實][习習]生)\s/u
const HAN_NAME = /^\p{Script=Han}+(?:[·•]\p{Script=Han}+)*$/u

/**
 * The credit line as the newsroom prints it. Precedence: the caption's credit, then the
 * photographer, then the article's default credit. Names get the photo verb:
 * "郁佳敏" → "郁佳敏 摄", "王五 李四" → "王五、李四 摄", "郁佳敏摄" → "郁佳敏 摄";
 * credits that are already worded ("新华社记者 王五 摄", "资料图片 供图") and the article
 * default are printed as written. Returns null when there is nothing to print.
 */
export function formatCredit({ captionCredit, photographer, articleDefaultCredit, locale }: CreditSources): string | null {
  const verb = locale === 'zh-Hant' ? '攝' : '摄'
  const own = clean(captionCredit) ?? clean(photographer)
  if (!own) return clean(articleDefaultCredit)
  const glued = GLUED.exec(own)
  if (glued) return `${glued[1]} ${verb}`
  if (WORDED.test(own)) return own
  if (ROLE_FIRST.test(own)) return `${own} ${verb}`
  return `${joinNames(own)} ${verb}`
}

/** Han names separated by spaces or commas are joined with 、; anything else (Latin names) stays as written. */
function joinNames(names: string): string {
  const parts = names.split(/[\s、，,]+/u).filter(Boolean)
  return parts.every((part) => HAN_NAME.test(part)) ? parts.join('、') : names
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/gu, ' ').trim()
  return trimmed ? trimmed : null
}
