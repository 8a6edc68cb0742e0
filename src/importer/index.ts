/**
 * The importer's pure half: bytes in, a validated article out, no database.
 * Pipeline (see importDocument): readSourceFile → detectEncoding → decodeText
 * → normaliseText → detectFormat → parseDocument → detectScript
 * → normaliseArticle → matchDistricts → validateImportedArticle.
 */
export { buildLexicalBody, type LexicalBody } from './store/buildLexicalBody'
export { contentHash } from './read/contentHash'
export { convertScript } from './store/convertScript'
export { decodeText } from './decode/decodeText'
export { detectEncoding } from './decode/detectEncoding'
export { detectFormat } from './detect/detectFormat'
export { detectScript } from './detect/detectScript'
export { importDocument, type ImportOptions } from './importDocument'
export { createImportError, ImportError, isImportError, type ImportErrorCode } from './importError'
export { matchDistricts, type DistrictEvidence, type DistrictRef } from './normalise/matchDistricts'
export { normaliseArticle, type NormalisedBody } from './normalise/normaliseArticle'
export { normaliseText } from './normalise/normaliseText'
export { parseDocument } from './parse/parseDocument'
export type { ParsedDocument, ParsedItem } from './parse/parsedDocument'
export { readSourceFile } from './read/readSourceFile'
export * from './validate/schema'
export { toDryRunJson, type DryRunJson } from './toDryRunJson'
export { validateImportedArticle } from './validate/validateImportedArticle'
