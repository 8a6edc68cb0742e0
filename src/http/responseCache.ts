/** An anonymous API answer as it was sent: status 200, the handler's headers, the body and its ETag. */
export interface CachedResponse {
  generation: string
  headers: [string, string][]
  body: Uint8Array<ArrayBuffer>
  etag: string
}

/** Rough bookkeeping per entry besides its body (key, headers, Map slot). */
const ENTRY_OVERHEAD_BYTES = 512

/**
 * Anonymous API answers in memory, for one content generation at a time, least recently used
 * first out when over `maxBytes`. An entry is served only for the generation it was computed
 * in: the caller reads the current generation from the database first, so when any server has
 * committed a write to public content, every server misses and answers from the database again.
 */
export class ResponseCache {
  readonly #entries = new Map<string, CachedResponse>()
  #generation = ''
  #bytes = 0

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.#entries.size
  }

  get bytes(): number {
    return this.#bytes
  }

  /** The answer cached for `key` in `generation`; a newer generation empties the cache first. */
  get(key: string, generation: string): CachedResponse | undefined {
    if (generation !== this.#generation) {
      this.#clear()
      this.#generation = generation
      return undefined
    }
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    // Most recently used last: Map keeps insertion order.
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    return entry
  }

  /** Keeps an answer, unless it was computed in a generation other than the current one or is too large. */
  set(key: string, entry: CachedResponse): void {
    if (entry.generation !== this.#generation) return
    const size = entrySize(key, entry)
    if (size > this.maxBytes / 4) return
    this.#delete(key)
    this.#entries.set(key, entry)
    this.#bytes += size
    for (const [oldestKey] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break
      this.#delete(oldestKey)
    }
  }

  #delete(key: string) {
    const entry = this.#entries.get(key)
    if (!entry) return
    this.#entries.delete(key)
    this.#bytes -= entrySize(key, entry)
  }

  #clear() {
    this.#entries.clear()
    this.#bytes = 0
  }
}

function entrySize(key: string, entry: CachedResponse): number {
  return entry.body.byteLength + key.length * 2 + ENTRY_OVERHEAD_BYTES
}
