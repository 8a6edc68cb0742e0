/** A committed change to public content, as the change log holds it. */
export interface CacheChange {
  seq: number
  tags: readonly string[]
}

/** An anonymous API answer as it was sent: status 200, the handler's headers, the body and its ETag. */
export interface CachedResponse {
  headers: [string, string][]
  body: Uint8Array<ArrayBuffer>
  etag: string
}

/** A cached answer with what it depends on and the change it was computed after. */
export interface CacheEntry extends CachedResponse {
  /** Dependency tags (src/delivery/changeLog/dependencyTags.ts); `*` matches every change. */
  tags: readonly string[]
  /** The last change applied before the answer was computed: it reflects that one and every earlier one. */
  seq: number
}

/** Rough bookkeeping per entry besides its body (key, headers, tags, Map slots). */
const ENTRY_OVERHEAD_BYTES = 512
/** Applied changes remembered, to judge an answer that finishes after newer changes were applied. */
const RECENT_CHANGES = 1000
const EVERYTHING = '*'

/**
 * Anonymous API answers in memory, least recently used first out when over `maxBytes`, each with
 * the dependency tags it was computed from. The caller applies the change log's new rows before
 * every answer (apply): an answer is dropped when a change touches one of its tags, and the whole
 * cache when the log no longer holds every change since the last one applied (pruned past).
 */
export class ResponseCache {
  readonly #entries = new Map<string, CacheEntry>()
  readonly #keysByTag = new Map<string, Set<string>>()
  /** The last change applied; undefined before the first read of the log. */
  #seq: number | undefined
  /** Changes applied after #recentFrom, oldest first. */
  #recent: CacheChange[] = []
  #recentFrom = 0
  #bytes = 0

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.#entries.size
  }

  get bytes(): number {
    return this.#bytes
  }

  /** The last change applied (undefined before the first apply). */
  get seq(): number | undefined {
    return this.#seq
  }

  /**
   * Applies the changes read after `afterSeq` (oldest first; `latest` is the log's last number).
   * The first read of the log (the cache is empty) only sets the starting point. Returns the last
   * change applied: answers computed from now on reflect it.
   */
  apply(afterSeq: number | undefined, changes: readonly CacheChange[], latest: number): number {
    if (this.#seq === undefined || afterSeq === undefined) {
      if (this.#seq === undefined) this.#start(latest)
      return this.#seq!
    }
    // The log was pruned past `afterSeq`, or rewound (a database reset): what changed is unknown.
    if ((changes.length > 0 && changes[0]!.seq > afterSeq + 1) || latest < afterSeq) {
      this.#clear()
      this.#start(latest < afterSeq ? latest : Math.max(latest, this.#seq))
      return this.#seq!
    }
    for (const change of changes) {
      if (change.seq <= this.#seq) continue
      this.#invalidate(change.tags)
      this.#seq = change.seq
      this.#recent.push(change)
    }
    if (this.#recent.length > RECENT_CHANGES) {
      const dropped = this.#recent.splice(0, this.#recent.length - RECENT_CHANGES)
      this.#recentFrom = dropped.at(-1)!.seq
    }
    return this.#seq
  }

  /** The answer cached for `key`, if no change applied since touches it. */
  get(key: string): CacheEntry | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    // Most recently used last: Map keeps insertion order.
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    return entry
  }

  /**
   * Keeps an answer, unless a change applied after the one it was computed after touches it (or is
   * no longer remembered), or it is too large.
   */
  set(key: string, entry: CacheEntry): void {
    if (this.#seq === undefined || entry.seq > this.#seq || !this.#isCurrent(entry)) return
    const size = entrySize(key, entry)
    if (size > this.maxBytes / 4) return
    this.#delete(key)
    this.#entries.set(key, entry)
    for (const tag of entry.tags) {
      let keys = this.#keysByTag.get(tag)
      if (!keys) this.#keysByTag.set(tag, (keys = new Set()))
      keys.add(key)
    }
    this.#bytes += size
    for (const [oldestKey] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break
      this.#delete(oldestKey)
    }
  }

  #isCurrent(entry: CacheEntry): boolean {
    if (entry.seq === this.#seq) return true
    if (entry.seq < this.#recentFrom) return false
    const tags = new Set(entry.tags)
    return !this.#recent.some((change) => change.seq > entry.seq && (tags.has(EVERYTHING) || change.tags.some((tag) => tag === EVERYTHING || tags.has(tag))))
  }

  #invalidate(tags: readonly string[]) {
    if (tags.includes(EVERYTHING)) {
      this.#clear()
      return
    }
    for (const tag of [...tags, EVERYTHING]) {
      for (const key of this.#keysByTag.get(tag) ?? []) this.#delete(key)
    }
  }

  #start(seq: number) {
    this.#seq = seq
    this.#recent = []
    this.#recentFrom = seq
  }

  #delete(key: string) {
    const entry = this.#entries.get(key)
    if (!entry) return
    this.#entries.delete(key)
    this.#bytes -= entrySize(key, entry)
    for (const tag of entry.tags) {
      const keys = this.#keysByTag.get(tag)
      keys?.delete(key)
      if (keys?.size === 0) this.#keysByTag.delete(tag)
    }
  }

  #clear() {
    this.#entries.clear()
    this.#keysByTag.clear()
    this.#bytes = 0
  }
}

function entrySize(key: string, entry: CacheEntry): number {
  return entry.body.byteLength + key.length * 2 + ENTRY_OVERHEAD_BYTES + entry.tags.reduce((sum, tag) => sum + tag.length * 2, 0)
}
