import type { DictGroup, DictLike } from 'opencc-js/core'

/**
 * OpenCC's dictionary trie and its longest-match conversion, reimplemented for
 * speed with the same results (test/importer/chineseConverters.test.ts compares
 * the two). opencc-js tries a dictionary lookup at every character and
 * allocates a match object per hit; here a bitset of the characters that can
 * start a key lets the scan step over all the others, a second one over the
 * first two characters of the keys ends most lookups at once, and a match
 * allocates nothing.
 */

interface TrieNode {
  children: Map<number, TrieNode> | null
  value: string | undefined
}

const SURROGATES = [0xd800, 0xdfff] as const
/** Size of the two-character filter: 2^18 bits, 32 KB. */
const PAIR_BITS = 1 << 18
/** Ideographic description characters (⿰ …): OpenCC steps over a whole description sequence without converting inside it. */
const IDS_OPERATORS = [0x2ff0, 0x2fff] as const

function codePointLength(text: string, index: number): number {
  return text.codePointAt(index)! > 0xffff ? 2 : 1
}

function idsArity(codePoint: number): number {
  if (codePoint >= 0x2ff0 && codePoint <= 0x2ff1) return 2
  if (codePoint >= 0x2ff2 && codePoint <= 0x2ff3) return 3
  if (codePoint >= 0x2ff4 && codePoint <= 0x2fff) return 2
  return 0
}

/** Where the description sequence starting at `index` ends (before `limit`), or 0 when none starts there (as OpenCC reads it). */
function idsEnd(text: string, index: number, limit: number): number {
  const arity = idsArity(text.codePointAt(index)!)
  if (arity === 0) return 0
  let end = index + codePointLength(text, index)
  for (let operand = 0; operand < arity; operand++) {
    if (end >= limit) return 0
    end = idsEnd(text, end, limit) || end + codePointLength(text, end)
  }
  return end
}

/** How far OpenCC moves on from a character that starts no key: one character, or a whole description sequence. */
function unmatchedLength(text: string, index: number, limit: number): number {
  const end = idsEnd(text, index, limit)
  return end > index ? end - index : codePointLength(text, index)
}

export class PhraseTrie {
  /**
   * First characters of the keys. In the BMP, a typed table from UTF-16 unit to
   * 1 + the node's index in a dense list (cheaper than a map lookup at every character); a map beyond it.
   */
  private readonly rootIndex = new Uint16Array(0x10000)
  private readonly rootNodes: TrieNode[] = []
  private readonly rootAstral = new Map<number, TrieNode>()
  /**
   * A bit for each UTF-16 unit that needs a closer look: the first character of
   * a key, a surrogate, a description operator. Bits rather than bytes: 8 KB
   * stays in the processor's cache while the rest of the pipeline runs.
   */
  private readonly needsLookup = new Uint32Array(0x10000 / 32)
  /**
   * A filter over the keys' first two characters, hashed into a bitset (it can
   * say yes wrongly, never no wrongly): at most places in running text no key
   * goes on past the first character, and this says so without a map lookup.
   */
  private readonly pairs = new Uint32Array(PAIR_BITS / 32)
  // The last match, in fields so that matching allocates nothing.
  private matchEnd = 0
  private matchValue = ''
  private matchNode: TrieNode | null = null

  constructor() {
    for (let unit = SURROGATES[0]; unit <= SURROGATES[1]; unit++) this.flag(unit)
    for (let unit = IDS_OPERATORS[0]; unit <= IDS_OPERATORS[1]; unit++) this.flag(unit)
  }

  /** A trie of one OpenCC dictionary group: where two dictionaries list a key, the earlier one wins (as in OpenCC). */
  static fromDictGroup(group: DictGroup): PhraseTrie {
    const trie = new PhraseTrie()
    for (const dict of [...group].reverse()) trie.loadDict(dict)
    return trie
  }

  loadDict(dict: DictLike): void {
    if (typeof dict === 'string') {
      for (const entry of dict.split('|')) {
        const [key, value] = entry.split(' ')
        if (typeof value !== 'string') throw new TypeError(`invalid OpenCC dictionary entry "${entry}"`)
        this.addWord(key!, value)
      }
    } else {
      for (const [key, value] of dict) this.addWord(key, value)
    }
  }

