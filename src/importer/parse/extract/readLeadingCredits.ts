import { countHan, visibleLength } from '../../../text/chineseText'
import { toSimplified } from '../../../text/chineseConverters'
import { parseByline, type Byline } from '../parseByline'
import { parsePublishedAt } from '../parsePublishedAt'
import { DATELINE, OUTLET_SUFFIX, PRINT_MARKER, RELAYED_FROM } from './extractionRules'
import type { SourceCandidate } from './readMetadataLine'

export interface LeadingCredits {
  sources: SourceCandidate[]
  byline: Byline | null
  date: string | null
  /** The text without a leading byline (a dateline stays: papers print it as part of the paragraph). */
  text: string
  /** True when the dateline or byline was all the piece held. */
  isCreditOnly: boolean
}

/** 新华网南昌 → 新华网, 中國江西新聞網 → itself: the outlet is the longest start that ends like one. */
export function getOutletName(prefix: string): string | null {
  const name = prefix.replace(/^[【[]/u, '')
  for (let end = name.length; end >= 2; end--) {
    const candidate = name.slice(0, end)
    if (OUTLET_SUFFIX.test(candidate)) return /^本[报報网網台刊]$/u.test(candidate) ? null : candidate
  }
  return null
}

/** A dateline at the start of a paragraph: 新华网南昌11月15日电, 【香港商報訊】; its outlet, date (when it has a year) and length. */
export function readDateline(text: string): { outlet: string | null; date: string | null; end: number } | null {
  const match = DATELINE.exec(text.slice(0, 40))
  if (!match) return null
  const [whole, before = '', date, after = ''] = match
  const outlet = getOutletName(date ? before : before + after)
  // 本报讯 names no outlet (the paper itself) but is a dateline all the same: a byline may follow it.
  if (!outlet && !/^[【[]?本[报報网網台刊]/u.test(before)) return null
  return { outlet, date: date && /\d{4}年/u.test(date) ? parsePublishedAt(date) : null, end: whole.length }
}

/** The words before the first punctuation, up to the last space: "长沙晚报全媒体记者 李霞" in "长沙晚报全媒体记者 李霞 6月18日至20日,由…". */
export function getLeadingWords(text: string): string | null {
  const punctuation = /[，,。：:；;“”"、！？!?]/u.exec(text)
  const head = text.slice(0, punctuation ? punctuation.index : text.length)
  const space = head.search(/\s+\S*$/u)
  if (space <= 0) return null
  return head.slice(0, space).trim()
}

function bylineFrom(text: string): Byline | null {
  const byline = parseByline(text)
  return byline && byline.authors.length + byline.photographers.length > 0 && byline.editors.length === 0 ? byline : null
}

/**
 * Credits a paragraph opens with: a dateline (with the byline in brackets after
 * it, or before a colon), a relayed source (据新华社报道), or a bare byline
 * followed by a space (■特约通讯员彭清华 从城市…).
 */
export function readLeadingCredits(text: string): LeadingCredits | null {
  const sources: SourceCandidate[] = []
  let byline: Byline | null = null
  let date: string | null = null
  let rest = text
  let consumed = 0
  const dateline = readDateline(text)
  if (dateline) {
    if (dateline.outlet) sources.push({ name: dateline.outlet, rank: 2 })
    date = dateline.date
    consumed = dateline.end
    rest = text.slice(dateline.end)
    const bracketed = /^\s*[(（]([^()（）]{2,40})[)）]/u.exec(rest)
    const colon = /^\s*([^，,。:：(（]{2,40})[:：]/u.exec(rest)
    const found = bracketed ?? colon
    if (found) {
      byline = bylineFrom(found[1]!)
      if (byline) consumed += found[0].length
    }
  }
  const opening = text.slice(0, 60)
  const relayed = opening.includes('据') || opening.includes('據') ? RELAYED_FROM.exec(opening) : null
  if (relayed) sources.push({ name: relayed[1]!, rank: 3 })
  let stripped = text
  if (!dateline) {
    const words = getLeadingWords(text)
    byline = words && visibleLength(words) <= 30 ? bylineFrom(words) : null
    if (byline && words) {
      stripped = text.slice(text.indexOf(words) + words.length).trim()
      consumed = text.length - stripped.length
    }
  }
  if (!dateline && !relayed && !byline) return null
  if (byline?.outlet) sources.push({ name: byline.outlet, rank: 1 })
  return { sources, byline, date, text: stripped, isCreditOnly: countHan(text.slice(consumed)) === 0 }
}

/** 《光明日报》(2025年03月12日 01版): the paper and the date a print article carries at its end. */
export function readPrintMarker(text: string): { source: string; date: string | null } | null {
  const match = PRINT_MARKER.exec(text.trim())
  return match ? { source: match[1]!, date: parsePublishedAt(match[2]!) } : null
}
