import type { Payload } from 'payload'

import path from 'node:path'

import type { DistrictRef } from './matchDistricts'
import type { ImportedArticle } from './schema'

import { DISTRICTS_SLUG } from '../../collections/slugs'
import { referenceDistricts } from '../reference/districts'
import { contentHash } from './contentHash'
import { decodeText } from './decodeText'
import { importDocument } from './importDocument'
import { createImportError, isImportError } from './importError'
import { readSourceFile } from './readSourceFile'
import { buildArticleDocument } from './store/buildArticleDocument'
import { planImport } from './store/planImport'
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
  onProgress?: (done: number, total: number, file: string) => void
  /** Files planned and stored per batch (one lookup query per batch). */
  batchSize?: number
}

interface ParsedFile {
  file: string
  sourceFile: string
  bytes: Uint8Array
  article: ImportedArticle
}

/** The districts the importer recognises: the store's, or the reference list in a dry run. */
async function loadDistricts(payload: Payload | null): Promise<{ refs: DistrictRef[]; idsByName: Map<string, string> }> {
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

async function parseFile(file: string, districts: readonly DistrictRef[]): Promise<ParsedFile> {
  let bytes: Uint8Array
  try {
    bytes = await readSourceFile(file)
  } catch (error) {
    throw createImportError('unreadable-file', file, (error as NodeJS.ErrnoException).code ?? String(error))
  }
  return { file, sourceFile: path.basename(file), bytes, article: importDocument(bytes, { fileName: file, districts }) }
}

/**
 * read → parse (pure) → plan (pure) → store, for each file. A file that fails is
 * reported with its reason and the others go on; nothing stored is changed by a
 * failing file. Pass payload = null (or dryRun) to parse only.
 */
export async function runImport(payload: Payload | null, files: readonly string[], options: RunImportOptions): Promise<ImportFileResult[]> {
  const store = options.dryRun ? null : payload
  const districts = await loadDistricts(store)
  const batchSize = options.batchSize ?? 100
  const results: ImportFileResult[] = []

  for (let start = 0; start < files.length; start += batchSize) {
    const batch = files.slice(start, start + batchSize)
    const parsed: ParsedFile[] = []
    const outcomes = new Map<string, ImportFileResult>()
    for (const file of batch) {
      try {
        parsed.push(await parseFile(file, districts.refs))
      } catch (error) {
        outcomes.set(file, failure(file, error))
      }
    }
    // Cheap check first: files whose bytes are unchanged need no document built and no full lookup.
    const hashes = new Map(parsed.map((item) => [item.file, contentHash(item.bytes)]))
    const storedHashes = store ? await findStoredHashes(store, parsed.map((item) => item.sourceFile)) : new Map<string, StoredHash>()
    const changed = parsed.filter((item) => storedHashes.get(item.sourceFile)?.contentHash !== hashes.get(item.file))
    const existing = store && changed.length ? await findExistingArticles(store, changed.map((item) => item.sourceFile)) : new Map()
    for (const item of parsed) {
      const base = { file: item.file, ok: true, article: item.article, error: null, keptEditorFields: [] as string[] }
      if (!store) {
        outcomes.set(item.file, { ...base, action: 'parsed', id: null })
        continue
      }
      const stored = storedHashes.get(item.sourceFile)
      if (stored && stored.contentHash === hashes.get(item.file)) {
        outcomes.set(item.file, { ...base, action: 'unchanged', id: stored.id })
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
        const plan = planImport(document, existing.get(item.sourceFile))
        const id = await storeImportPlan(store, plan)
        outcomes.set(item.file, {
          ...base,
          action: plan.action === 'create' ? 'created' : plan.action === 'update' ? 'updated' : 'unchanged',
          id,
          keptEditorFields: plan.action === 'update' ? plan.keptEditorFields : [],
        })
      } catch (error) {
        outcomes.set(item.file, failure(item.file, error))
      }
    }
    for (const file of batch) {
      results.push(outcomes.get(file)!)
      options.onProgress?.(results.length, files.length, file)
    }
  }
  return results
}
