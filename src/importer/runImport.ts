import type { Payload } from 'payload'

import path from 'node:path'

import type { DistrictRef } from './normalise/matchDistricts'
import type { ImportedArticle } from './validate/schema'

import { DISTRICTS_SLUG } from '../../collections/slugs'
import { referenceDistricts } from '../reference/districts'
import { contentHash } from './read/contentHash'
import { decodeText } from './decode/decodeText'
import { importDocument } from './importDocument'
import { createImportError, isImportError } from './importError'
import { countResult, createImportTotals, type ImportTotals } from './importTotals'
import { DEFAULT_IMPORT_MAX_BYTES, readSourceFile } from './read/readSourceFile'
import { readSourceFiles, type SourceRead } from './read/readSourceFiles'
import { buildArticleDocument } from './store/buildArticleDocument'
import { planImport, type ImportPlan } from './store/planImport'
import { findExistingArticles, findStoredHashes, storeImportPlan, type StoredHash } from './store/storeImportedArticle'

export type ImportAction = 'created' | 'updated' | 'unchanged' | 'parsed'

export interface ImportFileResult {
  file: string
  ok: boolean
  action: ImportAction | null
  id: string | null
  article: ImportedArticle | null
  error: string | null
  /** Fields an editor had changed that a re-import left alone. */
  keptEditorFields: string[]
}

export interface RunImportOptions {
  /** Parse and validate only; the database is not touched. */
  dryRun: boolean
  /**
   * Receives each file's result, in the order of `files`, once its batch is done.
   * runImport keeps none of them (the caller keeps what it needs), so its memory
   * does not grow with the number of files. A returned promise is awaited before
   * the next result: a slow consumer holds the import back instead of piling up results.
   */
  onResult?: (result: ImportFileResult, done: number, total: number) => void | Promise<void>
  /** Files planned and stored per batch (one lookup query per batch). */
  batchSize?: number
  /** Files read from disk ahead of the parser. */
  readAhead?: number
  /** Larger files are refused, each with an error naming it (default DEFAULT_IMPORT_MAX_BYTES, 2 MB). */
  maxFileBytes?: number
}

interface ParsedFile {
  file: string
  sourceFile: string
  bytes: Uint8Array
  article: ImportedArticle
}

/** A file of the current batch: parsed, or already settled as a failure. */
type BatchEntry = { parsed: ParsedFile; failed: null } | { parsed: null; failed: ImportFileResult }

interface Districts {
  refs: DistrictRef[]
  idsByName: Map<string, string>
}

/** The districts the importer recognises: the store's, or the reference list in a dry run. */
async function loadDistricts(payload: Payload | null): Promise<Districts> {
  if (!payload) return { refs: referenceDistricts.map(({ name, level }) => ({ name, level })), idsByName: new Map() }
  const { docs } = await payload.find({ collection: DISTRICTS_SLUG, pagination: false, depth: 0, overrideAccess: true })
  return {
    refs: docs.map((doc) => ({ name: doc.name, level: doc.level })),
    idsByName: new Map(docs.map((doc) => [doc.name, String(doc.id)])),
  }
}

function failure(file: string, error: unknown): ImportFileResult {
  const message = isImportError(error) ? error.message : `${file}: ${error instanceof Error ? error.message : String(error)}`
  return { file, ok: false, action: null, id: null, article: null, error: message, keptEditorFields: [] }
}

/** The pure half for one file: its bytes to an article, or the failure that says why not. */
function parseSource(read: SourceRead, districts: readonly DistrictRef[]): BatchEntry {
  const { file } = read
  if (read.bytes === null) {
    if (isImportError(read.error)) return { parsed: null, failed: failure(file, read.error) } // refused, e.g. too large
    const reason = (read.error as NodeJS.ErrnoException).code ?? String(read.error)
    return { parsed: null, failed: failure(file, createImportError('unreadable-file', file, reason)) }
  }
  try {
    const article = importDocument(read.bytes, { fileName: file, districts })
    return { parsed: { file, sourceFile: path.basename(file), bytes: read.bytes, article }, failed: null }
  } catch (error) {
    return { parsed: null, failed: failure(file, error) }
  }
}