  addWord(key: string, value: string): void {
    const codePoints = Array.from(key, (char) => char.codePointAt(0)!)
    if (codePoints.length === 0) return // OpenCC stores an empty key on its root, where no match ever reads it
    const [first, ...rest] = codePoints as [number, ...number[]]
    let node = this.rootNode(first)
    if (!node) {
      node = { children: null, value: undefined }
      if (first > 0xffff) this.rootAstral.set(first, node)
      else if (this.rootNodes.length < 0xffff) this.rootIndex[first] = this.rootNodes.push(node)
      else throw new RangeError('more first characters than the table holds') // OpenCC's dictionaries have a few thousand
    }
    for (const codePoint of rest) {
      const children: Map<number, TrieNode> = (node.children ??= new Map()) // leaves get no map: most keys are one character
      let child = children.get(codePoint)
      if (!child) {
        child = { children: null, value: undefined }
        children.set(codePoint, child)
      }
      node = child
    }
    node.value = value
    this.flag(key.charCodeAt(0))
    if (rest.length > 0 && first <= 0xffff) {
      const bit = PhraseTrie.pairBit(first, key.charCodeAt(1))
      this.pairs[bit >>> 5]! |= 1 << (bit & 31)
    }
  }

  private static pairBit(first: number, second: number): number {
    return (Math.imul(first, 0x9e3779b1) ^ second) & (PAIR_BITS - 1)
  }

  /** False only when no key starts with these two characters (the first given as a code point, the second as a UTF-16 unit). */
  private mayContinue(first: number, second: number): boolean {
    if (first > 0xffff) return true // not filtered: keys beyond the BMP are rare
    const bit = PhraseTrie.pairBit(first, second)
    return (this.pairs[bit >>> 5]! & (1 << (bit & 31))) !== 0
  }

  private flag(unit: number): void {
    this.needsLookup[unit >>> 5]! |= 1 << (unit & 31)
  }

  private isFlagged(unit: number): boolean {
    return (this.needsLookup[unit >>> 5]! & (1 << (unit & 31))) !== 0
  }

  private rootNode(codePoint: number): TrieNode | undefined {
    if (codePoint > 0xffff) return this.rootAstral.get(codePoint)
    const index = this.rootIndex[codePoint]!
    return index === 0 ? undefined : this.rootNodes[index - 1]
  }

  /** The longest key starting at `index` and ending by `limit`: sets matchEnd/matchValue and returns true, or returns false. */
  private matchAt(text: string, index: number, limit: number): boolean {
    let codePoint = text.codePointAt(index)!
    let next = index + (codePoint > 0xffff ? 2 : 1)
    let node = this.rootNode(codePoint)
    let end = 0
    if (node?.children && next < limit && !this.mayContinue(codePoint, text.charCodeAt(next))) {
      // No key starts with these two characters: only the first one alone can match.
      if (node.value !== undefined) {
        this.matchValue = node.value
        this.matchNode = node
        end = next
      }
      this.matchEnd = end
      return end > 0
    }
    while (node) {
      if (node.value !== undefined) {
        end = next
        this.matchValue = node.value
        this.matchNode = node
      }
      if (!node.children || next >= limit) break
      codePoint = text.codePointAt(next)!
      next += codePoint > 0xffff ? 2 : 1
      node = node.children.get(codePoint)
    }
    this.matchEnd = end
    return end > 0
  }

  /** The text with each longest match replaced by its value, scanning left to right (OpenCC's Trie.convert). */
  convert(text: string): string {
    return this.convertRange(text, 0, text.length)
  }

  /** convert(text.slice(start, end)), without making the slice. */
  convertRange(text: string, start: number, end: number): string {
    let out = ''
    let copied = start
    for (let index = start; index < end; ) {
      if (!this.isFlagged(text.charCodeAt(index))) {
        index++
      } else if (this.matchAt(text, index, end)) {
        out += text.slice(copied, index) + this.matchValue
        index = copied = this.matchEnd
      } else {
        index += unmatchedLength(text, index, end)
      }
    }
    if (copied === start) return start === 0 && end === text.length ? text : text.slice(start, end)
    return copied < end ? out + text.slice(copied, end) : out
  }

  /**
   * Calls `visit` with the bounds of each piece of the text, in order: each
   * matched key (with its trie node, the same object each time the key
   * matches) and each run between them (OpenCC's Trie.segment, without making the pieces).
   */
  forEachSegment(text: string, visit: (start: number, end: number, key: object | null) => void): void {
    let pending = 0
    for (let index = 0; index < text.length; ) {
      if (!this.isFlagged(text.charCodeAt(index))) {
        index++
      } else if (this.matchAt(text, index, text.length)) {
        if (pending < index) visit(pending, index, null)
        visit(index, this.matchEnd, this.matchNode)
        index = pending = this.matchEnd
      } else {
        index += unmatchedLength(text, index, text.length)
      }
    }
    if (pending < text.length) visit(pending, text.length, null)
  }

