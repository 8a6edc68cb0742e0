import { pinyin } from 'pinyin-pro'
import { toSimplified } from '../../text/chineseConverters'

/** A district the newsroom covers, as the store knows it. `level` defaults from the name: …市 is the city. */
export interface DistrictRef {
  name: string
  level?: 'city' | 'district' | 'county'
}

export interface DistrictEvidence {
  /** Explicit place metadata, strongest first: front-matter categories and tags, a portal's breadcrumb. */
  placeHints: string[]
  /** The article's own words: title, subtitle, headings, paragraphs. */
  text: string
}

/** The name without its trailing 区/县/市 (安源区 → 安源), when at least two characters are left. */
export function getShortName(name: string): string | null {
  const short = name.replace(/[区县市]$/u, '')
  return short !== name && [...short].length >= 2 ? short : null
}

function isCity(district: DistrictRef): boolean {
  return (district.level ?? (district.name.endsWith('市') ? 'city' : 'district')) === 'city'
}

/** Pinyin of district names, worked out once per name: the same few names are asked about for every hint of every article. */
const tonelessNames = new Map<string, string>()

function toneless(name: string): string {
  let reading = tonelessNames.get(name)
  if (reading === undefined) {
    reading = pinyin(name, { toneType: 'none', type: 'array' }).join('').toLowerCase()
    tonelessNames.set(name, reading)
  }
  return reading
}

/** A metadata token (already simplified) names the district: it contains the full name, starts with the short name, or is its pinyin (anyuan, anyuanqu). */
function tokenNames(token: string, district: DistrictRef): boolean {
  const short = getShortName(district.name)
  if (token.includes(district.name)) return true
  if (short && token.startsWith(short) && [...token].length <= [...short].length + 4) return true
  const latin = token.toLowerCase()
  return /^[a-z]+$/.test(latin) && [district.name, short].some((name) => name !== null && toneless(name) === latin)
}

const FULL_NAME_WEIGHT = 2
/** This many divisions named in one text make it a city-wide story. */
const CITY_WIDE_DIVISIONS = 4

/** Non-overlapping occurrences, left to right (as text.split(word).length - 1 counts them, without the array). */
function countOccurrences(text: string, word: string): number {
  if (word === '') return text.split(word).length - 1
  let count = 0
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) count++
  return count
}

/**
 * The districts an article is about, as canonical names, main one first.
 * - Explicit metadata (categories, tags, breadcrumb) comes first, in its order.
 * - Then districts named in the text (converted to simplified first), most
 *   mentioned first. A district counts when its full name appears, or its
 *   short name (安源) appears at least twice: one passing short mention such
 *   as 安源精神 in an article about 湘东区 is not enough.
 * - The city (萍乡市) only when no district or county matched: nearly every
 *   article mentions its city, so it says nothing unless nothing else does.
 */
export function matchDistricts(evidence: DistrictEvidence, districts: readonly DistrictRef[]): string[] {
  const text = toSimplified(evidence.text)
  const fromHints = evidence.placeHints.flatMap((hint) => {
    const token = toSimplified(hint.trim()) // once per hint, not once per district
    return districts.filter((district) => tokenNames(token, district))
  })
  const fromText = districts
    .map((district, order) => {
      const short = getShortName(district.name)
      if (!short) {
        const full = countOccurrences(text, district.name)
        return { district, order, mentions: full, counts: full > 0 }
      }
      // Each full name holds its short name, so the full name only decides when the short one appears exactly once.
      // A full name says more than a short one (安源 is also a brand: 红色安源, 安源精神), so full names weigh double.
      const mentions = countOccurrences(text, short)
      const full = mentions > 0 ? countOccurrences(text, district.name) : 0
      return { district, order, mentions: mentions + full * FULL_NAME_WEIGHT, counts: mentions >= 2 || (mentions === 1 && full > 0) }
    })
    .filter((match) => match.counts)
    .sort((a, b) => b.mentions - a.mentions || a.order - b.order)
    .map((match) => match.district)
  // A text that names (nearly) every division is about the city as a whole: a profile, not a district story.
  const namedDivisions = fromText.filter((district) => !isCity(district)).length
  if (fromHints.length === 0 && namedDivisions >= CITY_WIDE_DIVISIONS) return districts.filter(isCity).map((district) => district.name)

  const ordered = [...new Set([...fromHints, ...fromText])]
  const local = ordered.filter((district) => !isCity(district))
  return (local.length > 0 ? local : ordered).map((district) => district.name)
}