/** Plans and stores a batch of parsed files (nothing in a dry run); the results in the batch's order. */
async function settleBatch(store: Payload | null, batch: readonly BatchEntry[], districts: Districts): Promise<ImportFileResult[]> {
  const parsed = batch.flatMap((entry) => (entry.parsed ? [entry.parsed] : []))
  const succeeded = (item: ParsedFile, action: ImportAction, id: string | null, keptEditorFields: string[] = []): ImportFileResult => ({
    file: item.file,
    ok: true,
    action,
    id,
    article: item.article,
    error: null,
    keptEditorFields,
  })
  if (!store) return batch.map((entry) => entry.failed ?? succeeded(entry.parsed!, 'parsed', null))

  // Cheap check first: files whose bytes are unchanged need no document built and no full lookup.
  const hashes = new Map(parsed.map((item) => [item.file, contentHash(item.bytes)]))
  const storedHashes: Map<string, StoredHash> = await findStoredHashes(store, parsed.map((item) => item.sourceFile))
  const changed = parsed.filter((item) => storedHashes.get(item.sourceFile)?.contentHash !== hashes.get(item.file))
  const existing = changed.length ? await findExistingArticles(store, changed.map((item) => item.sourceFile)) : new Map()
  const results: ImportFileResult[] = []
  for (const entry of batch) {
    if (entry.failed) {
      results.push(entry.failed)
      continue
    }
    const item = entry.parsed
    const stored = storedHashes.get(item.sourceFile)
    if (stored && stored.contentHash === hashes.get(item.file)) {
      results.push(succeeded(item, 'unchanged', stored.id))
      continue
    }
    try {
      const document = buildArticleDocument({
        article: item.article,
        districtIdsByName: districts.idsByName,
        sourceFile: item.sourceFile,
        contentHash: hashes.get(item.file)!,
        originalText: decodeText(item.bytes, item.article.encoding, item.file),
      })
      // An import that never finished (no hash: it is written last) is stored again from scratch.
      const plan: ImportPlan =
        stored && stored.contentHash === null ? { action: 'replace', id: stored.id, document } : planImport(document, existing.get(item.sourceFile))
      const id = await storeImportPlan(store, plan)
      const action = plan.action === 'update' ? 'updated' : plan.action === 'unchanged' ? 'unchanged' : 'created'
      results.push(succeeded(item, action, id, plan.action === 'update' ? plan.keptEditorFields : []))
    } catch (error) {
      results.push(failure(item.file, error))
    }
  }
  return results
}

/**
 * read → parse (pure) → plan (pure) → store, for each file, in batches. Each
 * file's result goes to `onResult` in input order and is then let go; the
 * totals are returned. A file that fails is reported with its reason and the
 * others go on; nothing stored is changed by a failing file. Pass payload =
 * null (or dryRun) to parse only.
 */
export async function runImport(payload: Payload | null, files: readonly string[], options: RunImportOptions): Promise<ImportTotals> {
  const store = options.dryRun ? null : payload
  const districts = await loadDistricts(store)
  // A dry run looks nothing up per batch: each result goes out at once, so no article outlives its file.
  const batchSize = store ? Math.max(1, options.batchSize ?? 100) : 1
  const totals = createImportTotals()
  let done = 0
  let batch: BatchEntry[] = []

  const flush = async () => {
    const results = await settleBatch(store, batch, districts)
    batch = []
    for (const result of results) {
      countResult(totals, result)
      done++
      await options.onResult?.(result, done, files.length)
    }
  }
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_IMPORT_MAX_BYTES
  for await (const read of readSourceFiles(files, options.readAhead ?? 8, (file) => readSourceFile(file, maxFileBytes))) {
    batch.push(parseSource(read, districts.refs))
    if (batch.length >= batchSize) await flush()
  }
  if (batch.length > 0) await flush()
  return totals
}