  /**
   * convertRange for a stretch where no key longer than one character can
   * match: each character is looked up on its own. Returns null when the
   * stretch holds a description operator, whose sequence OpenCC steps over
   * whole (then convertRange must do it).
   */
  convertCharacterWise(text: string, start: number, end: number): string | null {
    let out = ''
    let copied = start
    for (let index = start; index < end; ) {
      const unit = text.charCodeAt(index)
      if (!this.isFlagged(unit)) {
        index++
        continue
      }
      if (unit >= IDS_OPERATORS[0] && unit <= IDS_OPERATORS[1]) return null
      const codePoint = text.codePointAt(index)!
      const length = codePoint > 0xffff ? 2 : 1
      const value = this.rootNode(codePoint)?.value
      if (value !== undefined) {
        out += text.slice(copied, index) + value
        copied = index + length
      }
      index += length
    }
    if (copied === start) return start === 0 && end === text.length ? text : text.slice(start, end)
    return copied < end ? out + text.slice(copied, end) : out
  }

  /** True when every key of this trie longer than one character is also a key of `other`. */
  hasLongKeysOnlyFrom(other: PhraseTrie): boolean {
    const covered = (node: TrieNode, otherNode: TrieNode | undefined, depth: number): boolean => {
      if (depth > 1 && node.value !== undefined && otherNode?.value === undefined) return false
      for (const [codePoint, child] of node.children ?? []) {
        if (!covered(child, otherNode?.children?.get(codePoint), depth + 1)) return false
      }
      return true
    }
    const roots: [number, TrieNode][] = [...this.rootAstral]
    this.rootIndex.forEach((index, unit) => {
      if (index > 0) roots.push([unit, this.rootNodes[index - 1]!])
    })
    return roots.every(([codePoint, node]) => covered(node, other.rootNode(codePoint), 1))
  }
}

/** One of OpenCC's preset configurations (opencc-js/preset `configs`). */
export interface OpenccConfig {
  normalizationChain?: readonly DictGroup[]
  segmentation?: DictLike | DictGroup
  conversionChain: readonly DictGroup[]
}

function isDictGroup(value: DictLike | DictGroup): value is DictGroup {
  return Array.isArray(value) && value.every((dict) => typeof dict === 'string')
}

/** A conversion function for an OpenCC preset configuration, as opencc-js's Converter builds it from the same one. */
export function buildOpenccConverter(config: OpenccConfig): (text: string) => string {
  const normalisers = (config.normalizationChain ?? []).map((group) => PhraseTrie.fromDictGroup(group))
  const segmentation = config.segmentation
    ? PhraseTrie.fromDictGroup(isDictGroup(config.segmentation) ? config.segmentation : [config.segmentation])
    : null
  const [first, ...others] = config.conversionChain.map((group) => PhraseTrie.fromDictGroup(group))
  const convertRest = (converted: string) => others.reduce((text, trie) => trie.convert(text), converted)
  // OpenCC converts each segment on its own, so that no match crosses a segment's edge.
  const convertRange = (text: string, start: number, end: number) =>
    convertRest(first ? first.convertRange(text, start, end) : text.slice(start, end))
  if (!segmentation) {
    return (text) => {
      const normalised = normalisers.reduce((current, trie) => trie.convert(current), text)
      return convertRange(normalised, 0, normalised.length)
    }
  }

  // Two shortcuts, both exact:
  // - a matched segment is a dictionary key, so its conversion depends on the key alone: worked out once per key;
  // - between matches the segmentation found no key starting at any character. When every longer key of the
  //   first conversion is a segmentation key too (so in s2tw), only single characters can match there.
  const convertedKeys = new Map<object, string>()
  const runsAreCharacterWise = first !== undefined && first.hasLongKeysOnlyFrom(segmentation)
  const convertRun = (text: string, start: number, end: number) => {
    const characterWise = runsAreCharacterWise ? first!.convertCharacterWise(text, start, end) : null
    return characterWise === null ? convertRange(text, start, end) : convertRest(characterWise)
  }
  return (text) => {
    const normalised = normalisers.reduce((current, trie) => trie.convert(current), text)
    let out = ''
    segmentation.forEachSegment(normalised, (start, end, key) => {
      if (key === null) {
        out += convertRun(normalised, start, end)
        return
      }
      let converted = convertedKeys.get(key)
      if (converted === undefined) {
        converted = convertRange(normalised, start, end)
        convertedKeys.set(key, converted)
      }
      out += converted
    })
    return out
  }
}
