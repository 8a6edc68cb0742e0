/**
 * The importer's pure half: bytes in, a validated article out, no database.
 * Pipeline (see importDocument): readSourceFile → detectEncoding → decodeText
 * → normaliseText → detectFormat → parseDocument → detectScript
 * → normaliseArticle → matchDistricts → validateImportedArticle.
 */
export { buildLexicalBody, type LexicalBody } from './buildLexicalBody'
export { contentHash } from './contentHash'
export { convertScript } from './convertScript'
export { decodeText } from './decodeText'
export { detectEncoding } from './detectEncoding'
export { detectFormat } from './detectFormat'
export { detectScript } from './detectScript'
export { importDocument, type ImportOptions } from './importDocument'
export { createImportError, ImportError, isImportError, type ImportErrorCode } from './importError'
export { matchDistricts, type DistrictEvidence, type DistrictRef } from './matchDistricts'
export { normaliseArticle, type NormalisedBody } from './normalise/normaliseArticle'
export { normaliseText } from './normalise/normaliseText'
export { parseDocument } from './parse/parseDocument'
export type { ParsedDocument, ParsedItem } from './parse/parsedDocument'
export { readSourceFile } from './readSourceFile'
export * from './schema'
export { toDryRunJson, type DryRunJson } from './toDryRunJson'
export { validateImportedArticle } from './validateImportedArticle'
