import { describe, expect, it } from 'vitest'
import { createImportError } from '../../src/importer/importError'
import { toDryRunJson } from '../../src/importer/toDryRunJson'

describe('toDryRunJson', () => {
  it('gives a failed file ok:false, the error line, and null or empty fields, in the CLI key order', () => {
    const json = toDryRunJson('photo.bin', createImportError('binary-file', 'photo.bin'))
    expect(Object.keys(json)).toEqual([
      'file', 'ok', 'error', 'format', 'encoding', 'script', 'title', 'subtitle', 'summary', 'originalPublishedAt',
      'source', 'sourceUrl', 'authors', 'photographers', 'districts', 'sectionHeadings', 'captions', 'paragraphs', 'warnings', 'dropped',
    ])
    expect(json).toMatchObject({ file: 'photo.bin', ok: false, error: 'photo.bin: binary file, not text', title: null, paragraphs: [], warnings: [] })
  })
})
