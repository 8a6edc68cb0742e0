import { describe, expect, it } from 'vitest'
import { createImportError, ImportError, isImportError } from '../../src/importer/importError'

describe('createImportError', () => {
  it.each([
    { code: 'empty-file' as const, detail: undefined, message: 'a.txt: empty file', status: 422 },
    { code: 'binary-file' as const, detail: 'it contains NUL or control bytes', message: 'a.txt: binary file, not text: it contains NUL or control bytes', status: 415 },
    { code: 'unknown-format' as const, detail: 'no Chinese prose paragraph found', message: 'a.txt: unknown format: no Chinese prose paragraph found', status: 422 },
    { code: 'validation-failed' as const, detail: 'field title:\n  must not be empty', message: 'a.txt: validation failed: field title: must not be empty', status: 422 },
  ])('$code → one line with the file, the reason and a status', ({ code, detail, message, status }) => {
    const error = createImportError(code, 'a.txt', detail)
    expect(error).toBeInstanceOf(ImportError)
    expect([error.code, error.file, error.message, error.status]).toEqual([code, 'a.txt', message, status])
    expect(isImportError(error)).toBe(true)
  })

  it('isImportError is false for other errors', () => {
    expect(isImportError(new Error('x'))).toBe(false)
  })
})
